import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { presentRelease } from './presenters.ts';
import { referenceRows } from './reference-rows.ts';

/** The sources, releases, licences and citations behind a set of values. */
export async function provenanceFor(db: Kysely<Database>, releaseIds: Iterable<string>) {
  const rows = referenceRows(db);
  const releases = await rows.releases([...releaseIds]);
  const sources = await rows.sources(releases.map((r) => r.source_id));
  return {
    sources,
    releases: releases.map(presentRelease),
    licence: [...new Set(sources.map((s) => `${s.name}: ${s.licence}`))].join('; '),
    citation: sources.map((s) => s.citation).join(' '),
  };
}
