import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

let test: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  test = await createLoadedDatabase();
  app = createTestApp(test);
});
afterAll(async () => {
  await test?.close();
});

type Row = Record<string, unknown>;
const ASEAN_2024 = 'group=ASEAN&year=2024';

/** Follows next_cursor from the first page to the last and returns every row served. */
async function allPages(url: string, field: 'observations' | 'rows'): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let next: string | null = url;
  let pages = 0;
  while (next) {
    const { status, body } = await getJson(app, next);
    expect(status).toBe(200);
    rows.push(...(body[field] as Row[]));
    pages++;
    next = body.next_cursor ? `${url}&cursor=${body.next_cursor}` : null;
  }
  return { rows, pages };
}

describe('several indicators in one /v1/observations request', () => {
  it('indicators=EGDI,OSI answers both, as the one-indicator requests do, by indicator, country, year', async () => {
    const { status, body } = await getJson(app, `/v1/observations?indicators=EGDI,OSI&${ASEAN_2024}`);
    expect(status).toBe(200);
    expect((body.indicators as Row[]).map((i) => i.code)).toEqual(['EGDI', 'OSI']);
    const rows = body.observations as Row[];
    // datasets/un-egov/2024/data.csv: 11 ASEAN members x 2 indicators in 2024.
    expect(rows).toHaveLength(22);
    const cell = (code: string, iso3: string) => rows.find((r) => r.indicator === code && r.iso3 === iso3)?.value;
    expect(cell('EGDI', 'VNM')).toBe(0.77092);
    expect(cell('OSI', 'VNM')).toBe(0.70811);
    expect(cell('EGDI', 'SGP')).toBe(0.96912);
    expect(cell('OSI', 'SGP')).toBe(0.98306);
    for (const code of ['EGDI', 'OSI']) {
      const single = await getJson(app, `/v1/observations?indicator=${code}&${ASEAN_2024}`);
      const mine = rows.filter((r) => r.indicator === code).map(({ indicator: _code, ...rest }) => rest);
      expect(mine).toEqual(single.body.observations);
    }
  });

  it('layout=wide gives a row per country and year with a column per indicator, and the release of each value', async () => {
    const { body } = await getJson(app, `/v1/observations?indicators=EGDI,OSI&${ASEAN_2024}&layout=wide`);
    const rows = body.rows as Row[];
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r.iso3 === 'VNM')).toEqual({
      iso3: 'VNM',
      country: 'Viet Nam',
      year: 2024,
      values: { EGDI: 0.77092, OSI: 0.70811 },
      releases: { EGDI: 'un-egov:2024', OSI: 'un-egov:2024' },
    });
    expect(rows.map((r) => r.iso3)).toEqual([...rows.map((r) => r.iso3 as string)].sort());
  });

  it('layout=wide&format=csv has the columns iso3, country, year, then one per indicator', async () => {
    const response = await app.request(`/v1/observations?indicators=EGDI,OSI&${ASEAN_2024}&layout=wide&format=csv`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]?.startsWith('iso3,country,year,EGDI,OSI')).toBe(true);
    expect(lines.find((l) => l.startsWith('VNM,'))?.startsWith('VNM,Viet Nam,2024,0.77092,0.70811')).toBe(true);
    expect(lines).toHaveLength(12);
  });

  it('long CSV and SDMX-CSV carry each row with its own indicator', async () => {
    const csv = await (await app.request(`/v1/observations?indicators=EGDI,OSI&${ASEAN_2024}&format=csv`)).text();
    expect(csv.split(/\r?\n/).filter((l) => l.startsWith('OSI,VNM,Viet Nam,2024,0.70811,'))).toHaveLength(1);
    const sdmx = await (await app.request(`/v1/observations?indicators=EGDI,OSI&${ASEAN_2024}&format=sdmx-csv`)).text();
    expect(sdmx).toContain(',VNM,OSI,2024,0.70811,index 0-1,A');
    expect(sdmx).toContain(',VNM,EGDI,2024,0.77092,index 0-1,A');
  });

  it.each([
    ['long', 'observations', (r: Row) => `${r.indicator} ${r.iso3} ${r.year}`],
    ['wide', 'rows', (r: Row) => `${r.iso3} ${r.year}`],
  ] as const)(
    'pages of the %s layout chain to exactly the unpaginated answer, nothing twice',
    async (layout, field, key) => {
      const url = `/v1/observations?indicators=EGDI,OSI,TII&group=ASEAN&from=2018&layout=${layout}`;
      const whole = (await getJson(app, url)).body[field] as Row[];
      const { rows, pages } = await allPages(`${url}&limit=7`, field);
      expect(pages).toBe(Math.ceil(whole.length / 7));
      expect(rows.map(key)).toEqual(whole.map(key));
      expect(new Set(rows.map(key)).size).toBe(rows.length);
    },
  );

  it('theme= answers every indicator of the theme', async () => {
    const theme = await getJson(app, '/v1/indicators?theme=digital-transformation');
    const codes = (theme.body.indicators as Row[]).map((i) => i.code as string).sort();
    const { status, body } = await getJson(
      app,
      '/v1/observations?theme=digital-transformation&group=ASEAN&latest=true',
    );
    expect(status).toBe(200);
    expect((body.indicators as Row[]).map((i) => i.code)).toEqual(codes);
    // An indicator is in the rows exactly when some ASEAN member (11 today) has a value for it.
    const served = new Set((body.observations as Row[]).map((r) => r.indicator));
    const without = body.countries_without_data as Record<string, string[]>;
    for (const code of codes) expect(served.has(code)).toBe((without[code] as string[]).length < 11);
    expect(served.size).toBeGreaterThan(10);
  });

  it.each([
    ['/v1/observations?group=ASEAN', 400, 'indicator is required (or indicators=a,b,c, or theme=)'],
    ['/v1/observations?indicator=EGDI&indicators=OSI,TII', 400, 'give one of indicator, indicators and theme'],
    ['/v1/observations?indicators=EGDI,EGDI', 400, 'EGDI is listed twice'],
    ['/v1/observations?indicators=', 400, 'indicator codes separated by commas'],
    ['/v1/observations?indicators=EGDI,NOPE', 400, 'Unknown indicator NOPE'],
    ['/v1/observations?theme=happiness', 400, 'theme must be one of'],
    ['/v1/observations?indicator=EGDI&layout=wide', 400, 'layout=wide needs several indicators'],
    ['/v1/observations?indicators=EGDI,OSI&layout=wide&format=sdmx-csv', 400, 'sdmx-csv is one row per observation'],
    ['/v1/observations?indicators=EGDI,OSI&layout=tall', 400, 'layout must be long or wide'],
    ['/v1/observations?indicators=EGDI,OSI&cursor=nonsense', 400, 'cursor is not a cursor this API issued'],
  ])('%s answers %i problem+json saying what is wrong', async (url, status, message) => {
    const answer = await getJson(app, url);
    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(JSON.stringify(answer.body)).toContain(message);
  });
});
