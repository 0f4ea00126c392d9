import type { Kysely } from 'kysely';
import type { Lang } from '../charts/locale.ts';
import type { Database } from '../db/schema.ts';
import type { BriefNumber } from '../documents/brief-model.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import type { BriefParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import type { briefWords } from './brief-text.ts';
import type { profileOf } from './profile.ts';

/** What the parts of a brief (services/brief*.ts) share: the query, the peers, the API calls they cite. */

/** The query of /v1/briefs/{iso3} without its format and part (the route renders them); `latest` may be left out. */
export type BriefQuery = Lenient<Omit<BriefParams, 'format' | 'part'>, 'latest'>;

export interface BriefDeps {
  db: Kysely<Database>;
  now?: () => Date;
  lpSolver?: () => Promise<LpSolver>;
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
