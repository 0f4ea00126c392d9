import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AggregateStat, aggregate } from '../domain/aggregate.ts';
import type { AggregatesParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import { POPULATION_INDICATOR } from '../domain/normalise.ts';
import { usable } from '../domain/usable.ts';
import { type ValueRow, valuesFor } from '../repositories/observations.ts';
import { requireIndicator } from './require-indicator.ts';
import { resolveSelection, type Selection, selectionForYear } from './selection.ts';
import { describeVintage, resolveVintage } from './vintage.ts';

/** The query of /v1/aggregates without its table format; a caller inside the app may leave `membership` to its default. */
export type AggregatesQuery = Lenient<Omit<AggregatesParams, 'format' | 'bom' | 'style'>, 'membership'>;

const METHODS: Record<AggregateStat, string> = {
  mean: 'Arithmetic mean of the members that reported a value that year.',
  median: 'Median of the members that reported a value that year (mean of the two middle values for an even count).',
  min: 'Lowest value among the members that reported that year.',
  max: 'Highest value among the members that reported that year.',
  population_weighted:
    'Σ(value × population) / Σ population over the members that reported that year and have a population figure (SP.POP.TOTL, same vintage).',
};

/** One statistic per year over the members that reported; no value is imputed. */
export async function aggregatesOf(db: Kysely<Database>, query: AggregatesQuery, now?: Date) {
  const { stat } = query;
  const selection = resolveSelection(query, now);
  const indicator = await requireIndicator(db, query.indicator);
  const vintage = await resolveVintage(db, query);
  const range = { countries: selection.countries, from: query.from, to: query.to, datedOnly: true, vintage };
  const rows = (await valuesFor(db, { indicatorCodes: [indicator.code], ...range })).filter(usable);
  const population =
    stat === 'population_weighted' ? await valuesFor(db, { indicatorCodes: [POPULATION_INDICATOR], ...range }) : [];
  const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
  const releaseIds = new Set<string>();
  const out = years
    .map((year) => aggregateYear(stat, selection, year, rows, population, releaseIds))
    .filter((y) => y.reporting > 0);
  return {
    indicator,
    selection,
    vintage: describeVintage(vintage),
    stat,
    method: `${METHODS[stat]} No value is imputed for members that did not report.`,
    years: out,
    releaseIds,
  };
}

function aggregateYear(
  stat: AggregateStat,
  selection: Selection,
  year: number,
  rows: ValueRow[],
  population: ValueRow[],
  releaseIds: Set<string>,
) {
  const members = selectionForYear(selection, year);
  const reported = rows.filter((r) => r.year === year && members.includes(r.iso3));
  const weights = new Map(population.filter((p) => p.year === year).map((p) => [p.iso3, p.value]));
  const { value, used } = aggregate(stat, reported, weights);
  for (const r of reported) releaseIds.add(r.release_id);
  if (stat === 'population_weighted')
    for (const p of population.filter((p) => p.year === year && used.includes(p.iso3))) releaseIds.add(p.release_id);
  return {
    year,
    value,
    reporting: reported.length,
    members: members.length,
    member_list: members,
    missing: members.filter((m) => !reported.some((r) => r.iso3 === m)),
    not_weighted: reported.map((r) => r.iso3).filter((iso3) => stat === 'population_weighted' && !used.includes(iso3)),
  };
}
