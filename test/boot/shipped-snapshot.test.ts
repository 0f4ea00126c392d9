import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
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
import { openDatabase } from '../../src/db/open.ts';
import { parseEnv } from '../../src/env.ts';
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

  it('keeps its WAL in 1 MB segments, a few MB in all instead of two 16 MB segments, so a first start copies less', async () => {
    const wal = path.join(snapshotDir, 'pg_wal');
    const segments = (await readdir(wal)).filter((name) => /^[0-9A-F]{24}$/.test(name));
    const sizes = await Promise.all(segments.map(async (name) => (await stat(path.join(wal, name))).size));
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([1024 * 1024]));
    expect(sizes.length).toBeLessThanOrEqual(8);
  });

  it('is opened with 32 MB of shared buffers, or what PGLITE_SHARED_BUFFERS asks for', async () => {
    const dataDir = await restoredCopy('buffers');
    for (const [variables, expected] of [
      [{}, '32MB'],
      [{ PGLITE_SHARED_BUFFERS: '64MB' }, '64MB'],
    ] as const) {
      const database = await openDatabase(parseEnv({ ...variables, CIVSCOPE_DATA_DIR: dataDir }));
      try {
        const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(database.db);
        expect(rows[0]?.shared_buffers).toBe(expected);
      } finally {
        await database.close();
      }
    }
    expect(() => parseEnv({ PGLITE_SHARED_BUFFERS: '64' })).toThrow(/PGLITE_SHARED_BUFFERS/);
    expect(() => parseEnv({ PGLITE_SHARED_BUFFERS: '64MB; DROP' })).toThrow(/PGLITE_SHARED_BUFFERS/);
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
