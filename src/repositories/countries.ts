import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function listCountries(db: Kysely<Database>) {
  return db.selectFrom('country').selectAll().orderBy('iso3').execute();
}

export async function findCountry(db: Kysely<Database>, iso3: string) {
  return db.selectFrom('country').selectAll().where('iso3', '=', iso3).executeTakeFirst();
}
