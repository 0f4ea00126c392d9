import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function countObservations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('observation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
