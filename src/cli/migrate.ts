import { parseEnv } from '../env.ts';
import { openDatabase } from '../db/open.ts';
import { prepareSchema } from '../boot/prepare.ts';

/** `npm run db:migrate`: applies pending migrations and syncs the country registry. */
const database = await openDatabase(parseEnv());
try {
  const applied = await prepareSchema(database.db);
  console.log(
    `${database.description}: ${applied.length === 0 ? 'schema is current' : `applied ${applied.join(', ')}`}`,
  );
} finally {
  await database.close();
}
