import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { summaryLine } from '../../src/ingest/summary-line.ts';
import { currentDataVersion } from '../../src/repositories/data-version.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

let test: TestDatabase;

beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

async function snapshot() {
  return {
    observations: await countObservations(test.db),
    releases: (await test.db.selectFrom('release').select('id').execute()).length,
    indicators: (await test.db.selectFrom('indicator').select('code').execute()).length,
    version: await currentDataVersion(test.db),
  };
}

const goodRows = [
  `${TIDY_HEADER}`,
  'S,TEST.IND,Test,VNM,2020,1.25,points',
  'S,TEST.IND,Test,VNM,2021,1.5,points',
  'S,TEST.IND,Test,THA,2021,2,points',
  'S,TEST.IND,Test,USA,2021,9,points',
].join('\n');

describe('loading a release', () => {
  it('loads every valid row in one go, skips countries outside the registry and bumps the data version', async () => {
    const folder = await writeReleaseFolder(testMeta(), goodRows);
    const before = await snapshot();
    const summary = await ingestReleaseFolder(test.db, folder);
    expect(summary).toMatchObject({ releaseId: 'test-source:r1', status: 'loaded', linesRead: 4, loaded: 3 });
    expect(summary.skipped['other country']).toBe(1); // USA
    const after = await snapshot();
    expect(after.observations - before.observations).toBe(3);
    expect(after.version).toBe(before.version + 1);
  });

  it("tells the database's planner how many values it now holds (PGlite has no autovacuum to do it)", async () => {
    const planned = await sql<{
      reltuples: number;
    }>`SELECT reltuples FROM pg_class WHERE relname = 'observation'`.execute(test.db);
    expect(Number(planned.rows[0]?.reltuples)).toBe(await countObservations(test.db));
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const folder = await writeReleaseFolder(testMeta(), goodRows);
    const before = await snapshot();
    const summary = await ingestReleaseFolder(test.db, folder);
    expect(summary.status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a different file under an already loaded release id', async () => {
    const folder = await writeReleaseFolder(testMeta(), `${goodRows}\nS,TEST.IND,Test,SGP,2021,3,points`);
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(/already loaded from a different file/);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the database unchanged when a file breaks on its last line', async () => {
    const meta = testMeta({ release: 'r-broken', indicators: [{ ...testMeta().indicators[0], code: 'TEST.NEW' }] });
    const rows = [
      'S,TEST.NEW,Test,VNM,2020,1,points',
      'S,TEST.NEW,Test,THA,2020,2,points',
      'S,TEST.NEW,Test,SGP,2020,n/a?,points',
    ];
    const folder = await writeReleaseFolder(meta, [TIDY_HEADER, ...rows].join('\n'));
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(/line 4, column "value": not a number/);
    expect(await snapshot()).toEqual(before);
    expect(await test.db.selectFrom('indicator').select('code').where('code', '=', 'TEST.NEW').execute()).toEqual([]);
  });

  it('refuses a yes/no value other than 1 or 0 at its line and column, database unchanged', async () => {
    const yesNo = {
      ...testMeta().indicators[0],
      code: 'TEST.YESNO',
      scale: 'yes-no',
      higher_is_better: null,
      unit: 'yes (1) / no (0)',
    };
    const meta = testMeta({ release: 'r-answers', indicators: [yesNo] });
    const rows = [
      'S,TEST.YESNO,Test,VNM,2020,1,points',
      'S,TEST.YESNO,Test,THA,2020,0,points',
      'S,TEST.YESNO,Test,SGP,2020,0.5,points',
    ];
    const folder = await writeReleaseFolder(meta, [TIDY_HEADER, ...rows].join('\n'));
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(
      /line 4, column "value": 0\.5 is not an answer: TEST\.YESNO is a yes\/no indicator, coded 1 \(yes\) or 0 \(no\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a data file whose sha256 does not match meta.yaml', async () => {
    const folder = await writeReleaseFolder(testMeta({ release: 'r-sha', sha256: '0'.repeat(64) }), goodRows);
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(/does not match meta\.yaml/);
  });

  it('a dry run reports added, changed and removed values against the previous release and writes nothing', async () => {
    const meta = testMeta({ release: 'r2', published_on: '2025-01-01' });
    // VNM 2020 unchanged, VNM 2021 revised, THA 2021 dropped, SGP 2021 new.
    const rows = [
      'S,TEST.IND,Test,VNM,2020,1.25,points',
      'S,TEST.IND,Test,VNM,2021,1.75,points',
      'S,TEST.IND,Test,SGP,2021,3,points',
    ];
    const folder = await writeReleaseFolder(meta, [TIDY_HEADER, ...rows].join('\n'));
    const before = await snapshot();
    const summary = await ingestReleaseFolder(test.db, folder, { dryRun: true });
    expect(summary.status).toBe('dry-run');
    expect(summary.diff?.unchanged).toBe(1);
    expect(summary.diff?.changed).toEqual([
      { indicatorCode: 'TEST.IND', iso3: 'VNM', year: 2021, before: 1.5, after: 1.75 },
    ]);
    expect(summary.diff?.added).toEqual([
      { indicatorCode: 'TEST.IND', iso3: 'SGP', year: 2021, before: null, after: 3 },
    ]);
    expect(summary.diff?.removed).toEqual([
      { indicatorCode: 'TEST.IND', iso3: 'THA', year: 2021, before: 2, after: null },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the ingest summary and the float32 rule (issue 11 item 13)', () => {
  it('counts a float32 number written with 15 digits instead of 17 as unchanged, and says how many', async () => {
    const source = {
      id: 'f32-source',
      name: 'F32',
      publisher: 'P',
      url: 'https://example.org',
      licence: 'CC BY 4.0',
      name_vi: 'F32',
      publisher_vi: 'P',
      licence_vi: 'CC BY 4.0',
      citation: 'C',
    };
    const rows = (vnm: string) =>
      [TIDY_HEADER, `S,TEST.IND,Test,VNM,2020,${vnm},points`, 'S,TEST.IND,Test,THA,2020,2.14483,points'].join('\n');
    await ingestReleaseFolder(
      test.db,
      await writeReleaseFolder(testMeta({ source, release: 'f1' }), rows('0.478994995355606')),
    );
    const second = await ingestReleaseFolder(
      test.db,
      await writeReleaseFolder(
        testMeta({ source, release: 'f2', published_on: '2025-01-01' }),
        rows('0.4789949953556061').replace('2.14483', '2.14424'),
      ),
      { dryRun: true },
    );
    expect(second.diff).toMatchObject({ unchanged: 1, float32Only: 1 });
    expect(second.diff?.changed).toEqual([
      { indicatorCode: 'TEST.IND', iso3: 'THA', year: 2020, before: 2.14483, after: 2.14424 },
    ]);
    expect(summaryLine(second)).toMatch(
      /~1 changed, -0 removed \(1 differ only below float32 precision: not changed\)$/,
    );
  });
});
