import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * What the observation table's foreign keys guaranteed, now checked once per statement (migration
 * 0010): every value names a known indicator, country and release; an indicator or country that
 * still has values cannot go; a release takes its values with it.
 */
let test: TestDatabase;
let releaseId: string;

beforeAll(async () => {
  test = await createPreparedDatabase();
  const data = `${TIDY_HEADER}\nT,TEST.IND,Test,VNM,2020,0.1,points\nT,TEST.IND,Test,THA,2020,0.2,points\n`;
  releaseId = (await ingestReleaseFolder(test.db, await writeReleaseFolder(testMeta(), data))).releaseId;
}, 60_000);

afterAll(async () => {
  await test.close();
});

const insert = (row: { indicator_code: string; iso3: string; release_id: string }) =>
  test.db
    .insertInto('observation')
    .values({ ...row, year: 2021, value: 1 })
    .execute();

async function failure(action: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await action;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('expected the statement to fail');
}

describe('the references of every observation', () => {
  it('refuse a value of an unknown indicator, country or release, naming it', async () => {
    const known = { indicator_code: 'TEST.IND', iso3: 'VNM', release_id: releaseId };
    for (const [row, named] of [
      [{ ...known, indicator_code: 'NO.SUCH' }, 'indicator NO.SUCH'],
      [{ ...known, iso3: 'XYZ' }, 'country XYZ'],
      [{ ...known, release_id: 'nobody:1' }, 'release nobody:1'],
    ] as const) {
      const { code, message } = await failure(insert(row));
      expect(code).toBe('23503');
      expect(message).toContain(`observation refers to an unknown ${named}`);
    }
    await insert(known);
    await test.db.deleteFrom('observation').where('year', '=', 2021).execute();
  });

  it('refuse moving a value onto an unknown indicator', async () => {
    const { code } = await failure(
      test.db.updateTable('observation').set({ indicator_code: 'NO.SUCH' }).where('iso3', '=', 'VNM').execute(),
    );
    expect(code).toBe('23503');
  });

  it('keep an indicator or a country that still has values', async () => {
    // Other tables refer to indicators and countries too; whichever check comes first refuses.
    const indicator = await failure(test.db.deleteFrom('indicator').where('code', '=', 'TEST.IND').execute());
    expect(indicator.code).toBe('23503');
    // A country nothing else refers to: only its value keeps it.
    await test.db
      .insertInto('country')
      .values({ iso3: 'ZZA', iso2: 'ZA', m49: '999', name_en: 'Test', name_vi: 'Thử', aliases: [] })
      .execute();
    await insert({ indicator_code: 'TEST.IND', iso3: 'ZZA', release_id: releaseId });
    const country = await failure(test.db.deleteFrom('country').where('iso3', '=', 'ZZA').execute());
    expect(country.code).toBe('23503');
    expect(country.message).toContain('country ZZA still has observations');
    const renamed = await failure(
      test.db.updateTable('country').set({ iso3: 'ZZB' }).where('iso3', '=', 'ZZA').execute(),
    );
    expect(renamed.message).toContain('country ZZA still has observations');
    await test.db.deleteFrom('observation').where('iso3', '=', 'ZZA').execute();
    await test.db.deleteFrom('country').where('iso3', '=', 'ZZA').execute();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from country where iso3 = 'ZZA'`.execute(
      test.db,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('go with their release when the release is deleted', async () => {
    await test.db.deleteFrom('release').where('id', '=', releaseId).execute();
    const left = await test.db.selectFrom('observation').select('iso3').where('release_id', '=', releaseId).execute();
    expect(left).toEqual([]);
  });
});
