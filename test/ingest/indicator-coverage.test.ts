import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { coverageSummaries } from '../../src/repositories/indicators.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * The coverage summary of /v1/indicators and /v1/themes is read from `indicator_coverage`, which
 * ingestion keeps: it must always equal what the observations themselves say.
 */
let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

/** The summary computed from every observation row, as it was before the table existed. */
async function fromObservations() {
  const { rows } = await sql`
    WITH latest AS (SELECT indicator_code, max(year) AS latest_year FROM observation GROUP BY indicator_code)
    SELECT o.indicator_code,
           array_agg(DISTINCT o.iso3 ORDER BY o.iso3) AS countries,
           min(o.year) AS first_year,
           l.latest_year,
           count(DISTINCT o.iso3) FILTER (WHERE o.year = l.latest_year)::int AS countries_in_latest_year,
           bool_or(o.year IS NULL) AS has_undated
    FROM observation o JOIN latest l USING (indicator_code)
    GROUP BY o.indicator_code, l.latest_year
    ORDER BY o.indicator_code`.execute(test.db);
  return rows;
}

describe('the indicator coverage table', () => {
  it('equals the observations for every shipped indicator, undated training mandates included', async () => {
    const summaries = await coverageSummaries(test.db);
    expect(summaries).toEqual(await fromObservations());
    expect(summaries.length).toBeGreaterThan(100);
    expect(summaries.some((s) => s.has_undated)).toBe(true);
  });

  it('follows each new release in the same transaction: a new country and a newer year', async () => {
    const meta = testMeta({ source: { ...testMeta().source, id: 'coverage-test' }, release: 'r1' });
    await ingestReleaseFolder(
      test.db,
      await writeReleaseFolder(
        meta,
        [TIDY_HEADER, 'S,TEST.IND,Test,VNM,2019,1,points', 'S,TEST.IND,Test,THA,2021,2,points'].join('\n'),
      ),
    );
    let row = (await coverageSummaries(test.db)).find((s) => s.indicator_code === 'TEST.IND');
    expect(row).toMatchObject({
      countries: ['THA', 'VNM'],
      first_year: 2019,
      latest_year: 2021,
      countries_in_latest_year: 1,
      has_undated: false,
    });

    const next = { ...meta, release: 'r2', label: 'Test release 2', published_on: '2024-06-01' };
    await ingestReleaseFolder(
      test.db,
      await writeReleaseFolder(
        next,
        [TIDY_HEADER, 'S,TEST.IND,Test,SGP,2023,3,points', 'S,TEST.IND,Test,VNM,2021,4,points'].join('\n'),
      ),
    );
    row = (await coverageSummaries(test.db)).find((s) => s.indicator_code === 'TEST.IND');
    // Both releases count: VNM 2019 (r1) and 2021 (r2), THA 2021 (r1), SGP 2023 (r2): only SGP has the latest year.
    expect(row).toMatchObject({
      countries: ['SGP', 'THA', 'VNM'],
      first_year: 2019,
      latest_year: 2023,
      countries_in_latest_year: 1,
      has_undated: false,
    });
    expect(await coverageSummaries(test.db)).toEqual(await fromObservations());
  });

  it('is untouched by a release that fails', async () => {
    const before = await coverageSummaries(test.db);
    const meta = testMeta({
      source: { ...testMeta().source, id: 'coverage-test' },
      release: 'r3',
      published_on: '2024-09-01',
    });
    await expect(
      ingestReleaseFolder(
        test.db,
        await writeReleaseFolder(
          meta,
          [TIDY_HEADER, 'S,TEST.IND,Test,KOR,2030,1,points', 'S,TEST.IND,Test,Viet Nan,2030,1,points'].join('\n'),
        ),
      ),
    ).rejects.toThrow();
    expect(await coverageSummaries(test.db)).toEqual(before);
  });
});
