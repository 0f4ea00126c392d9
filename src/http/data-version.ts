import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { currentDataVersion } from '../repositories/data-version.ts';

/**
 * The data version every ETag and cache key carries. Read from the database at most once per
 * `ttlMs` (ingestion in another process shows up within that time); in-process ingestion calls
 * `invalidate()` so its change is visible to the very next request.
 */
export interface DataVersionSource {
  get(): Promise<number>;
  invalidate(): void;
}

export function dataVersionSource(
  db: Kysely<Database>,
  ttlMs = 1000,
  clock: () => number = Date.now,
): DataVersionSource {
  let cached: { version: number; readAt: number } | null = null;
  let pending: Promise<number> | null = null;
  // Bumped by invalidate(): a read that started before it must not refill the cache afterwards.
  let generation = 0;
  return {
    async get() {
      if (cached && clock() - cached.readAt < ttlMs) return cached.version;
      if (!pending) {
        const startedIn = generation;
        pending = currentDataVersion(db)
          .then((version) => {
            if (startedIn === generation) cached = { version, readAt: clock() };
            return version;
          })
          .finally(() => {
            pending = null;
          });
      }
      return pending;
    },
    invalidate() {
      generation++;
      cached = null;
      pending = null;
    },
  };
}
