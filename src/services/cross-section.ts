import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CrossSectionParams, Lenient } from '../http/params.ts';
import { dropOlderThan, latestPerCountry } from '../domain/latest.ts';
import { type ValueRow, valuesFor, type Vintage } from '../repositories/observations.ts';
import { type Selection, selectionForYear, selectionIncludes } from './selection.ts';
import { resolveVintage } from './vintage.ts';

/**
 * The parameters every one-value-per-country analysis shares (`crossSectionParams`); `latest` is
 * the absence of `year` here, and a caller inside the app may leave `membership` to its default.
 */
export type CrossSectionQuery = Lenient<Omit<CrossSectionParams, 'latest'>, 'membership'>;

/**
 * One value per country for each indicator: the value of `year`, or each country's latest value
 * (optionally no older than `maxAge` years before the newest). Countries outside the selection
 * for that year (historical membership) are left out.
 */
export async function crossSection(
  db: Kysely<Database>,
  args: { indicatorCodes: string[]; selection: Selection; year?: number; maxAge?: number; vintage: Vintage },
): Promise<Map<string, ValueRow[]>> {
  const rows = await valuesFor(db, {
    indicatorCodes: args.indicatorCodes,
    countries: args.selection.countries,
    year: args.year,
    // A latest value may be undated (a policy figure whose text states no year): it stands for its
    // country when nothing dated does, shown as "year not stated" (latestPerCountry).
    datedOnly: args.year !== undefined,
    vintage: args.vintage,
  });
  const byIndicator = new Map<string, ValueRow[]>(args.indicatorCodes.map((code) => [code, []]));
  for (const row of rows) byIndicator.get(row.indicator_code)?.push(row);
  for (const [code, list] of byIndicator) {
    let chosen = args.year === undefined ? latestPerCountry(list) : list;
    chosen = chosen.filter((r) => selectionIncludes(args.selection, r.iso3, r.year));
    if (args.maxAge !== undefined) chosen = dropOlderThan(chosen, args.maxAge);
    byIndicator.set(code, chosen);
  }
  return byIndicator;
}

/**
 * The opening every cross-section analysis shares, once the selection and indicators are known:
 * resolve the vintage, read one value per country, and name the members counted that year.
 */
export async function readCrossSection(
  db: Kysely<Database>,
  query: CrossSectionQuery,
  selection: Selection,
  indicatorCodes: string[],
) {
  const vintage = await resolveVintage(db, query);
  const values = await crossSection(db, {
    indicatorCodes,
    selection,
    year: query.year,
    maxAge: query.max_age,
    vintage,
  });
  const members = query.year === undefined ? selection.countries : selectionForYear(selection, query.year);
  return { vintage, values, members };
}
