import { readFileSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { parseReleaseMeta, releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readItuDatahubCsv } from '../../src/ingest/readers/itu-datahub-csv.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * The ITU DataHub indicator download (itu-datahub-csv): lines of the shipped mobile_phone_ownership.csv
 * (byte-order mark and all): South Africa 2015 (outside the registry), Viet Nam 2019-2023 from two
 * national offices, Japan 2015 with the survey's note, Singapore 2019 as an ITU estimate; and one line
 * of the same download of individuals using the Internet (i99H, Viet Nam 2024), a series not loaded.
 */
const SAMPLE = path.join(import.meta.dirname, '..', 'fixtures', 'itu-datahub', 'itu-datahub-sample.csv');

/** The sample's notes are the shipped release's: its Vietnamese of them travels with the test release. */
const SHIPPED_META = path.join(
  import.meta.dirname,
  '..',
  '..',
  'datasets',
  'itu-datahub',
  '2025-12-mobile-phone-ownership',
  'meta.yaml',
);

const meta = () => {
  const base = testMeta({ format: 'itu-datahub-csv', file: 'itu.csv' });
  return releaseMetaSchema.parse({
    ...base,
    value_notes_vi: parseReleaseMeta(readFileSync(SHIPPED_META, 'utf8'), SHIPPED_META).value_notes_vi,
    indicators: [{ ...base.indicators[0], code: 'ITU.OWN', source_key: 'xHH18_IDI', measures: 'use' }],
  });
};

let test: TestDatabase;
beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

/** A release folder holding the sample, with one line (1-based) replaced or the file cut when asked. */
async function folderWith(edit?: (lines: string[]) => string[]): Promise<string> {
  const folder = await writeReleaseFolder(meta(), '', 'placeholder.csv');
  const target = path.join(folder, 'itu.csv');
  if (!edit) await copyFile(SAMPLE, target);
  else await writeFile(target, edit((await readFile(SAMPLE, 'utf8')).split('\n')).join('\n'));
  return folder;
}

describe('itu-datahub-csv reader (ITU DataHub indicator download)', () => {
  it('reads the declared series by seriesCode, with its data source and note on each value, and counts other series as not loaded', async () => {
    const { rows, linesRead, notLoaded } = await readItuDatahubCsv(SAMPLE, 'itu.csv', meta());
    expect(linesRead).toBe(9);
    expect(notLoaded).toBe(1); // i99H, Viet Nam 2024
    expect(rows.map((r) => [r.line, r.country, r.year, r.value])).toEqual([
      [2, { code: 'ZAF' }, '2015', '98.4379'],
      [3, { code: 'VNM' }, '2019', '77.5'],
      [4, { code: 'VNM' }, '2020', '79.3'],
      [5, { code: 'VNM' }, '2021', '77.48'],
      [6, { code: 'VNM' }, '2022', '79.3'],
      [7, { code: 'VNM' }, '2023', '83.82'],
      [8, { code: 'JPN' }, '2015', '80.8985'],
      [9, { code: 'SGP' }, '2019', '88.2818'],
    ]);
    expect(rows[5]?.note).toBe('Ministry of Information and Communications.');
    expect(rows[2]?.note).toBe('General Statistics Office of Vietnam.');
    expect(rows[7]?.note).toBe('ITU estimate.');
    expect(rows[6]?.note).toBe(
      'Ministry of Internal Affairs and Communications. estimated by the following method. (The estimation population of more than 6 years old)×(Survey result(%)). Used in the last 12 months.',
    );
  });

  it('validates to the registry: values exactly as written, South Africa skipped as another country', async () => {
    const m = meta();
    const { rows } = await readItuDatahubCsv(SAMPLE, 'itu.csv', m);
    const { observations, skipped } = validateRows(rows, m, 'itu.csv');
    expect(observations.map((o) => [o.iso3, o.year, o.value])).toEqual([
      ['VNM', 2019, 77.5],
      ['VNM', 2020, 79.3],
      ['VNM', 2021, 77.48],
      ['VNM', 2022, 79.3],
      ['VNM', 2023, 83.82],
      ['JPN', 2015, 80.8985],
      ['SGP', 2019, 88.2818],
    ]);
    expect(skipped['other country']).toBe(1);
  });

  it('a misspelt economy code (VMN) fails with its line and column, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const folder = await folderWith((lines) => lines.map((l, i) => (i === 6 ? l.replace('"VNM"', '"VMN"') : l)));
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/itu\.csv, line 7, column "entityIso": .*VMN/);
    expect(await countObservations(test.db)).toBe(before);
  });

  it('a file cut short inside a line fails with that line, and the database is unchanged', async () => {
    const before = await countObservations(test.db);
    const folder = await folderWith((lines) => [...lines.slice(0, 5), (lines[5] ?? '').slice(0, 120)]);
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).location).toMatchObject({ line: 6 });
    expect(await countObservations(test.db)).toBe(before);
  });

  it('stops when the file lacks a column the layout needs, naming the header line', async () => {
    const folder = await folderWith((lines) => lines.map((l, i) => (i === 0 ? l.replace('"dataYear"', '"year"') : l)));
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect((error as IngestError).message).toMatch(/itu\.csv, line 1: missing column "dataYear"/);
  });

  it('loads the sample: 7 values for Japan, Singapore and Viet Nam', async () => {
    const summary = await ingestReleaseFolder(test.db, await folderWith(), { dryRun: true });
    expect(summary.diff?.counts.added).toBe(7);
  });
});
