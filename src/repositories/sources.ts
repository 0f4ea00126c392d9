import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function listSources(db: Kysely<Database>) {
  return db.selectFrom('source').selectAll().orderBy('id').execute();
}

export async function listReleases(db: Kysely<Database>, sourceId?: string) {
  let query = db.selectFrom('release').selectAll();
  if (sourceId) query = query.where('source_id', '=', sourceId);
  return query.orderBy('source_id').orderBy('published_on').orderBy('id').execute();
}

export async function sourcesByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('source').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function releasesByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('release').selectAll().where('id', 'in', ids).orderBy('published_on').orderBy('id').execute();
}
