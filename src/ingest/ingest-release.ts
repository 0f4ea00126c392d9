import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { diffValues, type ValueDiff } from '../domain/diff.ts';
import { refreshIndicatorCoverage } from '../repositories/coverage-writes.ts';
import { bumpDataVersion } from '../repositories/data-version.ts';
import { insertObservations, currentValuesOfSource } from '../repositories/observation-writes.ts';
import { findRelease, insertRelease, insertReleaseFile, upsertSourceAndIndicators } from '../repositories/releases.ts';
import { IngestError } from './errors.ts';
import { type ReleaseMeta, readReleaseMeta, releaseId } from './meta.ts';
import { READERS } from './readers/index.ts';
import { type SkipReason, validateRows } from './validate.ts';

export interface IngestOptions {
  /** Parse, validate and compare with the previous release, but write nothing. */
  dryRun?: boolean;
  /** Load the rows that resolve and list the country names that do not (default: they stop the release). */
  allowUnresolved?: boolean;
  /** Refuse a meta.yaml without the data file's sha256 (shipped and uploaded releases). */
  requireSha256?: boolean;
  /** Called as observations are written: (written so far, total). */
  onProgress?: (done: number, total: number) => void;
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
  diff: ValueDiff | null;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
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
  const relative = path.relative(process.cwd(), dataPath);
  const displayName = relative && !relative.startsWith('..') ? relative : dataPath;
  if (options.requireSha256 && !meta.sha256) {
    throw new IngestError(
      `${displayName}: meta.yaml has no sha256; shipped and uploaded releases must state the sha256 of their data file (sha256sum ${path.basename(dataPath)})`,
      { file: displayName, column: 'sha256' },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(dataPath);
  } catch {
    throw new IngestError(`${displayName}: cannot read the data file`, { file: displayName });
  }
  const digest = sha256(bytes);
  if (meta.sha256 && meta.sha256 !== digest) {
    throw new IngestError(
      `${displayName}: sha256 ${digest} does not match meta.yaml (${meta.sha256}); the file was changed`,
      {
        file: displayName,
      },
    );
  }
  const id = releaseId(meta);
  const existing = await findRelease(db, id);
  if (existing && existing.sha256 !== digest) {
    throw new IngestError(
      `${displayName}: release ${id} is already loaded from a different file (sha256 ${existing.sha256}); publish a changed file as a new release`,
      { file: displayName },
    );
  }
  const empty = {
    'other country': 0,
    aggregate: 0,
    'missing value': 0,
    'unresolved country': 0,
    'level not loaded': 0,
  };
  if (existing) {
    return {
      releaseId: id,
      file: displayName,
      status: 'unchanged',
      linesRead: 0,
      loaded: 0,
      skipped: empty,
      unresolved: [],
      diff: null,
    };
  }

  const { rows, linesRead, notLoaded } = await READERS[meta.format](dataPath, displayName, meta);
  const validated = validateRows(rows, meta, displayName, options.allowUnresolved);
  validated.skipped['level not loaded'] = notLoaded ?? 0;
  const before = await currentValuesOfSource(db, {
    sourceId: meta.source.id,
    indicatorCodes: meta.indicators.map((i) => i.code),
    publishedOn: meta.published_on,
  });
  const diff = diffValues(
    before.map((v) => ({ indicatorCode: v.indicator_code, iso3: v.iso3, year: v.year, value: v.value })),
    validated.observations,
  );
  const summary: IngestSummary = {
    releaseId: id,
    file: displayName,
    status: options.dryRun ? 'dry-run' : 'loaded',
    linesRead,
    loaded: options.dryRun ? 0 : validated.observations.length,
    skipped: validated.skipped,
    unresolved: validated.unresolved,
    diff,
  };
  if (options.dryRun) return summary;

  await db.transaction().execute(async (trx) => {
    await upsertSourceAndIndicators(trx, meta);
    await insertRelease(trx, {
      id,
      meta,
      fileName: path.basename(dataPath),
      sha256: digest,
      rowCount: validated.observations.length,
    });
    await insertReleaseFile(trx, id, bytes);
    const total = validated.observations.length;
    await insertObservations(
      trx,
      validated.observations.map((o) => ({
        indicator_code: o.indicatorCode,
        iso3: o.iso3,
        year: o.year,
        release_id: id,
        value: o.value,
        flag: o.flag,
        note: o.note,
        reference_url: o.referenceUrl,
        rank: o.rank ?? null,
        rank_label: o.rankLabel ?? null,
      })),
      (done) => options.onProgress?.(done, total),
    );
    await refreshIndicatorCoverage(
      trx,
      meta.indicators.map((i) => i.code),
    );
    await bumpDataVersion(trx);
  });
  return summary;
}
