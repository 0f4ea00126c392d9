import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { profileOf } from '../../services/profile.ts';
import { provenanceFor } from '../../services/provenance.ts';
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
    const query = c.req.valid('query');
    const { releaseIds, ...result } = await profileOf(deps.db, iso3, query, deps.now?.());
    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const table = provenanceTable(`profile-${iso3}`, PROFILE_HEADER, result.indicators.map(profileCells), provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json({ ...result, ...provenance }, 200);
  };
