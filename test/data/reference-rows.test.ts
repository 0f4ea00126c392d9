import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataVersionSource } from '../../src/http/data-version.ts';
import { keepReferenceRows, referenceRows } from '../../src/services/reference-rows.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

/** A data version the test moves by hand, as an ingestion would. */
function manualVersions(): DataVersionSource & { bump(): void } {
  let version = 1;
  return {
    get: async () => version,
    invalidate: () => {},
    bump: () => {
      version++;
    },
  };
}

const rename = (db: Kysely<Database>, code: string, name: string) =>
  sql`update indicator set name_en = ${name} where code = ${code}`.execute(db);

describe('indicator, release and source rows kept for one data version', () => {
  let test: TestDatabase;
  const versions = manualVersions();
  beforeAll(async () => {
    test = await createLoadedDatabase();
    keepReferenceRows(test.db, versions);
  });
  afterAll(async () => {
    await test.close();
  });

  it('answers from memory until the data version changes, then reads the database again', async () => {
    const rows = referenceRows(test.db);
    const [before] = await rows.indicators(['EGDI']);
    expect(before?.name_en).toBe('E-Government Development Index (EGDI)');
    await rename(test.db, 'EGDI', 'Renamed without a new data version');
    expect((await rows.indicators(['EGDI']))[0]?.name_en).toBe('E-Government Development Index (EGDI)');
    versions.bump();
    expect((await rows.indicators(['EGDI']))[0]?.name_en).toBe('Renamed without a new data version');
    await rename(test.db, 'EGDI', 'E-Government Development Index (EGDI)');
    versions.bump();
  });

  it('never keeps a miss: a code added without a new data version is found at once', async () => {
    const rows = referenceRows(test.db);
    expect(await rows.indicators(['CACHE.NEW'])).toEqual([]);
    await sql`insert into indicator
      select (jsonb_populate_record(null::indicator, to_jsonb(i) || '{"code": "CACHE.NEW"}')).* from indicator i
      where code = 'EGDI'`.execute(test.db);
    expect((await rows.indicators(['CACHE.NEW', 'EGDI', 'NO.SUCH'])).map((i) => i.code)).toEqual(['CACHE.NEW', 'EGDI']);
    await sql`delete from indicator where code = 'CACHE.NEW'`.execute(test.db);
    versions.bump();
  });

  it('gives releases by publication date then id, and sources by id, as the database orders them', async () => {
    const ids = (await sql<{ id: string }>`select id from release order by id desc`.execute(test.db)).rows.map(
      (r) => r.id,
    );
    const fromDatabase = (
      await sql<{ id: string; source_id: string }>`select id, source_id from release order by published_on, id`.execute(
        test.db,
      )
    ).rows;
    const rows = referenceRows(test.db);
    // Twice: the first read fills the cache from the database, the second answers from it.
    for (let pass = 0; pass < 2; pass++) {
      const releases = await rows.releases([...ids, ids[0] as string]);
      expect(releases.map((r) => r.id)).toEqual(fromDatabase.map((r) => r.id));
      const sourceIds = [...new Set(fromDatabase.map((r) => r.source_id))].sort();
      expect((await rows.sources(releases.map((r) => r.source_id))).map((s) => s.id)).toEqual(sourceIds);
    }
  });

  it("shares kept rows between requests frozen, so no request can change another one's", async () => {
    const rows = referenceRows(test.db);
    await rows.indicators(['EGDI']);
    const [kept] = await rows.indicators(['EGDI']);
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it('reads the database every time for a handle the app does not serve (a transaction)', async () => {
    await referenceRows(test.db).indicators(['EGDI']);
    const rolledBack = test.db.transaction().execute(async (trx) => {
      await rename(trx, 'EGDI', 'Inside the transaction');
      expect((await referenceRows(trx).indicators(['EGDI']))[0]?.name_en).toBe('Inside the transaction');
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect((await referenceRows(test.db).indicators(['EGDI']))[0]?.name_en).toBe(
      'E-Government Development Index (EGDI)',
    );
  });
});
