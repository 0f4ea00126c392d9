import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { createTestApp, getJson } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

let test: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  test = await createLoadedDatabase();
  // A total (scale "amount") so per_capita has something meaningful to divide.
  const meta = testMeta({
    source: { ...testMeta().source, id: 'test-totals' },
    release: 'totals-1',
    indicators: [
      { ...testMeta().indicators[0], code: 'TEST.TOTAL', scale: 'amount', unit: 'US$', higher_is_better: null },
    ],
  });
  const rows = ['S,TEST.TOTAL,Total,VNM,2022,98186856000,US$', 'S,TEST.TOTAL,Total,THA,2022,179242575,US$'];
  await ingestReleaseFolder(test.db, await writeReleaseFolder(meta, [TIDY_HEADER, ...rows].join('\n')));
  app = createTestApp(test);
});
afterAll(async () => {
  await test?.close();
});

type Obs = { iso3: string; year: number | null; value: number; normalised: number | null };
const normalisedOf = (body: Record<string, unknown>) =>
  Object.fromEntries((body.observations as Obs[]).map((o) => [`${o.iso3}${o.year ?? ''}`, o.normalised]));

// EGDI 2024 (UN E-Government Survey): SGP 0.96912, VNM 0.77092, LAO 0.44038.
describe('normalisation within the countries and year of the request', () => {
  it('min-max maps the best to 100 and the worst to 0', async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=EGDI&countries=SGP,VNM,LAO&from=2024&to=2024&normalise=minmax',
    );
    expect(normalisedOf(body)).toEqual({
      SGP2024: 100,
      LAO2024: 0,
      VNM2024: ((0.77092 - 0.44038) / (0.96912 - 0.44038)) * 100, // ≈ 62.5128
    });
    expect(body.normalisation).toMatchObject({ method: 'minmax', peer_set: 'year', direction: 'higher' });
  });

  it('min-max honours higher_is_better=false: the best world rank scores 100', async () => {
    // EGDI_RANK 2024: SGP 3, VNM 71, LAO 152.
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=EGDI_RANK&countries=SGP,VNM,LAO&from=2024&to=2024&normalise=minmax',
    );
    expect(normalisedOf(body)).toEqual({ SGP2024: 100, LAO2024: 0, VNM2024: ((152 - 71) / (152 - 3)) * 100 }); // ≈ 54.3624
  });

  it('z-score uses the population standard deviation', async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=EGDI&countries=SGP,VNM,LAO&from=2024&to=2024&normalise=zscore',
    );
    const mean = (0.44038 + 0.96912 + 0.77092) / 3; // 0.72680667
    const sd = Math.sqrt(((0.44038 - mean) ** 2 + (0.96912 - mean) ** 2 + (0.77092 - mean) ** 2) / 3); // ÷ n, not n − 1: ≈ 0.21814
    const z = normalisedOf(body);
    expect(z.SGP2024).toBeCloseTo((0.96912 - mean) / sd, 12); // ≈ 1.1106
    expect(z.VNM2024).toBeCloseTo((0.77092 - mean) / sd, 12); // ≈ 0.2022
    expect(z.LAO2024).toBeCloseTo((0.44038 - mean) / sd, 12); // ≈ −1.3130
  });

  it('rank uses competition ranking for ties ("1224")', async () => {
    // GE.NO.SRC 2023 (number of WGI sources): IDN 9, LAO 8, SGP 8, MYS 7.
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=GE.NO.SRC&countries=IDN,LAO,SGP,MYS&from=2023&to=2023&normalise=rank',
    );
    expect(normalisedOf(body)).toEqual({ IDN2023: 1, LAO2023: 2, SGP2023: 2, MYS2023: 4 });
  });

  it('percentile counts ties as half: 100 × (beaten + ½ × (ties − 1)) / (n − 1)', async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=GE.NO.SRC&countries=IDN,LAO,SGP,MYS&from=2023&to=2023&normalise=percentile',
    );
    // IDN beats 3 → 100·3/3; LAO beats MYS, ties SGP → 100·1.5/3; MYS beats none.
    expect(normalisedOf(body)).toEqual({ IDN2023: 100, LAO2023: 50, SGP2023: 50, MYS2023: 0 });
  });

  it("index:<base-year> divides by the same country's base-year value, even outside from/to", async () => {
    // EGDI VNM 2003 0.35726, 2005 0.36398; SGP 2003 0.74633, 2005 0.8503.
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=EGDI&countries=SGP,VNM&from=2005&to=2005&normalise=index:2003',
    );
    expect(normalisedOf(body)).toEqual({ SGP2005: (100 * 0.8503) / 0.74633, VNM2005: (100 * 0.36398) / 0.35726 }); // ≈ 113.93, 101.88
  });

  it('index to a base year without data gives null, not a guess', async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=EGDI&countries=VNM&from=2005&to=2005&normalise=index:2006',
    );
    expect(normalisedOf(body)).toEqual({ VNM2005: null });
  });

  it('per_capita divides a total by the population of the same country and year', async () => {
    // SP.POP.TOTL 2022: VNM 98,186,856; THA 71,697,030.
    const { body } = await getJson(app, '/v1/observations?indicator=TEST.TOTAL&countries=VNM,THA&normalise=per_capita');
    expect(normalisedOf(body)).toEqual({ THA2022: 179242575 / 71697030, VNM2022: 98186856000 / 98186856 }); // 2.5 and 1000
    expect(normalisedOf(body)).toEqual({ THA2022: 2.5, VNM2022: 1000 });
  });

  it('refuses per_capita for an index, a share or a score with incompatible_normalisation', async () => {
    for (const indicator of ['EGDI', 'BI.EMP.TOTL.PB.ZS', 'GE.EST']) {
      const response = await app.request(`/v1/observations?indicator=${indicator}&countries=VNM&normalise=per_capita`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('incompatible_normalisation');
    }
  });

  it('leaves values flagged zero-no-data out of the normalisation', async () => {
    // TII 2012: MMR published 0 (flag zero-no-data); VNM 0.3512, SGP 0.7641 … so MMR is not the minimum.
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=TII&countries=MMR,VNM,SGP&from=2012&to=2012&normalise=minmax',
    );
    expect(normalisedOf(body)).toMatchObject({ MMR2012: null, SGP2012: 100, VNM2012: 0 });
  });
});

describe('latest values and vintages', () => {
  it("latest=true gives each country's most recent value with its real year", async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=BI.WAG.TOTL.GD.ZS&countries=VNM,KOR,SGP&latest=true',
    );
    expect((body.observations as Obs[]).map((o) => [o.iso3, o.year, o.value])).toEqual([
      ['KOR', 2018, 6.5910382270813],
      ['SGP', 2020, 3.79295682907104],
      ['VNM', 2019, 8.89999675750732],
    ]);
  });

  it('max_age drops latest values older than N years before the newest', async () => {
    const { body } = await getJson(
      app,
      '/v1/observations?indicator=BI.WAG.TOTL.GD.ZS&countries=VNM,KOR,SGP&latest=true&max_age=1',
    );
    expect((body.observations as Obs[]).map((o) => o.iso3)).toEqual(['SGP', 'VNM']); // KOR 2018 < 2020 − 1
  });

  it('as_of answers KHM 2022 GDP per capita from the vintage published by that date', async () => {
    const before = await getJson(
      app,
      '/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2022&to=2022&as_of=2025-03-23',
    );
    const after = await getJson(
      app,
      '/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2022&to=2022&as_of=2025-03-24',
    );
    expect((before.body.observations as Obs[])[0]).toMatchObject({
      value: 1759.60802346044,
      release: 'wb-wdi:2023-12-gdp-per-capita',
    });
    expect((after.body.observations as Obs[])[0]).toMatchObject({
      value: 2325.03050040841,
      release: 'wb-wdi:2025-03-24-gdp-per-capita',
    });
  });

  it('release= answers from that release only, and the response is cacheable forever', async () => {
    const response = await app.request(
      '/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2021&to=2022&release=wb-wdi:2023-12-gdp-per-capita',
    );
    const body = (await response.json()) as { observations: Obs[]; vintage: unknown };
    expect(body.observations.map((o) => o.value)).toEqual([1625.23502147979, 1759.60802346044]);
    expect(body.vintage).toEqual({ kind: 'release', release: 'wb-wdi:2023-12-gdp-per-capita', as_of: null });
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('an unknown release is a 404 that names it', async () => {
    const { status, body } = await getJson(app, '/v1/observations?indicator=EGDI&release=wb-wdi:1999');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'unknown_release', detail: expect.stringContaining('wb-wdi:1999') });
  });
});

// EGDI 2024 of the ASEAN members.
const EGDI_2024 = {
  BRN: 0.75536,
  IDN: 0.79911,
  KHM: 0.57536,
  LAO: 0.44038,
  MMR: 0.50007,
  MYS: 0.81114,
  PHL: 0.76212,
  SGP: 0.96912,
  THA: 0.8351,
  TLS: 0.40202,
  VNM: 0.77092,
};

describe('aggregates with coverage under both membership rules', () => {
  it('ASEAN EGDI 2024 averages 11 members by default (current membership)', async () => {
    const { body } = await getJson(app, '/v1/aggregates?indicator=EGDI&group=ASEAN&stat=mean&from=2024&to=2024');
    const [y] = body.years as { year: number; value: number; reporting: number; members: number; missing: string[] }[];
    const all = Object.values(EGDI_2024);
    expect(y).toMatchObject({ year: 2024, reporting: 11, members: 11, missing: [] });
    expect(y?.value).toBeCloseTo(all.reduce((a, b) => a + b, 0) / 11, 12); // 8.02070 / 11 ≈ 0.729155
  });

  it('with membership=historical ASEAN in 2024 has 10 members: Timor-Leste joined in 2025', async () => {
    const { body } = await getJson(
      app,
      '/v1/aggregates?indicator=EGDI&group=ASEAN&stat=mean&from=2024&to=2024&membership=historical',
    );
    const [y] = body.years as { value: number; reporting: number; members: number; member_list: string[] }[];
    const withoutTls = Object.entries(EGDI_2024)
      .filter(([iso3]) => iso3 !== 'TLS')
      .map(([, v]) => v);
    expect(y).toMatchObject({ reporting: 10, members: 10 });
    expect(y?.member_list).not.toContain('TLS');
    expect(y?.value).toBeCloseTo(withoutTls.reduce((a, b) => a + b, 0) / 10, 12); // 7.61868 / 10 = 0.761868
    expect((body.selection as { group: { rule: string } }).group.rule).toBe('historical');
  });

  it('names the members that did not report and never imputes them', async () => {
    // Wage bill % GDP 2020: KOR's series ends in 2018, JPN's in 2019, CHN has none, VNM ends 2019.
    const { body } = await getJson(
      app,
      '/v1/aggregates?indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3&stat=max&from=2020&to=2020',
    );
    const [y] = body.years as { value: number; reporting: number; members: number; missing: string[] }[];
    expect(y).toMatchObject({
      reporting: 10,
      members: 14,
      missing: ['CHN', 'JPN', 'KOR', 'VNM'],
      value: 12.7675247192383,
    }); // TLS
  });

  it('the population-weighted mean weighs each value by its population (ASEAN EGDI 2022)', async () => {
    const { body } = await getJson(
      app,
      '/v1/aggregates?indicator=EGDI&group=ASEAN&stat=population_weighted&from=2022&to=2022',
    );
    const egdi = {
      BRN: 0.727,
      IDN: 0.716,
      KHM: 0.5056,
      LAO: 0.3764,
      MMR: 0.4994,
      MYS: 0.774,
      PHL: 0.6523,
      SGP: 0.9133,
      THA: 0.766,
      TLS: 0.4372,
      VNM: 0.6787,
    };
    const pop = {
      BRN: 449002,
      IDN: 275501339,
      KHM: 16767842,
      LAO: 7529475,
      MMR: 54179306,
      MYS: 33938221,
      PHL: 115559009,
      SGP: 5637022,
      THA: 71697030,
      TLS: 1341296,
      VNM: 98186856,
    };
    const codes = Object.keys(egdi) as (keyof typeof egdi)[];
    const expected = codes.reduce((s, c) => s + egdi[c] * pop[c], 0) / codes.reduce((s, c) => s + pop[c], 0); // ≈ 0.6723
    const [y] = body.years as { value: number; not_weighted: string[] }[];
    expect(y?.value).toBeCloseTo(expected, 12);
    expect(y?.not_weighted).toEqual([]);
  });
});

describe('rankings, compare and profiles', () => {
  it('ranks ASEAN on EGDI 2024 best first, with the score, the median and full coverage', async () => {
    const { body } = await getJson(app, '/v1/rankings?indicator=EGDI&group=ASEAN&year=2024');
    const ranking = body.ranking as { rank: number; iso3: string; value: number; score: number }[];
    expect(ranking.map((r) => r.iso3)).toEqual([
      'SGP',
      'THA',
      'MYS',
      'IDN',
      'VNM',
      'PHL',
      'BRN',
      'KHM',
      'MMR',
      'LAO',
      'TLS',
    ]);
    expect(ranking[4]).toMatchObject({
      rank: 5,
      iso3: 'VNM',
      value: 0.77092,
      score: ((0.77092 - 0.40202) / (0.96912 - 0.40202)) * 100,
    });
    expect(body.median).toBe(0.76212); // PHL, the 6th of the 11 sorted values
    expect(body.coverage).toEqual({ reporting: 11, members: 11, missing: [] });
  });

  it('shares a rank between tied countries and skips the next', async () => {
    const { body } = await getJson(app, '/v1/rankings?indicator=GE.NO.SRC&countries=IDN,LAO,SGP,MYS&year=2023');
    expect(
      (body.ranking as { rank: number; iso3: string; tied: boolean }[]).map((r) => [r.rank, r.iso3, r.tied]),
    ).toEqual([
      [1, 'IDN', false],
      [2, 'LAO', true],
      [2, 'SGP', true],
      [4, 'MYS', false],
    ]);
  });

  it('names the members that did not report a ranked value', async () => {
    const { body } = await getJson(app, '/v1/rankings?indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3&year=2020');
    expect(body.coverage).toEqual({ reporting: 10, members: 14, missing: ['CHN', 'JPN', 'KOR', 'VNM'] });
  });

  it('lists an indicator with no better direction highest first without calling it a contest: no direction, no score', async () => {
    const { body } = await getJson(app, '/v1/rankings?indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3&year=2020');
    expect(body.direction).toBeNull();
    const rows = body.ranking as { rank: number; iso3: string; value: number; score: number | null }[];
    // datasets/wb-wwbi/v3-2024-04/data.csv, 2020: TLS 12.7675247192383 … MMR 3.3016791343689.
    expect(rows.map((r) => r.iso3)).toEqual(['TLS', 'BRN', 'KHM', 'PHL', 'LAO', 'THA', 'MYS', 'IDN', 'SGP', 'MMR']);
    expect(rows[0]).toMatchObject({ rank: 1, value: 12.7675247192383, score: null });
    expect(rows.every((r) => r.score === null)).toBe(true);
  });

  it('compare gives a country × indicator matrix with the year of each value', async () => {
    const { body } = await getJson(app, '/v1/compare?indicators=EGDI,GE.EST&countries=SGP,VNM,LAO&latest=true');
    const vnm = (
      body.rows as {
        iso3: string;
        cells: Record<string, { value: number; year: number; score: number; rank: number }>;
      }[]
    ).find((r) => r.iso3 === 'VNM');
    expect(vnm?.cells.EGDI).toMatchObject({ value: 0.77092, year: 2024, rank: 2 });
    // WGI 2026 update, 2025: VNM 0.1762386, LAO -0.5930240999999999, SGP 2.0921398.
    expect(vnm?.cells['GE.EST']).toMatchObject({ value: 0.1762386, year: 2025, rank: 2 });
    expect(vnm?.cells['GE.EST']?.score).toBe(
      ((0.1762386 - -0.5930240999999999) / (2.0921398 - -0.5930240999999999)) * 100,
    );
  });

  it('profiles Viet Nam within ASEAN: rank, group statistics, frontier and change since the previous edition', async () => {
    const { body } = await getJson(app, '/v1/profiles/VNM?group=ASEAN');
    const egdi = (body.indicators as Record<string, unknown>[]).find((i) => i.indicator === 'EGDI');
    expect(egdi).toMatchObject({
      year: 2024,
      value: 0.77092,
      rank: 5,
      peers_reporting: 11,
      group_min: 0.40202,
      group_max: 0.96912,
      group_median: 0.76212, // PHL, 6th of 11
      frontier: { iso3: ['SGP'], value: 0.96912 },
      previous: { year: 2022, value: 0.6787 },
    });
    expect(egdi?.distance_to_frontier).toBe(0.96912 - 0.77092); // ≈ 0.1982
    expect(egdi?.change).toBe(0.77092 - 0.6787); // ≈ +0.0922
    expect(egdi?.group_mean).toBeCloseTo(Object.values(EGDI_2024).reduce((a, b) => a + b, 0) / 11, 12);
    expect(body.no_data).toContain('BI.WAG.PREM.PB'); // only IDN, TLS and CHN have it
  });

  it('a profile names the peers without data and never ranks an indicator with no better direction', async () => {
    const { body } = await getJson(app, '/v1/profiles/VNM?group=ASEAN%2B3');
    const entries = body.indicators as Record<string, unknown>[];
    const egdi = entries.find((i) => i.indicator === 'EGDI');
    expect(egdi).toMatchObject({ peers: 14, peers_reporting: 14, peers_without_data: [] });
    // The wage bill is neutral (higher_is_better null); China publishes none.
    const wage = entries.find((i) => i.indicator === 'BI.WAG.TOTL.GD.ZS') as Record<string, unknown>;
    expect(wage.rank).toBeNull();
    expect(wage.direction).toBeNull();
    expect(wage.peers_without_data).toContain('CHN');
    expect((wage.peers as number) - (wage.peers_reporting as number)).toBe(
      (wage.peers_without_data as string[]).length,
    );
  });
});

describe('composite with sensitivity to the weights', () => {
  // Latest values: EGDI 2024 and GE.EST 2025 (WGI 2026 update) for SGP, THA, MYS, VNM, LAO.
  const egdi = { SGP: 0.96912, THA: 0.8351, MYS: 0.81114, VNM: 0.77092, LAO: 0.44038 };
  const ge = {
    SGP: 2.0921398,
    THA: 0.2622931,
    MYS: 0.9567226999999999,
    VNM: 0.1762386,
    LAO: -0.5930240999999999,
  };
  const minmax = (v: number, lo: number, hi: number) => ((v - lo) / (hi - lo)) * 100;

  it('weights 5,1 are normalised to 5/6 and 1/6 and the composite is the weighted mean of min-max scores', async () => {
    const { body } = await getJson(
      app,
      '/v1/composite?indicators=EGDI,GE.EST&weights=5,1&countries=SGP,THA,MYS,VNM,LAO',
    );
    const components = body.components as { indicator: string; weight: number }[];
    expect(components[0]?.weight).toBeCloseTo(5 / 6, 15);
    expect(components[1]?.weight).toBeCloseTo(1 / 6, 15);
    const scores = Object.fromEntries(
      (body.scores as { iso3: string; score: number; rank: number }[]).map((s) => [s.iso3, s]),
    );
    // THA: 5/6 × 74.653 + 1/6 × 31.853 ≈ 67.520; MYS: 5/6 × 70.121 + 1/6 × 57.715 ≈ 68.054.
    const tha = (5 / 6) * minmax(egdi.THA, egdi.LAO, egdi.SGP) + (1 / 6) * minmax(ge.THA, ge.LAO, ge.SGP);
    const mys = (5 / 6) * minmax(egdi.MYS, egdi.LAO, egdi.SGP) + (1 / 6) * minmax(ge.MYS, ge.LAO, ge.SGP);
    expect(scores.THA?.score).toBeCloseTo(tha, 10);
    expect(scores.MYS?.score).toBeCloseTo(mys, 10);
    expect(scores.SGP?.rank).toBe(1);
    expect(scores.SGP?.score).toBeCloseTo(100, 10); // best on both components
    expect(scores.LAO?.rank).toBe(5);
    expect(scores.LAO?.score).toBeCloseTo(0, 10); // worst on both
    expect([scores.MYS?.rank, scores.THA?.rank]).toEqual([2, 3]);
  });

  it('shows the ranking of MYS and THA is fragile: raising the EGDI weight by 50% swaps them', async () => {
    // EGDI weight 7.5 vs 1: THA ≈ (7.5 × 74.652 + 27.526) / 8.5 ≈ 69.11 > MYS ≈ 67.91.
    const { body } = await getJson(
      app,
      '/v1/composite?indicators=EGDI,GE.EST&weights=5,1&countries=SGP,THA,MYS,VNM,LAO',
    );
    const sensitivity = body.sensitivity as {
      scenarios: number;
      ranks: { iso3: string; base_rank: number; min_rank: number; max_rank: number }[];
    };
    expect(sensitivity.scenarios).toBe(4);
    expect(Object.fromEntries(sensitivity.ranks.map((r) => [r.iso3, [r.base_rank, r.min_rank, r.max_rank]]))).toEqual({
      SGP: [1, 1, 1],
      MYS: [2, 2, 3],
      THA: [3, 2, 3],
      VNM: [4, 4, 4],
      LAO: [5, 5, 5],
    });
  });

  it('missing=exclude leaves out a country without every component; missing=skip scores it on what it has', async () => {
    // Wage bill % GDP: CHN has none.
    const skip = await getJson(
      app,
      '/v1/composite?indicators=EGDI,BI.WAG.TOTL.GD.ZS&countries=SGP,CHN,VNM&missing=skip',
    );
    const exclude = await getJson(
      app,
      '/v1/composite?indicators=EGDI,BI.WAG.TOTL.GD.ZS&countries=SGP,CHN,VNM&missing=exclude',
    );
    const chn = (body: Record<string, unknown>) =>
      (body.scores as { iso3: string; score: number | null; missing_components: string[] }[]).find(
        (s) => s.iso3 === 'CHN',
      );
    expect(chn(exclude.body)).toMatchObject({ score: null, missing_components: ['BI.WAG.TOTL.GD.ZS'] });
    // CHN's EGDI 2024 0.87184 between VNM 0.77092 and SGP 0.96912; alone it carries the full weight.
    expect(chn(skip.body)?.score).toBe(((0.87184 - 0.77092) / (0.96912 - 0.77092)) * 100);
    expect(skip.body.missing).toBe('skip');
  });
});

describe('the changes feed between the two WDI GDP-per-capita vintages', () => {
  it('lists 486 added (14 GDP 2023 + 472 Internet users) and 39 changed values since the population release of 2024-02-12', async () => {
    const { body } = await getJson(app, '/v1/changes?since_release=wb-wdi:2024-02-12-population');
    expect(body.since).toMatchObject({
      basis: 'published_on',
      release: 'wb-wdi:2024-02-12-population',
      date: '2024-02-12',
    });
    expect(body.new_releases).toEqual(['wb-wdi:2024-11-internet-users', 'wb-wdi:2025-03-24-gdp-per-capita']);
    const changes = body.changes as { source: string; change: string; indicator: string; iso3: string; year: number }[];
    expect(changes.every((c) => c.source === 'wb-wdi')).toBe(true);
    // Before: 763 GDP (2023-12 vintage) + 882 population = 1,645 values; 39 of them revised. Added: 14 GDP
    // values for 2023 and the 472 of the Internet-users release (published 2024-11-29).
    const count = (kind: string) => changes.filter((c) => c.change === kind).length;
    expect([count('added'), count('changed'), count('removed')]).toEqual([14 + 472, 39, 0]);
    expect(body.next_cursor).toBeNull();
    const khm2022 = changes.find((c) => c.indicator === 'NY.GDP.PCAP.CD' && c.iso3 === 'KHM' && c.year === 2022);
    expect(khm2022).toEqual({
      source: 'wb-wdi',
      change: 'changed',
      indicator: 'NY.GDP.PCAP.CD',
      iso3: 'KHM',
      year: 2022,
      before: 1759.60802346044,
      after: 2325.03050040841,
      release: 'wb-wdi:2025-03-24-gdp-per-capita',
    });
  });

  it('pages the same 525 changes with a cursor, in order, none twice', async () => {
    const seen: string[] = [];
    let url: string | null = '/v1/changes?since_release=wb-wdi:2024-02-12-population&limit=50';
    while (url) {
      const { body } = await getJson(app, url);
      const page = body.changes as { indicator: string; iso3: string; year: number }[];
      seen.push(...page.map((c) => `${c.indicator}|${c.iso3}|${c.year}`));
      url = body.next_cursor
        ? `/v1/changes?since_release=wb-wdi:2024-02-12-population&limit=50&cursor=${body.next_cursor}`
        : null;
    }
    expect(seen.length).toBe(525);
    expect(new Set(seen).size).toBe(525);
  });

  it('since a date lists only the sources with a newer release', async () => {
    const { body } = await getJson(app, '/v1/changes?since=2025-01-01');
    const sources = new Set((body.changes as { source: string }[]).map((c) => c.source));
    expect([...sources].sort()).toEqual(['civscope-training', 'itu-datahub', 'wb-findex', 'wb-wdi', 'wb-wgi']);
  });
});

describe('CSV and SDMX-CSV read back with a real CSV parser', () => {
  it('format=csv is RFC 4180 with CRLF and round-trips every value', async () => {
    const response = await app.request('/v1/observations?indicator=TRN.MIN.HOURS&group=ASEAN%2B3&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'indicator,iso3,country,year,value,flag,note,release,source,licence,reference_url',
    );
    const { data, errors } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data.map((r) => [r.iso3, r.year, Number(r.value), r.flag])).toEqual([
      // 90 class hours, not clock hours: shown as published, flagged, never drawn on the hours axis.
      ['CHN', '2016', 90, 'other-unit'],
      ['MYS', '2022', 40, 'confidence-medium'],
      ['SGP', '', 100, 'confidence-low'],
    ]);
    expect(data[0]?.note).toContain('Unit as published: class hours (xueshi) per year'); // a field with commas, quoted
  });

  it('format=sdmx-csv has the SDMX-CSV columns and full-precision values', async () => {
    const text = await (
      await app.request('/v1/observations?indicator=GE.EST&countries=SGP&from=2022&to=2022&format=sdmx-csv')
    ).text();
    const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(data).toEqual([
      {
        STRUCTURE: 'dataflow',
        STRUCTURE_ID: 'CIVSCOPE:DF_WB_WGI(1.0)',
        ACTION: 'I',
        REF_AREA: 'SGP',
        INDICATOR: 'GE.EST',
        TIME_PERIOD: '2022',
        OBS_VALUE: '2.0829036', // the WGI 2026 update's, current since it re-estimated 2022
        UNIT_MEASURE: 'governance score (approx. -2.5 to 2.5)',
        OBS_STATUS: 'A',
      },
    ]);
  });
});

describe('cursor pagination for bulk pulls', () => {
  it('pages through GE.EST for ASEAN+3 without gaps or repeats', async () => {
    const full = await getJson(app, '/v1/observations?indicator=GE.EST&group=ASEAN%2B3');
    const seen: string[] = [];
    let url = '/v1/observations?indicator=GE.EST&group=ASEAN%2B3&limit=100';
    for (let page = 0; page < 10; page++) {
      const { body, headers } = await getJson(app, url);
      seen.push(...(body.observations as Obs[]).map((o) => `${o.iso3}${o.year}`));
      if (!body.next_cursor) break;
      expect(headers.get('link')).toContain('rel="next"');
      url = `/v1/observations?indicator=GE.EST&group=ASEAN%2B3&limit=100&cursor=${body.next_cursor}`;
    }
    expect(seen).toEqual((full.body.observations as Obs[]).map((o) => `${o.iso3}${o.year}`));
    expect(seen).toHaveLength(375); // 347 to 2023, and 2024 and 2025 for the 14 (WGI 2026 update)
  });
});

describe('caching', () => {
  it('every 200 carries an ETag; If-None-Match gets a 304; CORS is open', async () => {
    const first = await app.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024', {
      headers: { origin: 'https://example.org' },
    });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"\d+-[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const again = await app.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const reordered = await app.request('/v1/rankings?year=2024&group=ASEAN&indicator=EGDI', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(reordered.status).toBe(304);
  });

  it('a new release changes the ETag and the served value', async () => {
    const url = '/v1/observations?indicator=TEST.TOTAL&countries=VNM';
    const before = await app.request(url);
    const meta = testMeta({
      source: { ...testMeta().source, id: 'test-totals' },
      release: 'totals-2',
      published_on: '2024-06-01',
      indicators: [
        { ...testMeta().indicators[0], code: 'TEST.TOTAL', scale: 'amount', unit: 'US$', higher_is_better: null },
      ],
    });
    await ingestReleaseFolder(
      test.db,
      await writeReleaseFolder(meta, `${TIDY_HEADER}\nS,TEST.TOTAL,Total,VNM,2022,5,US$`),
    );
    const after = await app.request(url, { headers: { 'if-none-match': before.headers.get('etag') ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(((await after.json()) as { observations: Obs[] }).observations[0]?.value).toBe(5);
  });
});
