import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ReleaseDiff } from '../domain/diff.ts';
import { refreshIndicatorCoverage } from '../repositories/coverage-writes.ts';
import { bumpDataVersion } from '../repositories/data-version.ts';
import {
  createStaging,
  diffStagingWithPrevious,
  firstDuplicateInStaging,
  moveStagingIntoObservation,
} from '../repositories/observation-staging.ts';
import {
  findRelease,
  insertRelease,
  insertReleaseFileChunks,
  upsertSourceAndIndicators,
} from '../repositories/releases.ts';
import { IngestError } from './errors.ts';
import { type ReleaseMeta, readReleaseMeta, releaseId } from './meta.ts';
import { openRowStream } from './readers/index.ts';
import { type StageProgress, stageRows } from './stage-rows.ts';
import { createRowValidator, duplicateKey, emptySkipCounts, type SkipReason } from './validate.ts';

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

/** Reads, validates and stages every row, then compares them with the previous release. */
async function stageAndCompare(
  trx: Transaction<Database>,
  job: ReleaseJob,
): Promise<{ summary: IngestSummary; staged: number }> {
  const { meta, displayName, options } = job;
  await upsertSourceAndIndicators(trx, meta);
  await createStaging(trx);
  const validator = createRowValidator(meta, displayName, {
    allowUnresolved: options.allowUnresolved,
    checkDuplicates: false,
  });
  const stream = await openRowStream(meta.format, job.dataPath, displayName, meta);
  const { rowsRead, staged } = await stageRows(trx, stream, validator, (progress) =>
    options.onProgress?.({ ...progress, bytesTotal: job.fileSize }),
  );
  const duplicate = await firstDuplicateInStaging(trx);
  if (duplicate) throw duplicateKey(displayName, duplicate, duplicate.line, duplicate.firstLine);
  const diff = await diffStagingWithPrevious(trx, {
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
  return { summary, staged };
}

/** Records the release and its file, and moves the staged rows into `observation`. */
async function storeRelease(trx: Transaction<Database>, job: ReleaseJob, rowCount: number): Promise<void> {
  const { id, meta, dataPath, displayName, digest } = job;
  await insertRelease(trx, { id, meta, fileName: path.basename(dataPath), sha256: digest, rowCount });
  // The stored copy is read again; its hash must still be the one checked before reading.
  const stored = hashedChunks(dataPath);
  await insertReleaseFileChunks(trx, id, stored.chunks);
  if (stored.done() !== digest)
    throw new IngestError(`${displayName}: the file changed while it was being loaded; nothing was written`, {
      file: displayName,
    });
  await moveStagingIntoObservation(trx, id);
  await refreshIndicatorCoverage(
    trx,
    meta.indicators.map((i) => i.code),
  );
  await bumpDataVersion(trx);
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

  // Everything from the first parsed row to the move into `observation` runs in one transaction
  // (the staging table lives in it): a bad row a million lines in, or a dry run, leaves nothing.
  let summary: IngestSummary | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const staged = await stageAndCompare(trx, job);
      summary = staged.summary;
      if (options.dryRun) throw DRY_RUN;
      await storeRelease(trx, job, staged.staged);
    });
  } catch (error) {
    if (error !== DRY_RUN) throw error;
  }
  if (!summary) throw new Error('ingest finished without a summary');
  return summary;
}
