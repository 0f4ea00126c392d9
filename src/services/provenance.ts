import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { releasesByIds, sourcesOfReleases } from '../repositories/sources.ts';
import { presentRelease } from './presenters.ts';

/** The sources, releases, licences and citations behind a set of values. */
export async function provenanceFor(db: Kysely<Database>, releaseIds: Iterable<string>) {
  const ids = [...new Set(releaseIds)];
  // Both read at once: the sources are found through the releases inside the database.
  const [releases, sources] = await Promise.all([releasesByIds(db, ids), sourcesOfReleases(db, ids)]);
  return {
    sources,
    releases: releases.map(presentRelease),
    licence: [...new Set(sources.map((s) => `${s.name}: ${s.licence}`))].join('; '),
    citation: sources.map((s) => s.citation).join(' '),
  };
}
