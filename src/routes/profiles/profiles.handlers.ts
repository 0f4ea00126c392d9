import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { EXCLUDED_FLAGS } from '../../domain/apply-normalisation.ts';
import { registeredCountry } from '../../domain/countries.ts';
import { competitionRank, directionOf } from '../../domain/normalise.ts';
import { max, mean, median, min } from '../../domain/stats.ts';
import { listIndicators } from '../../repositories/indicators.ts';
import { selectTheme } from '../../domain/themes.ts';
import { type ValueRow, valuesFor } from '../../repositories/observations.ts';
import { provenanceFor } from '../../analysis/provenance.ts';
import { requireCountries, resolveSelection, selectionForYear } from '../../analysis/selection.ts';
import { describeVintage, resolveVintage } from '../../analysis/vintage.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import type { profileRoute } from './profiles.routes.ts';

const PROFILE_HEADER = [
  'indicator',
  'name',
  'unit',
  'year',
  'value',
  'flag',
  'rank',
  'peers_reporting',
  'group_min',
  'group_median',
  'group_mean',
  'group_max',
  'frontier_value',
  'distance_to_frontier',
  'previous_year',
  'previous_value',
  'change',
  'release',
];

interface ProfileEntry {
  indicator: string;
  name: string;
  unit: string;
  year: number;
  value: number;
  flag: string | null;
  rank: number | null;
  peers_reporting: number;
  group_min: number | null;
  group_median: number | null;
  group_mean: number | null;
  group_max: number | null;
  frontier: { value: number } | null;
  distance_to_frontier: number | null;
  previous: { year: number; value: number } | null;
  change: number | null;
  release: string;
}

/** One profile entry as a table row (empty cells for what is missing). */
function profileCells(e: ProfileEntry): unknown[] {
  return [
    e.indicator,
    e.name,
    e.unit,
    e.year,
    e.value,
    e.flag ?? '',
    e.rank ?? '',
    e.peers_reporting,
    e.group_min ?? '',
    e.group_median ?? '',
    e.group_mean ?? '',
    e.group_max ?? '',
    e.frontier?.value ?? '',
    e.distance_to_frontier ?? '',
    e.previous?.year ?? '',
    e.previous?.value ?? '',
    e.change ?? '',
    e.release,
  ];
}

export const profile =
  (deps: AppDeps): RouteHandler<typeof profileRoute> =>
  async (c) => {
    const { iso3 } = c.req.valid('param');
    requireCountries([iso3], 404);
    const query = c.req.valid('query');
    const selection = resolveSelection({ group: query.group, membership: query.membership }, deps.now?.());
    const vintage = await resolveVintage(deps.db, query);
    const indicators = await listIndicators(deps.db, query.theme ? selectTheme(query.theme) : undefined);
    const countries = [...new Set([...selection.countries, iso3])];
    const rows = await valuesFor(deps.db, {
      indicatorCodes: indicators.map((i) => i.code),
      countries,
      datedOnly: true,
      vintage,
    });
    const byIndicator = new Map<string, ValueRow[]>();
    for (const row of rows) byIndicator.set(row.indicator_code, [...(byIndicator.get(row.indicator_code) ?? []), row]);

    const releaseIds = new Set<string>();
    const noData: string[] = [];
    const entries = indicators.flatMap((indicator) => {
      const list = byIndicator.get(indicator.code) ?? [];
      // A value flagged as "no data" is neither the country's value nor its previous one.
      const own = list.filter((r) => r.iso3 === iso3 && !EXCLUDED_FLAGS.includes(r.flag ?? ''));
      // Rows come ordered by year: without a year, the last one is the latest.
      const target = query.year === undefined ? own.at(-1) : own.find((r) => r.year === query.year);
      if (!target || target.year === null) {
        noData.push(indicator.code);
        return [];
      }
      const year = target.year;
      const peerCountries = new Set([...selectionForYear(selection, year), iso3]);
      const peers = list.filter(
        (r) => r.year === year && peerCountries.has(r.iso3) && !EXCLUDED_FLAGS.includes(r.flag ?? ''),
      );
      const values = peers.map((p) => p.value);
      const direction = indicator.higher_is_better === null ? null : directionOf(indicator.higher_is_better);
      const ranks = competitionRank(values, direction ?? 'higher');
      const ownIndex = peers.findIndex((p) => p.iso3 === iso3);
      const best =
        direction === null || values.length === 0
          ? null
          : direction === 'higher'
            ? (max(values) as number)
            : (min(values) as number);
      const previousRow = own.filter((r) => (r.year ?? 0) < year).at(-1);
      for (const p of peers) releaseIds.add(p.release_id);
      releaseIds.add(target.release_id);
      return [
        {
          indicator: indicator.code,
          name: indicator.name_en,
          theme: indicator.theme,
          unit: indicator.unit,
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
          group_median: median(values),
          group_mean: mean(values),
          group_max: max(values),
          frontier:
            best === null ? null : { iso3: peers.filter((p) => p.value === best).map((p) => p.iso3), value: best },
          distance_to_frontier: best === null || ownIndex < 0 ? null : Math.abs(best - target.value),
          previous:
            previousRow && previousRow.year !== null ? { year: previousRow.year, value: previousRow.value } : null,
          change: previousRow ? target.value - previousRow.value : null,
          release: target.release_id,
        },
      ];
    });
    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const table = provenanceTable(`profile-${iso3}`, PROFILE_HEADER, entries.map(profileCells), provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(
      {
        iso3,
        country: registeredCountry(iso3).nameEn,
        selection,
        vintage: describeVintage(vintage),
        year: query.year ?? null,
        indicators: entries,
        no_data: noData,
        ...provenance,
      },
      200,
    );
  };
