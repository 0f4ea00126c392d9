import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { membersOn } from '../../src/domain/groups.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const ctx = useLoadedApp();
const TODAY = '2026-11-22'; // the test clock
const QUERY = '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN%2B3&latest=true';

/** Each country's newest value of an indicator, read straight from the shipped release file. */
async function latestFromFile(file: string, code: string) {
  const text = await readFile(new URL(`../../datasets/${file}`, import.meta.url), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const latest = new Map<string, { value: number; year: number }>();
  for (const row of rows.filter((r) => r.indicator_code === code)) {
    const year = Number(row.year);
    const iso3 = row.country_iso3 as string;
    if ((latest.get(iso3)?.year ?? -1) < year) latest.set(iso3, { value: Number(row.value), year });
  }
  return latest;
}

/** Government Effectiveness estimates of the WGI 2026 update's 2025 aggregates (wgi-long layout). */
async function wgi2026Estimates() {
  const text = await readFile(
    new URL('../../datasets/wb-wgi/2026/cci-wgi-2025-country-aggregates.csv', import.meta.url),
    'utf8',
  );
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return new Map(
    rows
      .filter((r) => r.dimension === 'ge')
      .map((r) => [r.economy_code as string, { value: Number(r.estimate), year: Number(r.year) }]),
  );
}

let wage: Map<string, { value: number; year: number }>;
let ge: Map<string, { value: number; year: number }>;
let egdi: Map<string, { value: number; year: number }>;
let members: string[];
let complete: string[];
beforeAll(async () => {
  wage = await latestFromFile('wb-wwbi/v3-2024-04/data.csv', 'BI.WAG.TOTL.GD.ZS');
  // The newest edition's latest year (2025) for every country.
  ge = await wgi2026Estimates();
  egdi = await latestFromFile('un-egov/2024/data.csv', 'EGDI');
  members = membersOn('ASEAN+3', TODAY);
  complete = members.filter((iso3) => wage.has(iso3) && ge.has(iso3) && egdi.has(iso3));
});

type Score = {
  iso3: string;
  score: number;
  on_frontier: boolean;
  peers: { iso3: string; weight: number }[];
  values: Record<string, { value: number; year: number }>;
  targets: { indicator: string; target: number; change_share: number | null }[];
  summary: string;
  jackknife: { low: number; high: number; most_influential: string | null };
};
const scoresOf = (body: Record<string, unknown>) =>
  Object.fromEntries((body.scores as Score[]).map((s) => [s.iso3, s]));

describe('GET /v1/efficiency on the shipped data (wage bill → government effectiveness, EGDI)', () => {
  it('scores every ASEAN+3 country that has all three, and names the others with what they lack', async () => {
    const { status, body } = await getJson(ctx.app, `${QUERY}&method=dea-vrs`);
    expect(status).toBe(200);
    expect((body.scores as Score[]).map((s) => s.iso3).sort()).toEqual([...complete].sort());
    const leftOut = members.filter((iso3) => !complete.includes(iso3));
    expect(leftOut.length).toBeGreaterThan(0);
    expect(body.left_out).toEqual(
      leftOut.map((iso3) => ({
        iso3,
        country: expect.any(String),
        missing: [
          wage.has(iso3) ? null : 'BI.WAG.TOTL.GD.ZS',
          ge.has(iso3) ? null : 'GE.EST',
          egdi.has(iso3) ? null : 'EGDI',
        ].filter(Boolean),
        reason: 'no_value',
      })),
    );
    expect(body.countries).toBe(complete.length);
  });

  it("reads a country's input and outputs from one window of two years (max_gap 1), not from each indicator's latest year", async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=fdh`);
    expect(body.max_gap).toBe(1);
    // Viet Nam: the wage bill ends in 2019 (WWBI v3, 8.89999675750732), so the window is 2019–2020:
    // Government Effectiveness 2020 (WGI 2026 estimates, 0.0222255) and EGDI 2020 (0.66670), where
    // each indicator's latest would have mixed 2019, 2025 and 2024.
    expect(scoresOf(body).VNM).toMatchObject({
      years: { from: 2019, to: 2020 },
      values: {
        'BI.WAG.TOTL.GD.ZS': { value: 8.89999675750732, year: 2019, release: 'wb-wwbi:v3-2024-04' },
        'GE.EST': { value: 0.0222255, year: 2020, release: 'wb-wgi:2026-estimates' },
        EGDI: { value: 0.6667, year: 2020, release: 'un-egov:2024' },
      },
    });
    expect(body.years_used).toBe(
      "Each country's inputs and outputs come from years at most 1 apart (the latest such years with all of them): 2020–2021 for Brunei Darussalam, Cambodia, Indonesia, Lao PDR, Malaysia, Myanmar, Philippines, Singapore, Thailand, Timor-Leste; 2019–2020 for Japan, Viet Nam; 2018–2019 for Korea, Rep.",
    );
    for (const score of body.scores as (Score & { years: { from: number; to: number } })[]) {
      const years = Object.values(score.values).map((v) => v.year);
      expect(score.years).toEqual({ from: Math.min(...years), to: Math.max(...years) });
      expect(score.years.to - score.years.from, score.iso3).toBeLessThanOrEqual(1);
    }
  });

  it('with max_gap=0 uses one year per country, and names a country whose years never meet', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=fdh&max_gap=0`);
    expect(body.max_gap).toBe(0);
    for (const score of body.scores as (Score & { years: { from: number; to: number } })[])
      expect(score.years.from, score.iso3).toBe(score.years.to);
    // Viet Nam's wage bill years (2017–2019 and earlier) meet EGDI's survey years (even years) in 2018.
    expect(scoresOf(body).VNM).toMatchObject({ years: { from: 2018, to: 2018 } });
  });

  it('FDH: Viet Nam is compared with the cheapest country that beats it on both outputs', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=fdh`);
    const scores = scoresOf(body);
    // Each country's aligned values, as the answer states them (checked against the files above).
    const x = (iso3: string) => scores[iso3]?.values['BI.WAG.TOTL.GD.ZS']?.value as number;
    const y = (iso3: string, code: string) => scores[iso3]?.values[code]?.value as number;
    const dominating = Object.keys(scores).filter(
      (iso3) => y(iso3, 'GE.EST') >= y('VNM', 'GE.EST') && y(iso3, 'EGDI') >= y('VNM', 'EGDI'),
    );
    const cheapest = dominating.reduce((a, b) => (x(a) <= x(b) ? a : b));
    const score = scoresOf(body).VNM as Score;
    expect(score.score).toBe(x(cheapest) / x('VNM'));
    expect(score.peers).toEqual([{ iso3: cheapest, country: expect.any(String), weight: 1 }]);
  });

  it('DEA-VRS: Viet Nam is benchmarked on a mix of its peers that matches its EGDI, by hand', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=dea-vrs`);
    const score = scoresOf(body).VNM as Score;
    const [p, q] = score.peers.map((peer) => peer.iso3) as [string, string];
    expect(score.peers).toHaveLength(2);
    // With one input and Σλ = 1, the binding output fixes the mix: λ_q = (y_VNM − y_p) / (y_q − y_p).
    const scores = scoresOf(body);
    const y = (iso3: string) => scores[iso3]?.values.EGDI?.value as number;
    const x = (iso3: string) => scores[iso3]?.values['BI.WAG.TOTL.GD.ZS']?.value as number;
    const lambdaQ = (y('VNM') - y(p)) / (y(q) - y(p));
    const target = (1 - lambdaQ) * x(p) + lambdaQ * x(q);
    expect(score.score).toBeCloseTo(target / x('VNM'), 9);
    expect(score.peers[1]?.weight).toBeCloseTo(lambdaQ, 9);
    expect(score.summary).toMatch(/^The same outputs with \d+ % less Wage bill/);
  });

  it('lists the frontier, what it rests on, and a leave-one-out range for each country', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=dea-vrs`);
    const scores = body.scores as Score[];
    const frontier = body.frontier as { countries: string[]; rests_on: string[]; rests_on_count: number };
    expect(frontier.countries).toEqual(
      scores
        .filter((s) => s.score === 1)
        .map((s) => s.iso3)
        .sort(),
    );
    expect(frontier.rests_on_count).toBe(frontier.rests_on.length);
    for (const s of scores) {
      expect(s.jackknife.low).toBe(s.score);
      expect(s.jackknife.high).toBeGreaterThanOrEqual(s.score);
      expect(s.on_frontier).toBe(frontier.countries.includes(s.iso3));
    }
    expect(body.robustness).toMatchObject({ minimum_countries: 9, small_sample: complete.length < 9 });
  });

  it('never presents Myanmar as a model: on the ASEAN frontier only for the smallest wage bill, said in words', async () => {
    const query = '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN&latest=true&method=dea-vrs';
    const { body } = await getJson(ctx.app, query);
    expect(body.frontier).toMatchObject({ countries: ['MMR', 'SGP'], models: ['SGP'] });
    const scores = scoresOf(body) as Record<
      string,
      Score & { super_efficiency: number | null; efficient_by_construction: unknown }
    >;
    expect(scores.MMR?.efficient_by_construction).toEqual({
      smallest_inputs: ['BI.WAG.TOTL.GD.ZS'],
      largest_outputs: [],
      note: 'Myanmar is on the frontier only because it has the smallest Wage bill as a percentage of GDP in the group: under variable returns no mix of the others can match that, whatever its other values. It is not a model to follow.',
    });
    // Singapore has the largest outputs but is also on the constant-returns frontier: a model.
    expect(scores.SGP?.efficient_by_construction).toBeNull();
    // Super-efficiency ranks the frontier; Singapore's program is infeasible (no mix of the others reaches its outputs).
    expect(scores.MMR?.super_efficiency).toBeGreaterThan(1);
    expect(scores.SGP?.super_efficiency).toBeNull();
    expect(scores.VNM?.super_efficiency).toBeNull();
    const vi = (await getJson(ctx.app, `${query}&lang=vi`)).body;
    expect(
      (scoresOf(vi).MMR as unknown as { efficient_by_construction: { note: string } }).efficient_by_construction.note,
    ).toMatch(
      /^Mi-an-ma nằm trên biên hiệu quả chỉ vì có .+ thấp nhất trong nhóm: .+ Đây không phải là hình mẫu để noi theo\.$/,
    );
  });

  it('gives every ASEAN country a Simar–Wilson 95 % interval and a bias-corrected score (B = 2,000, seeded)', async () => {
    const query = '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN&latest=true&method=dea-vrs';
    const { body } = await getJson(ctx.app, query);
    type Drawn = { bias_corrected: number; low: number; high: number; correct_bias: boolean };
    const scores = body.scores as (Score & { bootstrap: Drawn })[];
    expect(scores).toHaveLength(11);
    for (const s of scores) {
      expect(s.bootstrap.low).toBeLessThanOrEqual(s.bootstrap.bias_corrected);
      expect(s.bootstrap.bias_corrected).toBeLessThanOrEqual(s.bootstrap.high);
      // The estimated frontier is too close: the truth lies at or below the estimate.
      expect(s.bootstrap.high).toBeLessThanOrEqual(s.score + 1e-9);
    }
    // Viet Nam: 0.398 as estimated, 0.343 bias-corrected, 95 % between 0.287 and 0.389 (seed 20261207).
    const vnm = scores.find((s) => s.iso3 === 'VNM')?.bootstrap;
    expect(vnm?.bias_corrected).toBeCloseTo(0.343312, 5);
    expect(vnm?.low).toBeCloseTo(0.286848, 5);
    expect(vnm?.high).toBeCloseTo(0.389224, 5);
    const robustness = body.robustness as { bootstrap: Record<string, unknown> };
    expect(robustness.bootstrap).toMatchObject({
      method: 'simar-wilson-1998',
      replications: 2000,
      seed: 20261207,
      confidence: 0.95,
    });
    expect(robustness.bootstrap.sentence).toMatch(
      /^95 % intervals from Simar and Wilson's smoothed bootstrap \(2,000 replications, seed 20261207\): 0\.17 wide on average, widest 0\.39 \(Singapore\)\./,
    );
    // The same seed gives the same intervals; another seed others; bootstrap=0 none; FDH none.
    const again = (await getJson(ctx.app, `${query}&seed=20261207&bootstrap=2000`)).body;
    expect((again.scores as { bootstrap: Drawn }[]).map((s) => s.bootstrap)).toEqual(scores.map((s) => s.bootstrap));
    const other = (await getJson(ctx.app, `${query}&seed=7&bootstrap=200`)).body;
    expect(
      (other.scores as { iso3: string; bootstrap: Drawn }[]).find((s) => s.iso3 === 'VNM')?.bootstrap.low,
    ).not.toBe(vnm?.low);
    const none = (await getJson(ctx.app, `${query}&bootstrap=0`)).body;
    expect((none.scores as { bootstrap: unknown }[]).every((s) => s.bootstrap === null)).toBe(true);
    expect((none.robustness as { bootstrap: unknown }).bootstrap).toBeNull();
    const fdh = (await getJson(ctx.app, query.replace('dea-vrs', 'fdh'))).body;
    expect((fdh.robustness as { bootstrap: unknown }).bootstrap).toBeNull();
  });

  it('adds a second stage on income per head: least squares of the bias-corrected scores on log GDP per capita, with its caveat', async () => {
    const query =
      '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN&latest=true&control=NY.GDP.PCAP.CD';
    const { status, body } = await getJson(ctx.app, query);
    expect(status).toBe(200);
    type Stage = {
      n: number;
      slope: number;
      intercept: number;
      r2: number;
      countries: { iso3: string; year: number; value: number }[];
      sentence: string;
      caveat: string;
    };
    const stage = body.second_stage as Stage;
    // Every ASEAN country scored has a GDP per capita from the years its scores compare: Viet Nam 2020.
    expect(stage.n).toBe(11);
    expect(stage.countries.find((c) => c.iso3 === 'VNM')).toMatchObject({ year: 2020 });
    // The same line computed here from the answer's own numbers.
    const scores = body.scores as { iso3: string; bootstrap: { bias_corrected: number } }[];
    const x = stage.countries.map((c) => Math.log(c.value));
    const y = stage.countries.map((c) => scores.find((s) => s.iso3 === c.iso3)?.bootstrap.bias_corrected as number);
    const mx = x.reduce((a, b) => a + b, 0) / x.length;
    const my = y.reduce((a, b) => a + b, 0) / y.length;
    const sxy = x.reduce((a, xi, i) => a + (xi - mx) * ((y[i] as number) - my), 0);
    const sxx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
    expect(stage.slope).toBeCloseTo(sxy / sxx, 12);
    expect(stage.intercept).toBeCloseTo(my - (sxy / sxx) * mx, 12);
    expect(stage.sentence).toMatch(
      /^Second stage \(least squares, 11 countries\): the bias-corrected score changes by /,
    );
    expect(stage.caveat).toMatch(/^Descriptive only: .+ truncated regression with a double bootstrap/);
    expect((await getJson(ctx.app, query.replace('&control=NY.GDP.PCAP.CD', ''))).body.second_stage).toBeNull();
  });

  it('answers in Vietnamese with lang=vi', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=dea-vrs&lang=vi`);
    expect(scoresOf(body).VNM).toMatchObject({ country: 'Việt Nam' });
    expect(scoresOf(body).VNM?.summary).toMatch(/^Cùng mức đầu ra với /);
    expect(body.description).toMatch(/định hướng đầu vào/);
  });

  it('warns when there are fewer than 3 × (inputs + outputs) countries', async () => {
    const { body } = await getJson(
      ctx.app,
      '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&countries=VNM,THA,SGP,MYS&latest=true&method=fdh',
    );
    expect(body.robustness).toMatchObject({ minimum_countries: 9, small_sample: true });
    expect((body.robustness as { warning: string }).warning).toMatch(/^Only 4 countries for 3 inputs and outputs/);
  });
});

describe('GET /v1/efficiency refuses what it cannot answer, as problem+json', () => {
  const cases: [string, string, number, string][] = [
    ['an unknown indicator', 'inputs=NOPE&outputs=EGDI', 400, 'unknown_indicator'],
    ['no inputs', 'inputs=&outputs=EGDI', 400, 'invalid_parameter'],
    ['a missing inputs parameter', 'outputs=EGDI', 400, 'invalid_parameter'],
    [
      'four inputs',
      'inputs=BI.WAG.TOTL.GD.ZS,BI.EMP.TOTL.PB.ZS,BI.EMP.PWRK.PB.ZS,SP.POP.TOTL&outputs=EGDI',
      400,
      'invalid_parameter',
    ],
    ['five outputs', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI,OSI,TII,HCI,EPI', 400, 'invalid_parameter'],
    [
      'the same indicator as input and output',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=BI.WAG.TOTL.GD.ZS',
      400,
      'invalid_parameter',
    ],
    ['a method typo', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&method=dea', 400, 'invalid_parameter'],
    ['an orientation typo', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&orientation=inputs', 400, 'invalid_parameter'],
    ['an outcome as input', 'inputs=EGDI&outputs=GE.EST', 400, 'unsuitable_indicator'],
    [
      'a neutral indicator as output',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=BI.EMP.TOTL.PB.ZS',
      400,
      'unsuitable_indicator',
    ],
    [
      'a lower-is-better output (a world rank)',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI_RANK',
      400,
      'unsuitable_indicator',
    ],
    [
      'no country with data',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&countries=VNM,THA&year=1990',
      422,
      'unsuitable_data',
    ],
    [
      'CRS with a negative output',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&latest=true&method=dea-crs',
      422,
      'unsuitable_data',
    ],
    [
      'output orientation with a negative output',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST&latest=true&orientation=output',
      422,
      'unsuitable_data',
    ],
    ['an unknown group', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&group=EU', 404, 'unknown_group'],
    ['a bad lang', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&lang=fr', 400, 'invalid_parameter'],
    ['a negative bootstrap', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&bootstrap=-1', 400, 'invalid_parameter'],
    ['too many replications', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&bootstrap=5001', 400, 'invalid_parameter'],
    ['a fractional bootstrap', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&bootstrap=2.5', 400, 'invalid_parameter'],
    ['a seed that is not a number', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&seed=abc', 400, 'invalid_parameter'],
    [
      'a control without the bootstrap (FDH)',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&method=fdh&control=NY.GDP.PCAP.CD',
      400,
      'invalid_parameter',
    ],
    [
      'a control with bootstrap=0',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&bootstrap=0&control=NY.GDP.PCAP.CD',
      400,
      'invalid_parameter',
    ],
    ['an unknown control', 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&control=NOPE', 400, 'unknown_indicator'],
    [
      'a control that is not a code',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&control=GDP%20per%20head',
      400,
      'invalid_parameter',
    ],
  ];
  it.each(cases)('%s', async (_, query, status, code) => {
    const response = await getJson(ctx.app, `/v1/efficiency?${query}`);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
  });

  it('names every unsuitable indicator at once', async () => {
    const { body } = await getJson(ctx.app, '/v1/efficiency?inputs=EGDI,BI.WAG.TOTL.GD.ZS&outputs=BI.EMP.TOTL.PB.ZS');
    expect(body).toMatchObject({ unsuitable_inputs: ['EGDI'], unsuitable_outputs: ['BI.EMP.TOTL.PB.ZS'] });
  });

  it('names the countries with negative values when DEA-CRS cannot use them', async () => {
    const { body } = await getJson(ctx.app, `${QUERY}&method=dea-crs`);
    const negative = complete.filter((iso3) => (ge.get(iso3)?.value as number) <= 0).sort();
    expect(body.non_positive).toEqual({ 'GE.EST': negative });
  });

  it('answers DEA with 501 where no solver is deployed (the edge), and FDH still works', async () => {
    const edge = createApp({
      db: ctx.test.db,
      now: () => new Date(`${TODAY}T12:00:00Z`),
      versions: dataVersionSource(ctx.test.db, 0),
    });
    const dea = await getJson(edge, `${QUERY}&method=dea-vrs`);
    expect(dea).toMatchObject({ status: 501, body: { code: 'not_implemented' } });
    const fdh = await getJson(edge, `${QUERY}&method=fdh`);
    expect(fdh.status).toBe(200);
  });
});

describe('/v1/methods explains the efficiency frontiers', () => {
  it('covers the three methods, orientation, returns to scale, negative data and the caveats', async () => {
    const { body } = await getJson(ctx.app, '/v1/methods');
    const efficiency = body.efficiency as Record<string, unknown>;
    for (const key of ['fdh', 'dea_crs', 'dea_vrs', 'orientation', 'returns_to_scale', 'negative_data', 'robustness'])
      expect(efficiency).toHaveProperty(key);
    const caveats = (efficiency.caveats as string[]).join(' ');
    for (const words of ['Perception-based outputs', 'Measurement error', 'Small n', 'policy choices'])
      expect(caveats).toContain(words);
  });
});

describe('GET /v1/efficiency?format=csv', () => {
  it('is one row per scored country with its score, peers and targets, then the countries left out', async () => {
    const response = await ctx.app.request(`${QUERY}&method=fdh&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    const json = (await getJson(ctx.app, `${QUERY}&method=fdh`)).body;
    const scores = json.scores as Score[];
    expect(rows.map((r) => r.iso3)).toEqual([
      ...scores.map((s) => s.iso3),
      ...(json.left_out as { iso3: string }[]).map((l) => l.iso3),
    ]);
    const vnm = rows.find((r) => r.iso3 === 'VNM') as Record<string, string>;
    expect(Number(vnm.score)).toBe(scoresOf(json).VNM?.score);
    expect(vnm['BI.WAG.TOTL.GD.ZS_year']).toBe(String(wage.get('VNM')?.year));
    expect(vnm.peers).toBe(`${scoresOf(json).VNM?.peers[0]?.iso3}:1`);
  });
});
