import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { replaceSearchedGaps } from '../repositories/searched-gaps.ts';
import type { Database } from '../db/schema.ts';
import type { ReleaseDiff } from '../domain/diff.ts';
import { refreshIndicatorCoverage } from '../repositories/coverage-writes.ts';
import { bumpDataVersion } from '../repositories/data-version.ts';
import { copyIntoObservation, diffReleaseWithPrevious, isDuplicateKeyError } from '../repositories/observation-load.ts';
import {
  findRelease,
  insertRelease,
  insertReleaseFileChunks,
  type ReleaseFilePiece,
  setReleaseRowCount,
  upsertSourceAndIndicators,
} from '../repositories/releases.ts';
import { IngestError } from './errors.ts';
import { translationsFingerprint } from './translations-fingerprint.ts';
import { type ReleaseMeta, readReleaseMeta, releaseId } from './meta.ts';
import { openRowStream } from './readers/index.ts';
import { type StageProgress, stageRows } from './stage-rows.ts';
import type { RawRow } from './readers/raw-row.ts';
import { createRowValidator, emptySkipCounts, type SkipReason } from './validate.ts';

export interface IngestOptions {
  /** Parse, validate and compare with the previous release, but write nothing. */
  dryRun?: boolean;
  /** Load the rows that resolve and list the country names that do not (default: they stop the release). */
  allowUnresolved?: boolean;
  /** Refuse a meta.yaml without the data file's sha256 (shipped and uploaded releases). */
  requireSha256?: boolean;
  /** Called after each batch is staged: rows read so far, and bytes of the file read of its size. */
  onProgress?: (progress: StageProgress & { bytesTotal: number }) => void;
}

export interface IngestSummary {
  releaseId: string;
  file: string;
  status: 'loaded' | 'unchanged' | 'dry-run';
  linesRead: number;
  loaded: number;
  skipped: Record<SkipReason, number>;
  unresolved: { line: number; text: string }[];
  /** Compared with the current values of the same source before this release. */
  diff: ReleaseDiff | null;
}

const gzipAsync = promisify(gzip);

/** Changes of each kind a summary lists (the counts are always complete). */
const DIFF_LIST_LIMIT = 1000;

/** Thrown to roll back a dry run once its summary is known. */
const DRY_RUN = Symbol('dry run');

/** The file's chunks (8 MiB), hashed as they pass: `done()` is the sha256 of what was read. */
function hashedChunks(dataPath: string): { chunks: AsyncIterable<Uint8Array>; done: () => string } {
  const hash = createHash('sha256');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(dataPath, { highWaterMark: 8 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      yield chunk;
    }
  }
  return { chunks: chunks(), done: () => hash.digest('hex') };
}

/**
 * Each piece gzipped at level 1 (zlib, off the main thread) before it is stored: CSV shrinks to
 * about a quarter, which the database then sends, decodes and writes instead of the whole.
 */
async function* gzipped(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ReleaseFilePiece> {
  for await (const chunk of chunks) yield { content: await gzipAsync(chunk, { level: 1 }), gzip: true };
}

/** The sha256 of a file, read as a stream (a large release is never held whole). */
async function sha256OfFile(dataPath: string): Promise<string> {
  const hashed = hashedChunks(dataPath);
  for await (const _ of hashed.chunks);
  return hashed.done();
}

/** Ingests a release folder (`meta.yaml` + data file), as `npm run ingest` and start-up do. */
export async function ingestReleaseFolder(
  db: Kysely<Database>,
  folder: string,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const meta = await readReleaseMeta(path.join(folder, 'meta.yaml'));
  return ingestRelease(db, meta, path.join(folder, meta.file), options);
}

/** The data file's path as messages name it: relative to the working directory when inside it. */
function displayNameOf(dataPath: string): string {
  const relative = path.relative(process.cwd(), dataPath);
  return relative && !relative.startsWith('..') ? relative : dataPath;
}

/** The data file's sha256 and size, once it is known to be the file meta.yaml describes. */
async function checkDataFile(
  meta: ReleaseMeta,
  dataPath: string,
  displayName: string,
  requireSha256: boolean | undefined,
): Promise<{ digest: string; fileSize: number }> {
  if (requireSha256 && !meta.sha256) {
    throw new IngestError(
      `${displayName}: meta.yaml has no sha256; shipped and uploaded releases must state the sha256 of their data file (sha256sum ${path.basename(dataPath)})`,
      { file: displayName, column: 'sha256' },
    );
  }
  let digest: string;
  let fileSize: number;
  try {
    fileSize = (await stat(dataPath)).size;
    digest = await sha256OfFile(dataPath);
  } catch {
    throw new IngestError(`${displayName}: cannot read the data file`, { file: displayName });
  }
  if (meta.sha256 && meta.sha256 !== digest) {
    throw new IngestError(
      `${displayName}: sha256 ${digest} does not match meta.yaml (${meta.sha256}); the file was changed`,
      {
        file: displayName,
      },
    );
  }
  return { digest, fileSize };
}

/** The summary of a release already loaded from this very file; a different file is refused. */
function alreadyLoaded(existingSha256: string, job: ReleaseJob): IngestSummary {
  const { id, displayName } = job;
  if (existingSha256 !== job.digest) {
    throw new IngestError(
      `${displayName}: release ${id} is already loaded from a different file (sha256 ${existingSha256}); publish a changed file as a new release`,
      { file: displayName },
    );
  }
  return {
    releaseId: id,
    file: displayName,
    status: 'unchanged',
    linesRead: 0,
    loaded: 0,
    skipped: emptySkipCounts(),
    unresolved: [],
    diff: null,
  };
}

/** One release on its way in: what it is, where its file is, and the file's checked hash and size. */
interface ReleaseJob {
  id: string;
  meta: ReleaseMeta;
  dataPath: string;
  displayName: string;
  digest: string;
  fileSize: number;
  options: IngestOptions;
}

/**
 * Records the release, then reads, validates and copies every row into `observation`, then
 * compares them with the previous release. A key given twice stops the COPY at the table's unique
 * key; `nameDuplicate` then names its lines.
 */
async function loadAndCompare(
  trx: Transaction<Database>,
  job: ReleaseJob,
): Promise<{ summary: IngestSummary; loaded: number }> {
  const { id, meta, dataPath, displayName, digest, options } = job;
  await upsertSourceAndIndicators(trx, meta);
  await insertRelease(trx, {
    id,
    meta,
    fileName: path.basename(dataPath),
    sha256: digest,
    rowCount: 0,
    translationsSha256: translationsFingerprint(meta),
  });
  const validator = createRowValidator(meta, displayName, {
    allowUnresolved: options.allowUnresolved,
    checkDuplicates: false,
  });
  const stream = await openRowStream(meta.format, dataPath, displayName, meta);
  const { rowsRead, staged } = await stageRows(
    (rows) => copyIntoObservation(trx, id, rows),
    stream,
    validator,
    (progress) => options.onProgress?.({ ...progress, bytesTotal: job.fileSize }),
  );
  const diff = await diffReleaseWithPrevious(trx, {
    releaseId: id,
    sourceId: meta.source.id,
    indicatorCodes: meta.indicators.map((i) => i.code),
    publishedOn: meta.published_on,
    listLimit: DIFF_LIST_LIMIT,
  });
  const summary: IngestSummary = {
    releaseId: job.id,
    file: displayName,
    status: options.dryRun ? 'dry-run' : 'loaded',
    linesRead: stream.linesRead ?? rowsRead,
    loaded: options.dryRun ? 0 : staged,
    skipped: { ...validator.skipped, 'level not loaded': stream.notLoaded ?? 0 },
    unresolved: validator.unresolved,
    diff,
  };
  return { summary, loaded: staged };
}

/** Completes the release: its row count, its original file, coverage and the data version. */
async function storeRelease(trx: Transaction<Database>, job: ReleaseJob, rowCount: number): Promise<void> {
  const { id, meta, dataPath, displayName, digest } = job;
  await setReleaseRowCount(trx, id, rowCount);
  // The stored copy is read again; its hash must still be the one checked before reading.
  const stored = hashedChunks(dataPath);
  await insertReleaseFileChunks(trx, id, gzipped(stored.chunks));
  if (stored.done() !== digest)
    throw new IngestError(`${displayName}: the file changed while it was being loaded; nothing was written`, {
      file: displayName,
    });
  await refreshIndicatorCoverage(
    trx,
    meta.indicators.map((i) => i.code),
  );
  await replaceSearchedGaps(trx, id, meta.searched_without_result);
  await bumpDataVersion(trx);
}

/**
 * The table's unique key refused a key given twice; the file is read once more, with the check
 * that remembers every key, to name both lines (a million keys in memory only on this path).
 */
async function nameDuplicate(job: ReleaseJob): Promise<IngestError | undefined> {
  const validator = createRowValidator(job.meta, job.displayName, { allowUnresolved: job.options.allowUnresolved });
  const stream = await openRowStream(job.meta.format, job.dataPath, job.displayName, job.meta);
  try {
    for await (const batch of stream.batches as AsyncIterable<RawRow[]>) for (const row of batch) validator.accept(row);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  return undefined;
}

/**
 * Reads, validates and loads one release in a single transaction: all or nothing. Loading the
 * same file again (same sha256) changes nothing; a different file under a loaded release id is
 * refused, because a published release is never edited.
 */
export async function ingestRelease(
  db: Kysely<Database>,
  meta: ReleaseMeta,
  dataPath: string,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const displayName = displayNameOf(dataPath);
  const { digest, fileSize } = await checkDataFile(meta, dataPath, displayName, options.requireSha256);
  const id = releaseId(meta);
  const job: ReleaseJob = { id, meta, dataPath, displayName, digest, fileSize, options };
  const existing = await findRelease(db, id);
  if (existing) return alreadyLoaded(existing.sha256, job);

  // Everything from the first parsed row to the last value copied into `observation` runs in one
  // transaction: a bad row a million lines in, or a dry run, leaves nothing.
  let summary: IngestSummary | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const loaded = await loadAndCompare(trx, job);
      summary = loaded.summary;
      if (options.dryRun) throw DRY_RUN;
      await storeRelease(trx, job, loaded.loaded);
    });
  } catch (error) {
    if (error === DRY_RUN) {
      // rolled back: a dry run writes nothing
    } else if (isDuplicateKeyError(error)) throw (await nameDuplicate(job)) ?? error;
    else throw error;
  }
  if (!summary) throw new Error('ingest finished without a summary');
  if (!options.dryRun) await refreshPlannerStatistics(db);
  return summary;
}

/**
 * The embedded database has no autovacuum: without this, its planner never learns how many values
 * there are (it estimated 1 row where 347 came back) and a fresh install answered /v1/changes in
 * 2 s. On Postgres it only does earlier what autovacuum would do.
 */
async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE observation, release, indicator`.execute(db);
}
