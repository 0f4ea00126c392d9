import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

describe('registry routes', () => {
  it('GET /health answers ok', async () => {
    expect(await getJson(loaded.app, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('GET /v1/countries lists the 14 countries with Vietnamese names', async () => {
    const { body } = await getJson(loaded.app, '/v1/countries');
    expect(body.count).toBe(14);
    const countries = body.countries as { iso3: string; name: { vi: string } }[];
    expect(countries.find((c) => c.iso3 === 'VNM')?.name.vi).toBe('Việt Nam');
    expect(countries.find((c) => c.iso3 === 'THA')?.name.vi).toBe('Thái Lan');
    expect(countries.find((c) => c.iso3 === 'KOR')?.name.vi).toBe('Hàn Quốc');
  });

  it('GET /v1/countries/TLS gives its ASEAN accession date', async () => {
    const { body } = await getJson(loaded.app, '/v1/countries/TLS');
    expect(body.memberships).toContainEqual({ group: 'ASEAN', joined_on: '2025-10-26', left_on: null });
  });

  it('GET /v1/groups/ASEAN counts 10 members on 2025-10-25 and 11 on 2025-10-26', async () => {
    expect((await getJson(loaded.app, '/v1/groups/ASEAN?on=2025-10-25')).body.member_count).toBe(10);
    expect((await getJson(loaded.app, '/v1/groups/ASEAN?on=2025-10-26')).body.member_count).toBe(11);
  });

  it('GET /v1/groups lists ASEAN+3 with 14 members today', async () => {
    const { body } = await getJson(loaded.app, '/v1/groups');
    const groups = body.groups as { code: string; members: string[] }[];
    expect(groups.find((g) => g.code === 'ASEAN+3')?.members).toHaveLength(14);
  });
});

describe('catalogue routes', () => {
  it('GET /v1/indicators?theme=digital-government lists the six UN e-government series', async () => {
    const { body } = await getJson(loaded.app, '/v1/indicators?theme=digital-government');
    expect((body.indicators as { code: string }[]).map((i) => i.code).sort()).toEqual([
      'EGDI',
      'EGDI_RANK',
      'EPI',
      'HCI',
      'OSI',
      'TII',
    ]);
  });

  it('GET /v1/indicators/BI.WAG.TOTL.GD.ZS gives coverage and names the countries without data', async () => {
    const { body } = await getJson(loaded.app, '/v1/indicators/BI.WAG.TOTL.GD.ZS');
    expect(body.missing_countries).toEqual(['CHN']);
    const coverage = body.coverage as { iso3: string; first_year: number; last_year: number; years: number[] }[];
    expect(coverage.find((c) => c.iso3 === 'VNM')).toMatchObject({
      first_year: 2015,
      last_year: 2019,
      years: [2015, 2016, 2017, 2018, 2019],
    });
    expect(coverage.find((c) => c.iso3 === 'KOR')).toMatchObject({ first_year: 2000, last_year: 2018 });
  });

  it('GET /v1/sources and /v1/releases list the thirteen sources (ITU since 2026-12) and every wb-wdi release, oldest first', async () => {
    expect((await getJson(loaded.app, '/v1/sources')).body.count).toBe(13);
    const { body } = await getJson(loaded.app, '/v1/releases?source=wb-wdi');
    expect((body.releases as { id: string }[]).map((r) => r.id)).toEqual([
      'wb-wdi:2023-12-gdp-per-capita',
      'wb-wdi:2024-02-12-population',
      'wb-wdi:2024-11-internet-users',
      'wb-wdi:2025-03-24-gdp-per-capita',
    ]);
  });
});

describe('GET /v1/observations', () => {
  it('serves values with year, flag, release and source, and the licence and citation of the response', async () => {
    const { status, body } = await getJson(
      loaded.app,
      '/v1/observations?indicator=EGDI&countries=SGP,VNM&from=2022&to=2024',
    );
    expect(status).toBe(200);
    expect(body.observations).toEqual([
      {
        iso3: 'SGP',
        country: 'Singapore',
        year: 2022,
        value: 0.9133,
        flag: null,
        note: null,
        reference_url: null,
        release: 'un-egov:2024',
        source: 'un-egov',
      },
      {
        iso3: 'SGP',
        country: 'Singapore',
        year: 2024,
        value: 0.96912,
        flag: null,
        note: null,
        reference_url: null,
        release: 'un-egov:2024',
        source: 'un-egov',
      },
      {
        iso3: 'VNM',
        country: 'Viet Nam',
        year: 2022,
        value: 0.6787,
        flag: null,
        note: null,
        reference_url: null,
        release: 'un-egov:2024',
        source: 'un-egov',
      },
      {
        iso3: 'VNM',
        country: 'Viet Nam',
        year: 2024,
        value: 0.77092,
        flag: null,
        note: null,
        reference_url: null,
        release: 'un-egov:2024',
        source: 'un-egov',
      },
    ]);
    expect(body.licence).toBe('UN E-Government Survey: UN terms of use: free to reuse with attribution');
    expect(body.citation).toMatch(/^United Nations Department of Economic and Social Affairs/);
  });

  it('answers the newest vintage for KHM 2022 GDP per capita, and the older one for years it does not cover', async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2019&to=2022',
    );
    const values = (body.observations as { year: number; value: number; release: string }[]).map((o) => [
      o.year,
      o.value,
      o.release,
    ]);
    expect(values).toEqual([
      [2019, 1671.3854000919, 'wb-wdi:2023-12-gdp-per-capita'],
      [2020, 2081.73914242939, 'wb-wdi:2025-03-24-gdp-per-capita'],
      [2021, 2167.40324198499, 'wb-wdi:2025-03-24-gdp-per-capita'],
      [2022, 2325.03050040841, 'wb-wdi:2025-03-24-gdp-per-capita'],
    ]);
  });

  it('uses a group, states its members, and names members without data', async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/observations?indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3&from=2019&to=2019',
    );
    expect((body.selection as { group: { members: string[] } }).group.members).toHaveLength(14);
    expect(body.countries_without_data).toEqual(['CHN', 'KOR']);
    expect(body.count).toBe(12);
  });

  it('keeps undated training mandates, with their note and reference', async () => {
    const { body } = await getJson(loaded.app, '/v1/observations?indicator=TRN.MIN.HOURS&group=ASEAN%2B3');
    const sgp = (body.observations as { iso3: string; year: number | null; flag: string }[]).find(
      (o) => o.iso3 === 'SGP',
    );
    expect(sgp).toMatchObject({ year: null, flag: 'confidence-low' });
  });
});

describe('bad requests get problem+json that names the problem', () => {
  it.each([
    ['/v1/observations?indicator=NOPE&countries=VNM', 400, 'unknown_indicator', 'NOPE'],
    ['/v1/observations?indicator=egdi&countries=VNM', 400, 'unknown_indicator', 'Did you mean EGDI?'],
    ['/v1/observations?indicator=EGDI&countries=VNM,XYZ', 400, 'unknown_country', 'XYZ'],
    ['/v1/observations?indicator=EGDI&countries=vnm', 400, 'invalid_parameter', 'did you mean VNM?'],
    ['/v1/observations?indicator=EGDI&countries=VNM,VNM', 400, 'invalid_parameter', 'VNM is listed twice'],
    ['/v1/observations?indicator=EGDI&countries=', 400, 'invalid_parameter', 'empty entry'],
    ['/v1/observations?indicator=EGDI&group=EU', 404, 'unknown_group', 'EU'],
    ['/v1/observations?indicator=EGDI&countries=VNM&group=ASEAN', 400, 'invalid_parameter', 'not both'],
    ['/v1/observations?indicator=EGDI&from=2024&to=2020', 400, 'invalid_parameter', 'from (2024) is after to (2020)'],
    ['/v1/observations?indicator=EGDI&from=3000', 400, 'invalid_parameter', 'from must be 2100 or earlier'],
    ['/v1/observations?indicator=EGDI&from=abc', 400, 'invalid_parameter', 'from'],
    ['/v1/observations?countries=VNM', 400, 'invalid_parameter', 'indicator'],
    ["/v1/observations?indicator=EGDI';DROP TABLE observation;--", 400, 'invalid_parameter', 'indicator'],
    ['/v1/countries/XYZ', 404, 'unknown_country', 'XYZ'],
    ['/v1/countries/vnm', 400, 'invalid_parameter', 'iso3'],
    ['/v1/groups/NATO', 404, 'unknown_group', 'NATO'],
    ['/v1/groups/ASEAN?on=2025-02-30', 400, 'invalid_parameter', 'not a real calendar date'],
    ['/v1/indicators/NOPE', 404, 'unknown_indicator', 'NOPE'],
    ['/v1/indicators?theme=sports', 400, 'invalid_parameter', 'theme'],
    ['/v1/releases?source=nope', 400, 'invalid_parameter', 'nope'],
    ['/v1/nothing-here', 404, 'not_found', '/v1/nothing-here'],
  ])('%s → %i %s', async (url, status, code, mentions) => {
    const response = await loaded.app.request(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await response.json()) as { code: string; detail: string; status: number };
    expect(body.code).toBe(code);
    expect(body.status).toBe(status);
    expect(body.detail).toContain(mentions);
  });
});
