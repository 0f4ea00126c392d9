import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Membership } from '../domain/groups.ts';

export async function listGroups(db: Kysely<Database>) {
  return db.selectFrom('country_group').selectAll().orderBy('code').execute();
}

export async function listMemberships(db: Kysely<Database>): Promise<Membership[]> {
  const rows = await db.selectFrom('group_membership').selectAll().orderBy('group_code').orderBy('iso3').execute();
  return rows.map((r) => ({ groupCode: r.group_code, iso3: r.iso3, joinedOn: r.joined_on, leftOn: r.left_on }));
}
