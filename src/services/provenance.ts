import type { Kysely } from 'kysely';
import type { Database, ReleaseRow } from '../db/schema.ts';
import { releasesByIds, sourcesByIds } from '../repositories/sources.ts';

/** A release as the API shows it. */
export function presentRelease(r: ReleaseRow) {
  return {
    id: r.id,
    source_id: r.source_id,
    label: r.label,
    format: r.format,
    published_on: r.published_on,
    retrieved_on: r.retrieved_on,
    file_name: r.file_name,
    sha256: r.sha256,
    row_count: r.row_count,
    notes: r.notes,
  };
}

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
