import type { Kysely } from 'kysely';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { unitLabel } from '../charts/locale.ts';
import { countryLabel } from './presenters.ts';
import { directionOf } from '../domain/direction.ts';
import { isYesNo } from '../domain/yes-no.ts';
import { competitionRank } from '../domain/rank.ts';
import { max, mean, median, min } from '../domain/stats.ts';
import { selectTheme } from '../domain/themes.ts';
import type { ProfileParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import { usable } from '../domain/usable.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { type ValueRow, valuesFor } from '../repositories/observations.ts';
import { requireCountries, resolveSelection, type Selection, selectionForYear } from './selection.ts';
import { describeVintage, resolveVintage } from './vintage.ts';

/**
 * The query of /v1/profiles/{iso3} without its table format; `membership` and `lang` may be left
 * to their defaults by a caller inside the app (the country briefs, which pick peers by `countries`).
 */
export type ProfileQuery = Lenient<Omit<ProfileParams, 'format' | 'bom' | 'style'>, 'membership' | 'lang'>;

/**
 * Reads two profiles of the same country can share (the brief asks for one in `year` and one in
 * `since`): the indicator list and the country's own series, identical for both; each was 10-25 ms
 * of a 220 ms brief.
 */
export interface SharedProfileReads {
  indicators?: Promise<IndicatorRow[]>;
  ownSeries?: Map<string, Promise<ValueRow[]>>;
}

function everyIndicatorOnce(db: Kysely<Database>, shared: SharedProfileReads): Promise<IndicatorRow[]> {
  shared.indicators ??= listIndicators(db);
  return shared.indicators;
}

/** One country on every indicator: its value, rank in the group, the group's spread and the frontier. */
export async function profileOf(
  db: Kysely<Database>,
  iso3: string,
  query: ProfileQuery,
  now?: Date,
  shared: SharedProfileReads = {},
) {
  requireCountries([iso3], 404);
  const selection = resolveSelection(
    { group: query.group, countries: query.countries, membership: query.membership },
    now,
  );
  const vintage = await resolveVintage(db, query);
  const indicators = await (query.theme
    ? listIndicators(db, selectTheme(query.theme))
    : everyIndicatorOnce(db, shared));
  // Two reads instead of every value of every peer in every year (at 10 M observations that was
  // the whole table, 10.6 s): the country's own series, which fixes each indicator's year, then
  // the peers' values at that year only.
  const ownKey = `${iso3}|${query.theme ?? ''}|${JSON.stringify(vintage)}`;
  shared.ownSeries ??= new Map();
  let ownSeries = shared.ownSeries.get(ownKey);
  if (!ownSeries) {
    ownSeries = valuesFor(db, {
      indicatorCodes: indicators.map((i) => i.code),
      countries: [iso3],
      datedOnly: true,
      vintage,
    });
    shared.ownSeries.set(ownKey, ownSeries);
  }
  const ownByIndicator = byIndicator(await ownSeries);
  const targets = new Map<string, { target: ValueRow & { year: number }; own: ValueRow[] }>();
  for (const indicator of indicators) {
    const own = (ownByIndicator.get(indicator.code) ?? []).filter(usable);
    const target = targetRow(own, query.year);
    if (target) targets.set(indicator.code, { target, own });
  }
  const peersByIndicator = byIndicator(
    await valuesFor(db, {
      indicatorCodes: [...targets.keys()],
      yearOfEach: [...targets.values()].map((t) => t.target.year),
      countries: [...new Set([...selection.countries, iso3])],
      vintage,
    }),
  );
  const releaseIds = new Set<string>();
  const noData: string[] = [];
  const entries = indicators.flatMap((indicator) => {
    const found = targets.get(indicator.code);
    if (!found) {
      noData.push(indicator.code);
      return [];
    }
    const entry = profileEntry(
      indicator,
      found,
      peersByIndicator.get(indicator.code) ?? [],
      iso3,
      selection,
      query.lang,
    );
    for (const id of entry.releaseIds) releaseIds.add(id);
    return [entry.entry];
  });
  return {
    iso3,
    country: countryLabel(iso3, query.lang ?? 'en'),
    lang: query.lang ?? 'en',
    selection,
    vintage: describeVintage(vintage),
    year: query.year ?? null,
    indicators: entries,
    no_data: noData,
    releaseIds,
  };
}

function byIndicator(rows: readonly ValueRow[]): Map<string, ValueRow[]> {
  const grouped = new Map<string, ValueRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.indicator_code);
    if (list) list.push(row);
    else grouped.set(row.indicator_code, [row]);
  }
  return grouped;
}

/** The country's value the profile shows: the latest, or the one of the year asked for. */
function targetRow(own: readonly ValueRow[], at?: number): (ValueRow & { year: number }) | null {
  // Rows come ordered by year: without a year, the last one is the latest.
  const target = at === undefined ? own.at(-1) : own.find((r) => r.year === at);
  return target && target.year !== null ? (target as ValueRow & { year: number }) : null;
}

function profileEntry(
  indicator: IndicatorRow,
  { target, own }: { target: ValueRow & { year: number }; own: readonly ValueRow[] },
  /** The values of the year of `target`, of the country and its peers. */
  atYear: readonly ValueRow[],
  iso3: string,
  selection: Selection,
  lang?: 'en' | 'vi',
) {
  const year = target.year;
  const peerCountries = new Set([...selectionForYear(selection, year), iso3]);
  const peers = atYear.filter((r) => peerCountries.has(r.iso3) && usable(r));
  const values = peers.map((p) => p.value);
  const direction = indicator.higher_is_better === null ? null : directionOf(indicator.higher_is_better);
  const yesNo = isYesNo(indicator);
  const ranks = competitionRank(values, direction ?? 'higher');
  const ownIndex = peers.findIndex((p) => p.iso3 === iso3);
  const best =
    direction === null || values.length === 0
      ? null
      : direction === 'higher'
        ? (max(values) as number)
        : (min(values) as number);
  const previousRow = own.filter((r) => (r.year ?? 0) < year).at(-1);
  const entry = {
    indicator: indicator.code,
    name: lang === 'vi' ? indicator.name_vi : indicator.name_en,
    theme: indicator.theme,
    // In the answer's language, like the name: a Vietnamese reader sees "nghìn người".
    unit: unitLabel(indicator.unit, lang ?? 'en'),
    direction,
    year,
    value: target.value,
    flag: target.flag,
    // No better direction (a wage bill, a share of employment): a position, never a rank.
    rank: direction !== null && ownIndex >= 0 ? (ranks[ownIndex] ?? null) : null,
    peers_reporting: peers.length,
    peers: peerCountries.size,
    peers_without_data: [...peerCountries].filter((c) => !peers.some((p) => p.iso3 === c)).sort(),
    group_min: min(values),
    // Answers (yes = 1, no = 0) have no median or mean worth stating.
    group_median: yesNo ? null : median(values),
    group_mean: yesNo ? null : mean(values),
    group_max: max(values),
    frontier: best === null ? null : { iso3: peers.filter((p) => p.value === best).map((p) => p.iso3), value: best },
    distance_to_frontier: best === null || ownIndex < 0 ? null : Math.abs(best - target.value),
    previous: previousRow && previousRow.year !== null ? { year: previousRow.year, value: previousRow.value } : null,
    change: previousRow ? target.value - previousRow.value : null,
    release: target.release_id,
  };
  return { entry, releaseIds: [...peers.map((p) => p.release_id), target.release_id] };
}
