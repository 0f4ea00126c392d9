import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
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
