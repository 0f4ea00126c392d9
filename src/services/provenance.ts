import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { presentRelease } from './presenters.ts';
import { referenceRows } from './reference-rows.ts';
import { licenceLine } from '../domain/source-text.ts';

/** The sources, releases, licences and citations behind a set of values. */
export async function provenanceFor(db: Kysely<Database>, releaseIds: Iterable<string>) {
  const rows = referenceRows(db);
  const releases = await rows.releases([...releaseIds]);
  const sources = await rows.sources(releases.map((r) => r.source_id));
  return {
    sources,
    releases: releases.map(presentRelease),
    licence: licenceLine(sources),
    citation: sources.map((s) => s.citation).join(' '),
  };
}
