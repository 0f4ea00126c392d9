import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readFindexCsv } from '../../src/ingest/readers/findex-csv.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * The Global Findex country file (findex-csv): a sample of GlobalFindexDatabase2025.csv's own lines
 * (test/fixtures/findex, cut from the shipped extract): Singapore and Viet Nam in 2024 for all adults,
 * men, women and the poorest 40 %, Viet Nam's 2021 wave (dated 2022), the Democratic Republic of the
 * Congo (a quoted name with a comma, outside the registry) and the world aggregate.
 */
const SAMPLE = path.join(import.meta.dirname, '..', 'fixtures', 'findex', 'GlobalFindexDatabase2025-sample.csv');

const meta = (keys: Record<string, string>) => {
  const base = testMeta({ format: 'findex-csv', file: 'findex.csv' });
  return releaseMetaSchema.parse({
    ...base,
    indicators: Object.entries(keys).map(([code, key]) => ({ ...base.indicators[0], code, source_key: key })),
  });
};
const KEYS = {
  'FX.FIN26A': 'fin26a',
  'FX.FIN26A.WOMEN': 'fin26a@women',
  'FX.FIN26A.MEN': 'fin26a@men',
  'FX.ACCOUNT': 'account_t_d',
};

let test: TestDatabase;
beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

/** A release folder with the sample, one line of it replaced (1-based) when asked. */
async function folderWith(line?: number, text?: string): Promise<string> {
  const folder = await writeReleaseFolder(meta(KEYS), '', 'placeholder.csv');
  const target = path.join(folder, 'findex.csv');
  if (line === undefined) await copyFile(SAMPLE, target);
  else {
    const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
    lines[line - 1] = text ?? '';
    await writeFile(target, lines.join('\n'));
  }
  return folder;
}

describe('findex-csv reader (GlobalFindexDatabase2025.csv)', () => {
  it('reads all adults and the gender breakdown by column, skips NA, and counts other breakdowns as not loaded', async () => {
    const { rows, linesRead, notLoaded } = await readFindexCsv(SAMPLE, 'findex.csv', meta(KEYS));
    expect(linesRead).toBe(11);
    expect(notLoaded).toBe(2); // the poorest 40 % of Singapore and of Viet Nam
    expect(rows.map((r) => [r.line, r.indicatorCode, r.country, r.year, r.value, r.valueColumn])).toEqual([
      [2, 'FX.ACCOUNT', { code: 'SGP' }, '2024', '0.979718288', 'account_t_d'],
      [3, 'FX.FIN26A', { code: 'VNM' }, '2024', '0.455035807', 'fin26a'],
      [3, 'FX.ACCOUNT', { code: 'VNM' }, '2024', '0.705507534', 'account_t_d'],
      [6, 'FX.FIN26A.MEN', { code: 'VNM' }, '2024', '0.440462325', 'fin26a'],
      [7, 'FX.FIN26A.WOMEN', { code: 'VNM' }, '2024', '0.468936704', 'fin26a'],
      [10, 'FX.FIN26A', { code: 'VNM' }, '2022', '0.250226465', 'fin26a'],
      [10, 'FX.ACCOUNT', { code: 'VNM' }, '2022', '0.562657536', 'account_t_d'],
      [11, 'FX.FIN26A', { code: 'COD' }, '2024', '0.039120953', 'fin26a'],
      [11, 'FX.ACCOUNT', { code: 'COD' }, '2024', '0.392140115', 'account_t_d'],
      [12, 'FX.ACCOUNT', { code: 'WLD' }, '2024', '0.787424041', 'account_t_d'],
    ]);
  });

  it('validates to the registry: values exactly as written, the Congo and the world aggregate skipped by kind', async () => {
    const m = meta(KEYS);
    const { rows } = await readFindexCsv(SAMPLE, 'findex.csv', m);
    const { observations, skipped } = validateRows(rows, m, 'findex.csv');
    expect(observations.map((o) => [o.indicatorCode, o.iso3, o.year, o.value])).toEqual([
      ['FX.ACCOUNT', 'SGP', 2024, 0.979718288],
      ['FX.FIN26A', 'VNM', 2024, 0.455035807],
      ['FX.ACCOUNT', 'VNM', 2024, 0.705507534],
      ['FX.FIN26A.MEN', 'VNM', 2024, 0.440462325],
      ['FX.FIN26A.WOMEN', 'VNM', 2024, 0.468936704],
      ['FX.FIN26A', 'VNM', 2022, 0.250226465],
      ['FX.ACCOUNT', 'VNM', 2022, 0.562657536],
    ]);
    expect(skipped['other country']).toBe(2);
    expect(skipped.aggregate).toBe(1);
  });

  it('stops on a series meta.yaml declares that the file does not have, naming the header line', async () => {
    await expect(readFindexCsv(SAMPLE, 'findex.csv', meta({ 'FX.G20': 'g20_any' }))).rejects.toThrow(
      'findex.csv, line 1: the series "g20_any" declared in meta.yaml is not a column of the file',
    );
  });

  it('a misspelt economy code (VMN) fails with its line and column, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const bad = (await readFile(SAMPLE, 'utf8')).split('\n')[2]?.replace(',VNM,', ',VMN,') ?? '';
    const error = await ingestReleaseFolder(test.db, await folderWith(3, bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/findex\.csv, line 3, column "codewb": .*VMN/);
    expect(await countObservations(test.db)).toBe(before);
  });

  it('a file cut short inside its last line fails with that line and column, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
    const cut = (lines[9] ?? '').slice(0, 140);
    const folder = await writeReleaseFolder(meta(KEYS), '', 'placeholder.csv');
    await writeFile(path.join(folder, 'findex.csv'), [...lines.slice(0, 9), cut].join('\n'));
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).location).toMatchObject({ line: 10 });
    expect((error as IngestError).message).toMatch(/findex\.csv, line 10/);
    expect(await countObservations(test.db)).toBe(before);
  });

  it('loads the sample: 7 values for Singapore and Viet Nam', async () => {
    const summary = await ingestReleaseFolder(test.db, await folderWith(), { dryRun: true });
    expect(summary.diff?.counts.added).toBe(7);
  });
});
