import type { Kysely } from 'kysely';
import type { Lang } from '../charts/locale.ts';
import type { Database } from '../db/schema.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import { malmquist } from '../domain/efficiency/malmquist.ts';
import type { ProductionUnit } from '../domain/efficiency/types.ts';
import { Problem } from '../errors.ts';
import type { Table } from '../http/table.ts';
import { type EfficiencyQuery, type EfficiencyResult, efficiencyOf } from './efficiency.ts';
import { efficiencyChangeWords } from './efficiency-change-text.ts';
import { countryLabel } from './presenters.ts';
import { provenanceFor } from './provenance.ts';

/**
 * Productivity change between two years, GET /v1/efficiency/change: each country's Malmquist index
 * with its efficiency change and technical change (domain/efficiency/malmquist.ts), from the same
 * values /v1/efficiency reads for each year (DEA-CRS, input-oriented, `year=from` and `year=to`).
 * A country needs every input and output in both years; the others are named with the year
 * they lack.
 */
export interface EfficiencyChangeQuery {
  inputs: string[];
  outputs: string[];
  countries?: string[];
  group?: string;
  membership?: 'current' | 'historical';
  from: number;
  to: number;
  /** 0: each period is its year's values; above 0: each country's latest aligned window ending in it. */
  max_gap?: number;
  lang: Lang;
}

/** The geometric mean, reported only over 3 countries or more (a "mean" of two says little). */
const geometricMean = (values: number[]) =>
  values.length < 3 ? null : Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);

const unitsOf = (result: EfficiencyResult, codes: { inputs: string[]; outputs: string[] }): ProductionUnit[] =>
  result.scores.map((s) => ({
    id: s.iso3,
    inputs: codes.inputs.map((c) => s.values[c]?.value as number),
    outputs: codes.outputs.map((c) => s.values[c]?.value as number),
  }));

export async function efficiencyChangeOf(
  db: Kysely<Database>,
  query: EfficiencyChangeQuery,
  now?: Date,
  lpSolver?: () => Promise<LpSolver>,
) {
  if (query.from >= query.to) {
    throw new Problem(400, 'invalid_parameter', `from (${query.from}) must be before to (${query.to})`, {
      parameter: 'from',
    });
  }
  const base: EfficiencyQuery = {
    inputs: query.inputs,
    outputs: query.outputs,
    countries: query.countries,
    group: query.group,
    membership: query.membership ?? 'current',
    method: 'dea-crs',
    orientation: 'input',
    lang: query.lang,
  } as EfficiencyQuery;
  const gap = query.max_gap ?? 0;
  const period = (year: number): EfficiencyQuery =>
    gap === 0 ? { ...base, year } : { ...base, windowEnd: year, max_gap: gap };
  const [before, after] = await Promise.all([
    efficiencyOf(db, period(query.from), now, lpSolver),
    efficiencyOf(db, period(query.to), now, lpSolver),
  ]);
  const yearsIn = (result: EfficiencyResult, iso3: string) =>
    result.scores.find((s) => s.iso3 === iso3)?.years as { from: number; to: number };
  const solver = await (lpSolver as () => Promise<LpSolver>)();
  const results = malmquist(solver, unitsOf(before, query), unitsOf(after, query));
  const w = efficiencyChangeWords(query.lang);
  const countries = results
    .map((r) => ({
      iso3: r.id,
      country: countryLabel(r.id, query.lang),
      malmquist: r.malmquist,
      efficiency_change: r.efficiency_change,
      technical_change: r.technical_change,
      scores: r.scores,
      years: { from: yearsIn(before, r.id), to: yearsIn(after, r.id) },
      sentence: w.sentence(
        countryLabel(r.id, query.lang),
        r.malmquist,
        r.efficiency_change,
        r.technical_change,
        query.from,
        query.to,
        query.lang,
      ),
    }))
    .sort((a, b) => b.malmquist - a.malmquist || a.iso3.localeCompare(b.iso3));
  const compared = new Set(countries.map((c) => c.iso3));
  const inBoth = (iso3: string) => compared.has(iso3);
  const leftOut = [...new Set([...before.selection.countries, ...after.selection.countries])]
    .filter((iso3) => !inBoth(iso3))
    .map((iso3) => ({
      iso3,
      country: countryLabel(iso3, query.lang),
      missing_in: [query.from, query.to].filter((year, i) => ![before, after][i]?.scores.some((s) => s.iso3 === iso3)),
    }));
  const mean = geometricMean(countries.map((c) => c.malmquist));
  const provenance = await provenanceFor(
    db,
    [...before.releases, ...after.releases].map((r) => r.id),
  );
  return {
    inputs: before.inputs,
    outputs: before.outputs,
    selection: before.selection,
    from: query.from,
    to: query.to,
    max_gap: gap,
    method: 'malmquist-dea-crs-input' as const,
    lang: query.lang,
    description: w.description,
    caveats: w.caveats,
    countries,
    summary: {
      geometric_mean:
        mean === null
          ? null
          : {
              malmquist: mean,
              efficiency_change: geometricMean(countries.map((c) => c.efficiency_change)),
              technical_change: geometricMean(countries.map((c) => c.technical_change)),
            },
      sentence: mean === null ? null : w.summary(countries.length, mean, query.from, query.to, query.lang),
    },
    left_out: leftOut,
    ...provenance,
  };
}

export type EfficiencyChangeResult = Awaited<ReturnType<typeof efficiencyChangeOf>>;

/** The index as one flat table (CSV, workbook): a row per country compared, then the countries left out. */
export function efficiencyChangeTable(result: EfficiencyChangeResult): Table {
  const header = [
    'iso3',
    'country',
    'from',
    'to',
    'malmquist',
    'efficiency_change',
    'technical_change',
    'score_from',
    'score_to',
    'score_to_on_from_frontier',
    'score_from_on_to_frontier',
    'missing_in',
  ];
  const compared = result.countries.map((c) => [
    c.iso3,
    c.country,
    result.from,
    result.to,
    c.malmquist,
    c.efficiency_change,
    c.technical_change,
    c.scores.before,
    c.scores.after,
    c.scores.after_on_before,
    c.scores.before_on_after,
    '',
  ]);
  const leftOut = result.left_out.map((l) => [
    l.iso3,
    l.country,
    result.from,
    result.to,
    ...new Array<string>(7).fill(''),
    l.missing_in.join(' '),
  ]);
  return {
    name: `efficiency-change-${result.from}-${result.to}`,
    header,
    rows: [...compared, ...leftOut],
    provenance: { sources: result.sources, releases: result.releases },
  };
}
