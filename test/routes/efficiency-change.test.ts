import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * GET /v1/efficiency/change: the Malmquist index per country between two years, built from the
 * same DEA-CRS input-oriented scores /v1/efficiency serves for each year (the maths is tested
 * against a published example in test/domain/malmquist.test.ts).
 */
const ctx = useLoadedApp();

type Country = {
  iso3: string;
  country: string;
  malmquist: number;
  efficiency_change: number;
  technical_change: number;
  scores: { before: number; after: number; after_on_before: number; before_on_after: number };
  sentence: string;
};
const QUERY = 'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN';

describe('GET /v1/efficiency/change', () => {
  it('ASEAN 2014 → 2018: each year’s score is /v1/efficiency’s for that year, and M = EC × TC', async () => {
    const { status, body } = await getJson(ctx.app, `/v1/efficiency/change?${QUERY}&from=2014&to=2018`);
    expect(status).toBe(200);
    const countries = body.countries as Country[];
    expect(countries.length).toBe(10);
    const scoreIn = async (year: number) => {
      const r = await getJson(ctx.app, `/v1/efficiency?${QUERY}&year=${year}&method=dea-crs&orientation=input`);
      return new Map((r.body.scores as { iso3: string; score: number }[]).map((s) => [s.iso3, s.score]));
    };
    const [y2014, y2018] = await Promise.all([scoreIn(2014), scoreIn(2018)]);
    for (const c of countries) {
      expect(c.scores.before, c.iso3).toBeCloseTo(y2014.get(c.iso3) as number, 9);
      expect(c.scores.after, c.iso3).toBeCloseTo(y2018.get(c.iso3) as number, 9);
      expect(c.efficiency_change).toBeCloseTo(c.scores.after / c.scores.before, 12);
      expect(c.malmquist).toBeCloseTo(c.efficiency_change * c.technical_change, 12);
    }
    // Best first; Viet Nam has no wage bill for 2014 and is named with the year it lacks.
    expect(countries.map((c) => c.malmquist)).toEqual([...countries.map((c) => c.malmquist)].sort((a, b) => b - a));
    expect(body.left_out).toEqual([{ iso3: 'VNM', country: 'Viet Nam', missing_in: [2014] }]);
    const mean = (body.summary as { geometric_mean: { malmquist: number } }).geometric_mean.malmquist;
    expect(mean).toBeCloseTo(Math.exp(countries.reduce((s, c) => s + Math.log(c.malmquist), 0) / countries.length), 12);
  });

  it('with max_gap=1 reads each period from a window of two years: Viet Nam’s 2019 wage bill beside its 2020 outputs', async () => {
    const query = 'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN%2B3&from=2016&to=2020';
    const exact = (await getJson(ctx.app, `/v1/efficiency/change?${query}`)).body;
    // One year per period: Viet Nam has no wage bill for 2020 and is left out.
    expect(exact.max_gap).toBe(0);
    expect(
      (exact.left_out as { iso3: string; missing_in: number[] }[]).find((l) => l.iso3 === 'VNM')?.missing_in,
    ).toEqual([2020]);
    for (const c of exact.countries as (Country & { years: unknown })[])
      expect(c.years).toEqual({ from: { from: 2016, to: 2016 }, to: { from: 2020, to: 2020 } });
    const windowed = (await getJson(ctx.app, `/v1/efficiency/change?${query}&max_gap=1`)).body;
    expect(windowed.max_gap).toBe(1);
    const vnm = (windowed.countries as (Country & { years: unknown })[]).find((c) => c.iso3 === 'VNM');
    expect(vnm?.years).toEqual({ from: { from: 2016, to: 2016 }, to: { from: 2019, to: 2020 } });
    expect(vnm?.malmquist).toBeCloseTo((vnm?.efficiency_change as number) * (vnm?.technical_change as number), 12);
    // Japan joins the same way (its 2019 wage bill); China and Korea still lack one.
    expect((exact.countries as Country[]).length).toBe(10);
    expect((windowed.countries as Country[]).length).toBe(12);
    expect((windowed.left_out as { iso3: string }[]).map((l) => l.iso3)).toEqual(['CHN', 'KOR']);
    const bad = await getJson(ctx.app, `/v1/efficiency/change?${query}&max_gap=6`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('max_gap');
  });

  it('says it in Vietnamese: ×1,07 with a decimal comma, the direction in words', async () => {
    const { body } = await getJson(ctx.app, `/v1/efficiency/change?${QUERY}&from=2014&to=2018&lang=vi`);
    const sgp = (body.countries as Country[]).find((c) => c.iso3 === 'SGP') as Country;
    // Singapore is on the frontier both years: its efficiency does not change.
    expect(sgp.efficiency_change).toBeCloseTo(1, 9);
    expect(sgp.sentence).toContain('thay đổi hiệu quả ×1,00 (giữ nguyên khoảng cách tới đường biên)');
    expect((body.summary as { sentence: string }).sentence).toMatch(
      /^Trên 10 nước được so sánh, trung bình nhân của chỉ số là ×\d,\d\d/,
    );
  });

  it('format=csv: a row per country compared with the same numbers, the countries left out last', async () => {
    const url = `/v1/efficiency/change?${QUERY}&from=2014&to=2018`;
    const { body } = await getJson(ctx.app, url);
    const response = await ctx.app.request(`${url}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'iso3,country,from,to,malmquist,efficiency_change,technical_change,score_from,score_to,score_to_on_from_frontier,score_from_on_to_frontier,missing_in',
    );
    const first = (body.countries as Country[])[0] as Country;
    expect(lines[1]?.split(',').slice(0, 5)).toEqual([
      first.iso3,
      first.country,
      '2014',
      '2018',
      String(first.malmquist),
    ]);
    expect(lines.at(-1)).toBe('VNM,Viet Nam,2014,2018,,,,,,,,2014');
  });

  it.each([
    [`${QUERY}&from=2018&to=2014`, 400, 'from (2018) must be before to (2014)'],
    [`${QUERY}&from=2018&to=2018`, 400, 'from (2018) must be before to (2018)'],
    [`${QUERY}&from=2014`, 400, 'to is required'],
    ['inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST&group=ASEAN&from=2014&to=2018', 422, 'Zero or negative values: GE.EST'],
    [`${QUERY}&from=1990&to=1992`, 422, 'No country has a value'],
  ])('/v1/efficiency/change?%s → %i problem+json', async (query, status, detail) => {
    const response = await getJson(ctx.app, `/v1/efficiency/change?${query}`);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toContain(detail);
  });

  it('answers 501 where no LP solver is deployed (the edge)', async () => {
    const edge = createApp({ db: ctx.test.db });
    const response = await edge.request(`/v1/efficiency/change?${QUERY}&from=2014&to=2018`);
    expect(response.status).toBe(501);
  });
});
