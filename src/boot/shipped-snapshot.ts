import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { connectPglite } from '../db/pglite.ts';
import { prepareSchema } from './prepare.ts';
import type { Database } from '../db/schema.ts';

/**
 * A ready embedded database, built once at install time (npm's postinstall runs
 * scripts/build-snapshot.ts), so that a first start on an empty data directory copies finished
 * files instead of running initdb and ingesting every shipped release (about 6 s on this machine).
 *
 * The snapshot is keyed by everything that decides the database's content: the migrations, the
 * shipped datasets (data and meta.yaml, so their sha256 too), and the code that seeds and ingests
 * them. Any change gives a new key, the stale snapshot is ignored, and start-up takes the normal
 * path; the shipped-release check that follows still loads anything the snapshot lacks.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SNAPSHOT_DIR = path.join(PROJECT_ROOT, '.data', 'snapshot');
const KEY_FILE = 'CIVSCOPE_SNAPSHOT_KEY';

/** Folders whose files decide what a freshly loaded database holds. */
const CONTENT_ROOTS = ['migrations', 'datasets', 'src/db', 'src/domain', 'src/ingest', 'src/repositories', 'src/boot'];
/** And the script that builds the snapshot. */
const CONTENT_FILES = ['scripts/build-snapshot.ts'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** sha256 over the relative path and bytes of every content file, in a fixed order. */
export async function snapshotKey(root: string = PROJECT_ROOT): Promise<string> {
  const under = await Promise.all(CONTENT_ROOTS.map((dir) => filesUnder(path.join(root, dir))));
  const scripts = (
    await Promise.all(CONTENT_FILES.map((file) => filesUnder(path.dirname(path.join(root, file)))))
  ).flat();
  const files = [...under.flat(), ...scripts.filter((file) => CONTENT_FILES.some((name) => file.endsWith(name)))];
  const relative = files.map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
  const contents = await Promise.all(relative.map((file) => readFile(path.join(root, file))));
  const hash = createHash('sha256');
  relative.forEach((file, i) => {
    hash.update(`${file}\0`);
    hash.update(contents[i] as Buffer);
    hash.update('\0');
  });
  return hash.digest('hex');
}

/** Empty but for the lock the starting server has just taken in it. */
async function isEmptyDataDir(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => []);
  return entries.every((entry) => entry === LOCK_FILE);
}

/**
 * Copies a directory tree in a worker thread: a first start loads the app's modules on the main
 * thread meanwhile, and fs.cp's hundreds of small steps queued behind them (the copy took 350–450
 * ms of start-up on the main thread, about 100 ms beside it).
 */
function copyOffThread(from: string, to: string): Promise<void> {
  const code = `require('node:fs').cpSync(require('node:worker_threads').workerData.from, require('node:worker_threads').workerData.to, { recursive: true })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { from, to } });
    worker.once('error', reject);
    worker.once('exit', (exitCode) =>
      exitCode === 0 ? resolve() : reject(new Error(`snapshot copy exited with ${exitCode}`)),
    );
  });
}

export type RestoreOutcome = 'restored' | 'not-empty' | 'no-snapshot' | 'stale';

/** Copies the snapshot into an empty data directory when its key matches the current content. */
export async function restoreSnapshot(
  dataDir: string,
  options: { snapshotDir?: string; key?: string } = {},
): Promise<RestoreOutcome> {
  const snapshotDir = options.snapshotDir ?? SNAPSHOT_DIR;
  if (!(await isEmptyDataDir(dataDir))) return 'not-empty';
  const stored = await readFile(path.join(snapshotDir, KEY_FILE), 'utf8').catch(() => undefined);
  if (stored === undefined) return 'no-snapshot';
  if (stored.trim() !== (options.key ?? (await snapshotKey()))) return 'stale';
  await mkdir(dataDir, { recursive: true });
  // The key file comes along: it marks the copy as holding the shipped content of that key.
  await copyOffThread(snapshotDir, dataDir);
  return 'restored';
}

/**
 * Whether a data directory already holds the shipped content of this key (restored from the
 * snapshot, or loaded and marked before). Start-up then skips migrations, registry seeding and the
 * shipped-release check: nothing they would do can differ without changing the key.
 */
export async function holdsShippedContent(dataDir: string, key: string): Promise<boolean> {
  const stored = await readFile(path.join(dataDir, KEY_FILE), 'utf8').catch(() => undefined);
  return stored?.trim() === key;
}

/** Marks a data directory whose schema, registry and shipped releases were just brought up to date. */
export async function markShippedContent(dataDir: string, key: string): Promise<void> {
  await writeFile(path.join(dataDir, KEY_FILE), `${key}\n`);
}

/**
 * Builds a snapshot: `load` fills a fresh data directory and closes it; the key is written last
 * and the folder renamed into place, so a half-built snapshot is never taken for a finished one.
 */
export async function buildSnapshot(
  load: (dataDir: string) => Promise<void>,
  options: { snapshotDir?: string; key?: string } = {},
): Promise<string> {
  const snapshotDir = options.snapshotDir ?? SNAPSHOT_DIR;
  const key = options.key ?? (await snapshotKey());
  const building = `${snapshotDir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  try {
    await load(building);
    await writeFile(path.join(building, KEY_FILE), `${key}\n`);
    await rm(snapshotDir, { recursive: true, force: true });
    await rename(building, snapshotDir);
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return key;
}

/** Whether the installed snapshot matches the current content (the install script skips the build). */
export async function snapshotIsCurrent(snapshotDir: string = SNAPSHOT_DIR): Promise<boolean> {
  return holdsShippedContent(snapshotDir, await snapshotKey());
}

/**
 * A first start copies the snapshot file by file, so its cost is the file count and bytes: the two
 * template databases are two thirds of the files, and nothing in CivScope creates a database, so
 * they go. WAL segments are not kept for reuse (the database is opened with wal_recycle off and the
 * smallest min_wal_size); a checkpoint leaves the data files complete.
 */
async function slimForCopy(pglite: PGlite): Promise<void> {
  await pglite.exec(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`);
  await pglite.exec('DROP DATABASE template0');
  await pglite.exec('DROP DATABASE template1');
  // The second checkpoint removes the segments the first one left behind.
  await pglite.exec('CHECKPOINT');
  await pglite.exec('CHECKPOINT');
}

/**
 * Fills a snapshot's data directory: schema, registry, the releases `load` brings, then slimmed and
 * closed. Its WAL segments are 1 MB: with Postgres's 16 MB the two segments a checkpoint leaves
 * were 33 of the snapshot's 53 MB, all copied at every first start.
 */
export async function fillSnapshot(dataDir: string, load: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
  const { db, pglite, close } = await connectPglite(dataDir, {
    walSegmentMB: 1,
    settings: { wal_recycle: 'off', min_wal_size: '2MB' },
  });
  try {
    await prepareSchema(db);
    await load(db);
    await slimForCopy(pglite);
  } finally {
    await close();
  }
}
