import type { Kysely } from 'kysely';
import type { Database, IndicatorRow, ReleaseRow } from '../db/schema.ts';
import type { DataVersionSource } from '../http/data-version.ts';
import { indicatorsByCodes } from '../repositories/indicators.ts';
import { releasesByIds, type SourceRow, sourcesByIds } from '../repositories/sources.ts';

/**
 * Indicator, release and source rows kept in memory for one data version. Almost every data
 * request reads its indicator and the releases and sources behind its values: three of the four
 * statements of an uncached /v1/observations or /v1/rankings, each a round trip run after the
 * last. Every ingestion bumps the data version, which empties the cache, so a kept row is never
 * older than the version the response's ETag names (read at most once a second, as for the
 * ETag). Only rows found are kept: a code or id not kept is read from the database, so a new
 * indicator or release is never reported unknown by the cache. Kept rows are frozen: every request
 * shares them.
 */
export interface ReferenceRows {
  /** The indicators with these codes (those that exist), in the order asked. */
  indicators(codes: readonly string[]): Promise<IndicatorRow[]>;
  /** The releases with these ids, by publication date then id. */
  releases(ids: readonly string[]): Promise<ReleaseRow[]>;
  /** The sources with these ids, by id. */
  sources(ids: readonly string[]): Promise<SourceRow[]>;
}

function referenceRowCache(db: Kysely<Database>, versions: DataVersionSource): ReferenceRows {
  let version: number | null = null;
  let indicators = new Map<string, IndicatorRow>();
  let releases = new Map<string, ReleaseRow>();
  let sources = new Map<string, SourceRow>();

  /** The maps of the current data version (emptied when it changed), and that version. */
  async function current() {
    const now = await versions.get();
    if (now !== version) {
      version = now;
      indicators = new Map();
      releases = new Map();
      sources = new Map();
    }
    return { now, indicators, releases, sources };
  }

  /** The rows for `ids` (once each), kept or read with `read`; what is read is kept while the version holds. */
  async function byIds<R>(
    ids: readonly string[],
    pick: (maps: Awaited<ReturnType<typeof current>>) => Map<string, R>,
    read: (missing: string[]) => Promise<R[]>,
    idOf: (row: R) => string,
  ): Promise<R[]> {
    const unique = [...new Set(ids)];
    const maps = await current();
    const kept = pick(maps);
    const missing = unique.filter((id) => !kept.has(id));
    if (missing.length === 0) return unique.flatMap((id) => kept.get(id) ?? []);
    const rows = await read(missing);
    // A release committed while the rows were read may have changed them: keep them only if not.
    if ((await versions.get()) === maps.now) for (const row of rows) kept.set(idOf(row), Object.freeze(row));
    const found = new Map(rows.map((row) => [idOf(row), row]));
    return unique.flatMap((id) => kept.get(id) ?? found.get(id) ?? []);
  }

  return {
    indicators: (codes) =>
      byIds(
        codes,
        (maps) => maps.indicators,
        (missing) => indicatorsByCodes(db, missing),
        (row) => row.code,
      ),
    releases: async (ids) =>
      (
        await byIds(
          ids,
          (maps) => maps.releases,
          (missing) => releasesByIds(db, missing),
          (row) => row.id,
        )
      ).sort(byPublicationThenId),
    sources: async (ids) =>
      (
        await byIds(
          ids,
          (maps) => maps.sources,
          (missing) => sourcesByIds(db, missing),
          (row) => row.id,
        )
      ).sort((a, b) => compare(a.id, b.id)),
  };
}

/** Code-point order, as the database's C collation sorts ids. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** As `releasesByIds` orders them: oldest publication first, then by id. */
const byPublicationThenId = (a: ReleaseRow, b: ReleaseRow) =>
  compare(a.published_on, b.published_on) || compare(a.id, b.id);

/**
 * The cache of each database handle the app serves, found by the handle so every service keeps
 * taking just `db`. A handle with none (a transaction, a script) reads the database every time.
 */
const caches = new WeakMap<Kysely<Database>, ReferenceRows>();

/** The rows of `db` kept by `versions` from now on (an app created later on the same handle takes over). */
export function keepReferenceRows(db: Kysely<Database>, versions: DataVersionSource): void {
  caches.set(db, referenceRowCache(db, versions));
}

const uncached = (db: Kysely<Database>): ReferenceRows => ({
  indicators: async (codes) => {
    const rows = await indicatorsByCodes(db, [...new Set(codes)]);
    return codes.flatMap((code) => rows.find((row) => row.code === code) ?? []);
  },
  releases: (ids) => releasesByIds(db, [...new Set(ids)]),
  sources: (ids) => sourcesByIds(db, [...new Set(ids)]),
});

export function referenceRows(db: Kysely<Database>): ReferenceRows {
  return caches.get(db) ?? uncached(db);
}
