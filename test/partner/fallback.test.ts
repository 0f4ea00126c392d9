import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

interface Point {
  iso3: string;
  year: number;
  value: number;
  requested_year?: number;
}
const points = async (url: string) => {
  const { status, body } = await getJson(loaded.app, url);
  expect([url, status, body.detail]).toEqual([url, 200, undefined]);
  return body.observations as Point[];
};

describe('year with fallback (like mrnev)', () => {
  it('previous: EGDI is biennial, so 2023 is answered from 2022 for every country, saying so', async () => {
    const asked = await points('/v1/observations?indicator=EGDI&group=ASEAN&year=2023&fallback=previous');
    const in2022 = await points('/v1/observations?indicator=EGDI&group=ASEAN&year=2022');
    expect(asked.map((p) => [p.iso3, p.year, p.value, p.requested_year])).toEqual(
      in2022.map((p) => [p.iso3, 2022, p.value, 2023]),
    );
  });

  it('nearest: 2025 comes from 2024; a tie (2023 between 2022 and 2024) goes to the earlier year', async () => {
    const from2024 = await points('/v1/observations?indicator=EGDI&countries=VNM,THA&year=2024');
    const asked2025 = await points('/v1/observations?indicator=EGDI&countries=VNM,THA&year=2025&fallback=nearest');
    expect(asked2025.map((p) => [p.iso3, p.year, p.value])).toEqual(from2024.map((p) => [p.iso3, 2024, p.value]));
    const tie = await points('/v1/observations?indicator=EGDI&countries=VNM&year=2023&fallback=nearest');
    expect(tie.map((p) => p.year)).toEqual([2022]);
  });

  it('max_age bounds the distance: nothing within 0 years of 2023, and the countries are named', async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/observations?indicator=EGDI&countries=VNM,THA&year=2023&fallback=previous&max_age=0',
    );
    expect(body.observations).toEqual([]);
    expect(body.countries_without_data).toEqual(['VNM', 'THA']);
  });

  it('a value that exists in the year asked is served as is', async () => {
    const asked = await points('/v1/observations?indicator=EGDI&countries=VNM&year=2024&fallback=nearest');
    expect(asked.map((p) => [p.year, p.requested_year])).toEqual([[2024, 2024]]);
  });

  it('fallback without a year, or an unknown mode, is a 400 naming the parameter', async () => {
    for (const url of [
      '/v1/observations?indicator=EGDI&countries=VNM&fallback=nearest',
      '/v1/observations?indicator=EGDI&countries=VNM&year=2023&fallback=closest',
    ]) {
      const { status, body } = await getJson(loaded.app, url);
      expect([status, body.code, body.parameter]).toEqual([400, 'invalid_parameter', 'fallback']);
    }
  });
});
