import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { insertReleaseFileChunks, releaseFile, releasesWithoutFile } from '../../src/repositories/releases.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

/**
 * A release's original file is stored in pieces (one per 8 MiB read), not appended to one value:
 * appending rewrote the whole value each time, 11.4 s of a 76 MB ingest.
 */
let test: TestDatabase;
let releaseId: string;
const DATA = `${TIDY_HEADER}\nT,TEST.IND,Test,VNM,2020,0.1,points\n`;

beforeAll(async () => {
  test = await createPreparedDatabase();
  const summary = await ingestReleaseFolder(test.db, await writeReleaseFolder(testMeta(), DATA));
  releaseId = summary.releaseId;
}, 60_000);

afterAll(async () => {
  await test.close();
});

/** Each text as a piece; gzipped where asked, as the ingest stores them. */
async function* pieces(...texts: [string, 'gzip' | 'raw'][]) {
  for (const [text, encoding] of texts) {
    const bytes = new TextEncoder().encode(text);
    yield encoding === 'gzip' ? { content: gzipSync(bytes), gzip: true } : { content: bytes, gzip: false };
  }
}

describe('the original file of a release', () => {
  it('is kept as the file read, byte for byte', async () => {
    const file = await releaseFile(test.db, releaseId);
    expect(new TextDecoder().decode(file?.content)).toBe(DATA);
  });

  it('is stored gzipped by the ingest, a piece per 8 MiB read', async () => {
    const stored = await test.db
      .selectFrom('release_file')
      .select(['seq', 'gzip'])
      .where('release_id', '=', releaseId)
      .execute();
    expect(stored).toEqual([{ seq: 0, gzip: true }]);
  });

  it('comes back as its pieces, gzipped or not, joined in the order they were read', async () => {
    await test.db.deleteFrom('release_file').where('release_id', '=', releaseId).execute();
    await insertReleaseFileChunks(
      test.db,
      releaseId,
      pieces(['first,', 'gzip'], ['second,', 'raw'], ['third', 'gzip']),
    );
    const stored = await test.db
      .selectFrom('release_file')
      .select(['seq'])
      .where('release_id', '=', releaseId)
      .orderBy('seq')
      .execute();
    expect(stored.map((row) => row.seq)).toEqual([0, 1, 2]);
    const file = await releaseFile(test.db, releaseId);
    expect(new TextDecoder().decode(file?.content)).toBe('first,second,third');
  });

  it('of no bytes is one empty piece: the release still has its file', async () => {
    await test.db.deleteFrom('release_file').where('release_id', '=', releaseId).execute();
    expect((await releasesWithoutFile(test.db)).map((r) => r.id)).toContain(releaseId);
    await insertReleaseFileChunks(test.db, releaseId, pieces());
    expect((await releaseFile(test.db, releaseId))?.content).toHaveLength(0);
    expect((await releasesWithoutFile(test.db)).map((r) => r.id)).not.toContain(releaseId);
  });
});
