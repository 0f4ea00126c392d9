import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { releasesByIds, sourcesByIds } from '../repositories/sources.ts';
import { presentRelease } from './presenters.ts';

/** The sources, releases, licences and citations behind a set of values. */
export async function provenanceFor(db: Kysely<Database>, releaseIds: Iterable<string>) {
  const releases = await releasesByIds(db, [...new Set(releaseIds)]);
  const sources = await sourcesByIds(db, [...new Set(releases.map((r) => r.source_id))]);
  return {
    sources,
    releases: releases.map(presentRelease),
    licence: [...new Set(sources.map((s) => `${s.name}: ${s.licence}`))].join('; '),
    citation: sources.map((s) => s.citation).join(' '),
  };
}
