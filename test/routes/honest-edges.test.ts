import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

describe('gaps stay gaps', () => {
  it('a single country with missing survey years is drawn in separate pieces, never bridged', async () => {
    // Viet Nam's public employment share: 2007–2010, 2012, 2014, 2016 (other countries report 2011, 2013, 2015).
    const svg = await (
      await loaded.app.request('/v1/charts/timeseries.svg?indicator=BI.EMP.TOTL.PB.ZS&countries=VNM&from=2007')
    ).text();
    const lines = [...svg.matchAll(/<path[^>]*d="([^"]+)"[^>]*stroke="#D55E00"/gi)].filter((m) => m[1]?.includes('L'));
    expect(lines.map((m) => (m[1]?.match(/M/g) ?? []).length)).toEqual([4]);
  });

  it('a published zero that means "no data" is not drawn, described or used as a previous value', async () => {
    const chart = await getJson(loaded.app, '/v1/charts/timeseries?indicator=TII&countries=MMR&from=2010&to=2014');
    expect(chart.body.description).toBe('Myanmar: 0.0045 (2010) → 0.0084 (2014).'); // 2012's 0 is left out
    const profile = await getJson(loaded.app, '/v1/profiles/MMR?group=ASEAN&year=2014');
    const tii = (profile.body.indicators as { indicator: string; previous: unknown }[]).find(
      (i) => i.indicator === 'TII',
    );
    expect(tii?.previous).toEqual({ year: 2010, value: 0.00449 });
  });

  it('a heatmap draws a cell without a value as "no data" instead of dropping it', async () => {
    // China has no wage-bill figure.
    const svg = await (
      await loaded.app.request('/v1/charts/heatmap.svg?indicators=EGDI,BI.WAG.TOTL.GD.ZS&countries=CHN,VNM,SGP')
    ).text();
    expect(svg).toContain('no data');
  });
});

describe('words follow the indicator direction', () => {
  it('a slope of world ranks calls the largest fall the largest improvement', async () => {
    // EGDI world rank 2022 → 2024: PHL 89 → 73, VNM 86 → 71, SGP 12 → 3.
    const { body } = await getJson(
      loaded.app,
      '/v1/charts/slope?indicator=EGDI_RANK&countries=PHL,VNM,SGP&from=2022&to=2024',
    );
    expect(body.description).toBe('From 2022 to 2024: Philippines 89 → 73 (largest improvement).');
  });
});

describe('parameters', () => {
  it.each([
    ['/v1/observations?indicator=EGDI&as_of=0000-01-01', 'as_of must fall between 1900 and 2100'],
    ['/v1/changes?since=0000-01-01', 'since must fall between 1900 and 2100'],
    ['/v1/observations?indicator=EGDI&contries=VNM', 'unknown parameter "contries"'],
    ['/v1/rankings?indicator=EGDI&yaer=2024', 'unknown parameter "yaer"'],
    ['/v1/observations?indicator=EGDI&year=2022&from=2020', 'give either year or from/to'],
    ['/v1/observations?indicator=GE.NO.SRC&normalise=per_capita', 'per_capita'],
    ['/v1/observations?indicator=SP.POP.TOTL&normalise=per_capita', 'the population itself'],
  ])('%s → 400 saying %s', async (url, message) => {
    const response = await loaded.app.request(url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain(message);
  });

  it('year= on /v1/observations gives that year only', async () => {
    const { body } = await getJson(loaded.app, '/v1/observations?indicator=EGDI&countries=VNM,SGP&year=2022');
    expect((body.observations as { year: number }[]).map((o) => o.year)).toEqual([2022, 2022]);
  });
});

describe('cached responses', () => {
  it('follow the calendar: ASEAN gains Timor-Leste on 2025-10-26 without a new release', async () => {
    let today = new Date('2025-10-25T12:00:00Z');
    const clockApp = createApp({
      db: loaded.test.db,
      now: () => today,
      versions: dataVersionSource(loaded.test.db, 0),
    });
    const before = await clockApp.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024');
    expect(((await before.json()) as { coverage: { members: number } }).coverage.members).toBe(10);
    today = new Date('2025-10-26T12:00:00Z');
    const after = await clockApp.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024', {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { coverage: { members: number } }).coverage.members).toBe(11);
  });

  it("answer a repeat from the cache with this request's own rate-limit headers, not the first one's", async () => {
    const limited = createApp({
      db: loaded.test.db,
      versions: dataVersionSource(loaded.test.db, 0),
      rateLimit: { limit: 10, windowMs: 60_000 },
    });
    const first = await limited.request('/v1/sources', { headers: { 'x-forwarded-for': '192.0.2.9' } });
    const second = await limited.request('/v1/sources', { headers: { 'x-forwarded-for': '192.0.2.9' } });
    expect(first.headers.get('ratelimit')).toBe('limit=10, remaining=9, reset=60');
    expect(second.headers.get('ratelimit')).toBe('limit=10, remaining=8, reset=60');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
  });

  it('carry the URLs of the host they were asked on', async () => {
    const a = await getJson(loaded.app, 'http://a.example/v1/charts/ranking?indicator=EGDI&group=ASEAN&year=2024');
    const b = await getJson(loaded.app, 'http://b.example/v1/charts/ranking?indicator=EGDI&group=ASEAN&year=2024');
    expect(a.body.data_url).toMatch(/^http:\/\/a\.example\//);
    expect(b.body.data_url).toMatch(/^http:\/\/b\.example\//);
  });

  it('every table CSV says which releases and licences it comes from', async () => {
    const response = await loaded.app.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024&format=csv');
    expect(response.headers.get('access-control-allow-origin')).toBe('*'); // CORS on CSV too
    const csv = await response.text();
    const [header, first] = csv.split('\r\n');
    expect(header).toBe(
      'indicator,rank,iso3,country,value,year,score,tied,flag,note,reference_url,release,releases,licence',
    );
    expect(first).toMatch(/,un-egov:2024,UN E-Government Survey: UN terms of use: free to reuse with attribution$/);
  });
});
