import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareServedDatabase } from '../../src/boot/served-database.ts';
import {
  buildSnapshot,
  fillSnapshot,
  holdsShippedContent,
  markShippedContent,
  PROJECT_ROOT,
  restoreSnapshot,
  snapshotKey,
} from '../../src/boot/shipped-snapshot.ts';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { connectPglite } from '../../src/db/pglite.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

const KEY = 'a'.repeat(64);
let work: string;
let snapshotDir: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'civscope-snapshot-'));
  snapshotDir = path.join(work, 'snapshot');
  const release = await writeReleaseFolder(
    testMeta(),
    `${TIDY_HEADER}\nT,TEST.IND,Test,VNM,2020,0.1,points\nT,TEST.IND,Test,THA,2020,0.2,points\nT,TEST.IND,Test,SGP,2021,0.3,points\n`,
  );
  await buildSnapshot((dataDir) => fillSnapshot(dataDir, (db) => ingestReleaseFolder(db, release)), {
    snapshotDir,
    key: KEY,
  });
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the install-time database snapshot', () => {
  it('is copied into an empty data directory, opens without initdb and holds the loaded releases', async () => {
    const dataDir = path.join(work, 'fresh');
    expect(await restoreSnapshot(dataDir, { snapshotDir, key: KEY })).toBe('restored');
    expect(await holdsShippedContent(dataDir, KEY)).toBe(true);
    const { db, close } = await connectPglite(dataDir);
    try {
      expect(await countObservations(db)).toBe(3);
    } finally {
      await close();
    }
  });

  it('leaves only the served database: the template databases are dropped so a first start copies fewer files', async () => {
    const { db, pglite, close } = await connectPglite(await restoredCopy('templates'));
    try {
      const { rows } = await pglite.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname');
      expect(rows.map((row) => row.datname)).toEqual(['postgres']);
      expect(await countObservations(db)).toBe(3);
    } finally {
      await close();
    }
  });

  it('counts a directory holding only the lock of the starting server as empty', async () => {
    const dataDir = path.join(work, 'locked');
    const unlock = await lockDataDir(dataDir);
    try {
      expect(await restoreSnapshot(dataDir, { snapshotDir, key: KEY })).toBe('restored');
      expect(await holdsShippedContent(dataDir, KEY)).toBe(true);
    } finally {
      await unlock();
    }
  });

  it('never overwrites a data directory that already has files', async () => {
    const dataDir = path.join(work, 'used');
    await cp(snapshotDir, dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'mine.txt'), 'keep');
    expect(await restoreSnapshot(dataDir, { snapshotDir, key: KEY })).toBe('not-empty');
    expect(await readdir(dataDir)).toContain('mine.txt');
  });

  it('is ignored when its key differs from the current content, and when there is none', async () => {
    expect(await restoreSnapshot(path.join(work, 'stale'), { snapshotDir, key: 'b'.repeat(64) })).toBe('stale');
    expect(await readdir(path.join(work, 'stale')).catch(() => [])).toEqual([]);
    const missing = path.join(work, 'no-such-snapshot');
    expect(await restoreSnapshot(path.join(work, 'none'), { snapshotDir: missing, key: KEY })).toBe('no-snapshot');
  });

  it('lets a data directory marked with the current key skip migrations and the shipped-release load', async () => {
    const dataDir = await restoredCopy('marked');
    await markShippedContent(dataDir, await snapshotKey());
    const { db, close } = await connectPglite(dataDir);
    try {
      // Unmarked, this would load every shipped release (thousands of values) into the copy.
      await prepareServedDatabase(db, { dataDir, loadShipped: true, log: () => {} });
      expect(await countObservations(db)).toBe(3);
    } finally {
      await close();
    }
  });
});

describe('the snapshot key', () => {
  it('changes when any shipped data file, migration or loading code changes, and only then', async () => {
    const root = path.join(work, 'project');
    for (const dir of ['migrations', 'datasets/s/r', 'src/ingest']) {
      await cp(path.join(PROJECT_ROOT, dir === 'datasets/s/r' ? 'datasets/wb-wgi/2024' : dir), path.join(root, dir), {
        recursive: true,
      });
    }
    const before = await snapshotKey(root);
    expect(await snapshotKey(root)).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(path.join(root, 'datasets/s/r/data.csv'), 'edited');
    const afterData = await snapshotKey(root);
    expect(afterData).not.toBe(before);
    await writeFile(path.join(root, 'migrations/0999_extra.sql'), 'SELECT 1;');
    expect(await snapshotKey(root)).not.toBe(afterData);
  });
});

async function restoredCopy(name: string): Promise<string> {
  const dataDir = path.join(work, name);
  expect(await restoreSnapshot(dataDir, { snapshotDir, key: KEY })).toBe('restored');
  return dataDir;
}
