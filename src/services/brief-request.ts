import type { Kysely } from 'kysely';
import type { Lang } from '../charts/locale.ts';
import type { Database } from '../db/schema.ts';
import type { BriefNumber } from '../documents/brief-model.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import type { BriefParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import type { IndicatorRow } from '../db/schema.ts';
import type { briefWords } from './brief-text.ts';
import type { themesCoverage } from './theme-coverage.ts';
import type { profileOf } from './profile.ts';

/** What the parts of a brief (services/brief*.ts) share: the query, the peers, the API calls they cite. */

/** The query of /v1/briefs/{iso3} without its format and part (the route renders them); `latest` may be left out. */
export type BriefQuery = Lenient<Omit<BriefParams, 'format' | 'part'>, 'latest'>;

export interface BriefDeps {
  db: Kysely<Database>;
  now?: () => Date;
  lpSolver?: () => Promise<LpSolver>;
  replicationLpSolver?: () => Promise<LpSolver>;
}

/** Strengths and gaps need this many peers reporting: a rank of 3 says little. */
export const MIN_PEERS_FOR_HIGHLIGHT = 6;
export type ProfileResult = Awaited<ReturnType<typeof profileOf>>;
export type ProfileEntry = ProfileResult['indicators'][number];

export function peerParams(q: BriefQuery): Record<string, string> {
  return q.countries ? { countries: q.countries.join(',') } : { group: q.group ?? 'ASEAN+3' };
}

export function url(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  return `${path}?${search}`;
}

/** What the summary's parts share with briefOf: the profiles, the number maker, the words. */
export interface SummaryContext {
  usableEntries: ProfileEntry[];
  sinceProfile: ProfileResult;
  number: (
    e: { indicator: string; year: number; release: string },
    value: number,
    field: string,
    api?: string,
  ) => BriefNumber;
  at: (e: ProfileEntry, key: string) => string;
  w: ReturnType<typeof briefWords>;
  lang: Lang;
  profileApi: string;
  sinceApi: string;
  apis: Set<string>;
  releaseIds: Set<string>;
}

/** What every part of a brief reads: the country, its peers, both profiles, the words, and the releases and API calls used so far. */
export interface BriefContext extends SummaryContext {
  deps: BriefDeps;
  iso3: string;
  /** The query as asked. */
  q: BriefQuery;
  /** The query with the country among its `countries`. */
  query: BriefQuery;
  countries: string[] | undefined;
  now: Date;
  today: string;
  since: number;
  profile: ProfileResult;
  indicatorRows: IndicatorRow[];
  indicators: Map<string, IndicatorRow>;
  coverage: Awaited<ReturnType<typeof themesCoverage>>;
  dataVersion: number;
  /** Values older than this year are not used (max_age). */
  oldBefore: number;
  rankPeers: Record<string, string>;
  rankSelection: RankSelection;
}

export type RankSelection = { countries: string[]; group: undefined } | { group: string | undefined };
