import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { lockDataDir } from './data-dir-lock.ts';
import { connectPglite } from './pglite.ts';
import { connectPostgres } from './postgres.ts';
import type { Database } from './schema.ts';

export interface OpenDatabase {
  db: Kysely<Database>;
  /** Human-readable, without credentials: printed at start-up. */
  description: string;
  close: () => Promise<void>;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** Node's database: Postgres when DATABASE_URL is set, else the embedded PGlite data directory. */
export async function openDatabase(
  env: { DATABASE_URL?: string; DATABASE_POOL_SIZE: number; CIVSCOPE_DATA_DIR: string; PGLITE_SHARED_BUFFERS?: string },
  locked = false,
): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const { db, close } = connectPostgres({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
    return { db, close, description: `Postgres at ${redact(env.DATABASE_URL)} (pool ${env.DATABASE_POOL_SIZE})` };
  }
  const dataDir = path.resolve(env.CIVSCOPE_DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  // The server takes the lock earlier (before seeding the directory) and passes `locked`.
  const unlock = locked ? async () => {} : await lockDataDir(dataDir);
  try {
    const { db, close } = await connectPglite(dataDir, {
      settings: env.PGLITE_SHARED_BUFFERS ? { shared_buffers: env.PGLITE_SHARED_BUFFERS } : {},
    });
    return { db, close: () => close().finally(unlock), description: `embedded PGlite in ${dataDir}` };
  } catch (error) {
    await unlock();
    throw error;
  }
}
