import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readWgiLong } from '../../src/ingest/readers/wgi-long.ts';
import { readWgiWide } from '../../src/ingest/readers/wgi-wide.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * The two layouts of the WGI 2026 update (test/fixtures/wgi, lines cut from the shipped files):
 * wgi-long, one line per economy, year and dimension with the aggregate's columns (estimate, its
 * standard error and 90 % bounds, the 0-100 score and its own); wgi-wide, the estimates one
 * column per dimension, CRLF, with the former Netherlands Antilles, Kosovo and blank cells.
 */
const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'wgi', name);
const LONG = fixture('wgi-2026-aggregates-sample.csv');
const WIDE = fixture('wgi-2026-estimates-sample.csv');

const meta = (format: string, keys: Record<string, string>, file: string) => {
  const base = testMeta({ format, file });
  return releaseMetaSchema.parse({
    ...base,
    indicators: Object.entries(keys).map(([code, key]) => ({ ...base.indicators[0], code, source_key: key })),
  });
};
const LONG_KEYS = { 'T.GE.EST': 'ge|estimate', 'T.GE.SCORE': 'ge|score', 'T.GE.NO.SRC': 'ge|number_of_sources' };
const WIDE_KEYS = { 'T.VA': 'va', 'T.PV': 'pv', 'T.GE': 'ge', 'T.RQ': 'rq', 'T.RL': 'rl', 'T.CC': 'cc' };

let test: TestDatabase;
beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

describe('wgi-long reader (the 2026 workbook aggregates, one line per economy, year and dimension)', () => {
  it('reads the declared columns of the declared dimension, and counts the lines of other dimensions', async () => {
    const { rows, linesRead, notLoaded } = await readWgiLong(LONG, 'wgi.csv', meta('wgi-long', LONG_KEYS, 'wgi.csv'));
    expect(linesRead).toBe(6);
    expect(notLoaded).toBe(2); // Viet Nam's control of corruption, the Bahamas' voice and accountability
    expect(
      rows
        .filter((r) => (r.country as { code: string }).code === 'VNM')
        .map((r) => [r.line, r.indicatorCode, r.year, r.value]),
    ).toEqual([
      [5, 'T.GE.EST', '2025', '0.1762386'],
      [5, 'T.GE.SCORE', '2025', '55.951043299999995'],
      [5, 'T.GE.NO.SRC', '2025', '11'],
    ]);
  });

  it('validates to the registry: Singapore, Timor-Leste and Viet Nam kept, Afghanistan skipped, each value exactly its text', async () => {
    const m = meta('wgi-long', LONG_KEYS, 'wgi.csv');
    const { observations, skipped } = validateRows((await readWgiLong(LONG, 'wgi.csv', m)).rows, m, 'wgi.csv');
    expect(observations.filter((o) => o.indicatorCode === 'T.GE.SCORE').map((o) => [o.iso3, o.value])).toEqual([
      ['SGP', 95.1666394],
      ['TLS', 41.2622399],
      ['VNM', 55.951043299999995],
    ]);
    expect(skipped['other country']).toBe(3);
  });

  it('stops on a declared column the file does not have, naming the header line', async () => {
    await expect(readWgiLong(LONG, 'wgi.csv', meta('wgi-long', { X: 'ge|pctrank' }, 'wgi.csv'))).rejects.toThrow(
      'wgi.csv, line 1: the column "pctrank" of ge|pctrank declared in meta.yaml is not in the file',
    );
  });
});

describe('wgi-wide reader (estimates one column per dimension)', () => {
  it('reads every cell into its dimension; blank cells give no row', async () => {
    const { rows } = await readWgiWide(WIDE, 'wgi.csv', meta('wgi-wide', WIDE_KEYS, 'wgi.csv'));
    expect(
      rows
        .filter((r) => (r.country as { code: string }).code === 'VNM' && r.year === '2024')
        .map((r) => [r.indicatorCode, r.value]),
    ).toEqual([
      ['T.VA', '-1.2954878'],
      ['T.PV', '0.0190215'],
      ['T.GE', '-0.1254421'],
      ['T.RQ', '-0.3137316'],
      ['T.RL', '-0.2958912'],
      ['T.CC', '-0.2627256'],
    ]);
    expect(rows.filter((r) => (r.country as { code: string }).code === 'VIR')).toHaveLength(5); // va blank in 2020
    expect(rows.filter((r) => (r.country as { code: string }).code === 'XKX')).toHaveLength(4); // ge, rq blank in 2005
  });

  it('stops on a column meta.yaml does not declare', async () => {
    const { 'T.CC': _cc, ...keys } = WIDE_KEYS;
    await expect(readWgiWide(WIDE, 'wgi.csv', meta('wgi-wide', keys, 'wgi.csv'))).rejects.toThrow(
      'wgi.csv, line 1: column "cc" is not declared as a source_key in meta.yaml',
    );
  });

  it('loads Singapore and Viet Nam (18 values), skipping the Antilles, the Virgin Islands and Kosovo', async () => {
    const folder = await writeReleaseFolder(
      meta('wgi-wide', WIDE_KEYS, 'wgi.csv'),
      await readFile(WIDE, 'utf8'),
      'wgi.csv',
    );
    const summary = await ingestReleaseFolder(test.db, folder, { dryRun: true });
    expect(summary.diff?.counts.added).toBe(18);
  });

  it('a misspelt economy (VMN) fails with its line and column, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const text = (await readFile(WIDE, 'utf8')).replace('VNM,2024', 'VMN,2024');
    const folder = await writeReleaseFolder(meta('wgi-wide', WIDE_KEYS, 'wgi.csv'), text, 'wgi.csv');
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/wgi\.csv, line 6, column "iso3": country "VMN"/);
    expect(await countObservations(test.db)).toBe(before);
  });

  it('a file cut short inside a line fails with that line, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const text = (await readFile(WIDE, 'utf8')).split('\r\n').slice(0, 5).join('\r\n').slice(0, -20);
    const folder = await writeReleaseFolder(meta('wgi-wide', WIDE_KEYS, 'wgi.csv'), text, 'wgi.csv');
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/wgi\.csv, line 5/);
    expect(await countObservations(test.db)).toBe(before);
  });
});
