import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { readTidy } from '../../src/ingest/readers/tidy.ts';
import { uploadIngester } from '../../src/ingest/upload.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/** Held-out-style broken files (test/fixtures/bad, see its README): each stops its release, naming why. */
const bad = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'bad', name);

let test: TestDatabase;
beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

async function egovFolder(extra: Record<string, unknown> = {}) {
  const meta = testMeta({
    format: 'un-egov',
    file: 'EGOV_DATA_2022.csv',
    release: 'viet-nan',
    indicators: ['EGDI', 'EGDI_RANK', 'EPI', 'OSI', 'HCI', 'TII'].map((code) => ({
      ...testMeta().indicators[0],
      code,
    })),
    ...extra,
  });
  const folder = await writeReleaseFolder(meta, '', 'placeholder.csv');
  await copyFile(bad('EGOV_DATA_viet-nan.csv'), path.join(folder, 'EGOV_DATA_2022.csv'));
  return folder;
}

describe('an unresolved country name', () => {
  it('fails the release, naming the line, and writes nothing', async () => {
    const before = await countObservations(test.db);
    const error = await ingestReleaseFolder(test.db, await egovFolder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(
      /line 5: country "Viet Nan" resolves to no known country; nothing was loaded/,
    );
    expect((error as IngestError).location.line).toBe(5);
    expect(await countObservations(test.db)).toBe(before);
  });

  it('loads the rest only with the explicit flag (--allow-unresolved), listing the name', async () => {
    const summary = await ingestReleaseFolder(test.db, await egovFolder(), { allowUnresolved: true, dryRun: true });
    expect(summary.unresolved).toContainEqual({ line: 5, text: 'Viet Nan' });
    expect(summary.status).toBe('dry-run');
  });
});

describe('sha256', () => {
  it('refuses a file truncated inside its last cell before reading it, when meta.yaml states the sha256 of the whole file', async () => {
    const sha256 = (await readFile(bad('tidy-truncated.sha256'), 'utf8')).trim();
    const folder = await writeReleaseFolder(
      testMeta({ release: 'cut', sha256 }),
      await readFile(bad('tidy-truncated.csv'), 'utf8'),
    );
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(/sha256 [0-9a-f]{64} does not match meta\.yaml/);
  });

  it('is required for uploaded releases', async () => {
    const meta = `${JSON.stringify(testMeta({ release: 'no-sha' }))}\n`;
    const upload = uploadIngester(test.db)({
      metaText: meta,
      metaName: 'meta.yaml',
      data: new TextEncoder().encode('source,indicator_code,indicator_name,country_iso3,year,value,unit\n'),
      dataName: 'data.csv',
    });
    await expect(upload).rejects.toMatchObject({ status: 422, extensions: { column: 'sha256' } });
  });

  it('is required for shipped releases (start-up and --all refuse a meta.yaml without it), and every shipped release has it', async () => {
    const folder = await writeReleaseFolder(testMeta({ release: 'no-sha-shipped' }), 'x');
    await expect(ingestReleaseFolder(test.db, folder, { requireSha256: true })).rejects.toThrow(
      /meta\.yaml has no sha256/,
    );
    for (const release of await listShippedReleases())
      expect((await readReleaseMeta(path.join(release.folder, 'meta.yaml'))).sha256, release.id).toMatch(
        /^[0-9a-f]{64}$/,
      );
  });
});

describe('parser error positions (issue 11 item 18)', () => {
  const read = (name: string) =>
    readTidy(bad(name), name).then(
      () => undefined,
      (e: unknown) => e,
    );

  it('an unterminated quote names the line the quote opens on (3), not the next one', async () => {
    const error = (await read('tidy-unterminated-quote.csv')) as IngestError;
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toBe(
      'tidy-unterminated-quote.csv, line 3: Quoted field unterminated (the quote opened here is never closed)',
    );
    expect(error.location.line).toBe(3);
  });

  it('a row that runs short names its line and the first missing column', async () => {
    const error = (await read('tidy-too-few-fields.csv')) as IngestError;
    expect(error.message).toBe(
      'tidy-too-few-fields.csv, line 4, column "value": Too few fields: expected 7 fields but parsed 5',
    );
    expect(error.location).toMatchObject({ line: 4, column: 'value' });
  });

  it('an empty file names line 1; a header-only file names line 2', async () => {
    const empty = (await read('empty.csv')) as IngestError;
    expect(empty.message).toBe('empty.csv, line 1: the file is empty (no header line, no data)');
    expect(empty.location.line).toBe(1);
    const headerOnly = (await read('tidy-header-only.csv')) as IngestError;
    expect(headerOnly.message).toBe('tidy-header-only.csv, line 2: no data rows after the header (line 1)');
    expect(headerOnly.location.line).toBe(2);
  });
});

describe('a three-letter code outside the registry (issue 11 item 15)', () => {
  it('fails the release at its line and column (VMN, line 5, column "country_iso3") and writes nothing', async () => {
    const folder = await writeReleaseFolder(
      testMeta({ release: 'unknown-code' }),
      await readFile(bad('tidy-unknown-code.csv'), 'utf8'),
    );
    const before = await countObservations(test.db);
    const error = (await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e)) as IngestError;
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toMatch(
      /, line 5, column "country_iso3": country "VMN" resolves to no known country; nothing was loaded/,
    );
    expect(error.location).toMatchObject({ line: 5, column: 'country_iso3' });
    expect(await countObservations(test.db)).toBe(before);
  });

  it('with --allow-unresolved, skips the known ones by kind and lists the unknown codes by line', async () => {
    const folder = await writeReleaseFolder(
      testMeta({ release: 'unknown-code-allowed' }),
      await readFile(bad('tidy-unknown-code.csv'), 'utf8'),
    );
    const summary = await ingestReleaseFolder(test.db, folder, { allowUnresolved: true, dryRun: true });
    expect(summary.skipped).toMatchObject({ 'other country': 1, aggregate: 1, 'unresolved country': 2 });
    expect(summary.unresolved).toEqual([
      { line: 5, text: 'VMN' },
      { line: 6, text: 'XYZ' },
    ]);
  });
});
