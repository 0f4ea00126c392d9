import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { editionFreshness } from '../domain/freshness.ts';
import { listReleases, listSourceEditions, listSources } from '../repositories/sources.ts';

/**
 * Every source with its releases, where its publisher posts editions and how often, the newest
 * edition loaded, when the next is due and whether the one served is late (`stale`).
 */
export async function sourcesWithFreshness(db: Kysely<Database>, today: string) {
  const [sources, releases, editions] = await Promise.all([listSources(db), listReleases(db), listSourceEditions(db)]);
  const editionsOf = new Map(editions.map((e) => [e.id, e]));
  return sources.map((s) => {
    const e = editionsOf.get(s.id);
    const newest = e?.newest_release
      ? { release: e.newest_release, label: e.newest_label ?? '', published_on: e.newest_published_on ?? '' }
      : null;
    return {
      ...s,
      releases: releases.filter((r) => r.source_id === s.id).map((r) => r.id),
      editions_page: e?.editions_page ?? null,
      cadence_months: e?.cadence_months ?? null,
      newest_edition: newest,
      ...editionFreshness(newest?.published_on ?? null, e?.cadence_months ?? null, today),
    };
  });
}
