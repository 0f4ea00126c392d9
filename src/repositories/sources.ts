import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

const SOURCE_COLUMNS = [
  'id',
  'name',
  'publisher',
  'url',
  'licence',
  'citation',
  'name_vi',
  'publisher_vi',
  'licence_vi',
] as const;

/** A source as every response cites it: publisher, licence, citation. */
export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

export async function listSources(db: Kysely<Database>) {
  return db.selectFrom('source').select(SOURCE_COLUMNS).orderBy('id').execute();
}

/** Each source's editions page, download and cadence, with its newest loaded release (by publication). */
export async function listSourceEditions(db: Kysely<Database>) {
  return db
    .selectFrom('source as s')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('release as r')
          .select(['r.id', 'r.label', 'r.published_on'])
          .whereRef('r.source_id', '=', 's.id')
          .orderBy('r.published_on', 'desc')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('newest'),
      (join) => join.onTrue(),
    )
    .select([
      's.id',
      's.editions_page',
      's.edition_download',
      's.cadence_months',
      'newest.id as newest_release',
      'newest.label as newest_label',
      'newest.published_on as newest_published_on',
    ])
    .orderBy('s.id')
    .execute();
}

export async function listReleases(db: Kysely<Database>, sourceId?: string) {
  let query = db.selectFrom('release').selectAll();
  if (sourceId) query = query.where('source_id', '=', sourceId);
  return query.orderBy('source_id').orderBy('published_on').orderBy('id').execute();
}

export async function sourcesByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('source').select(SOURCE_COLUMNS).where('id', 'in', ids).orderBy('id').execute();
}

export async function releasesByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('release').selectAll().where('id', 'in', ids).orderBy('published_on').orderBy('id').execute();
}
