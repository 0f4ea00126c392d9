import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Problem } from '../errors.ts';
import { IngestError } from './errors.ts';
import { ingestRelease } from './ingest-release.ts';
import { parseReleaseMeta } from './meta.ts';
import { summaryLine } from './summary-line.ts';

export interface ReleaseUpload {
  metaText: string;
  metaName: string;
  data: Uint8Array;
  dataName: string;
}

export interface UploadSummary {
  release: string;
  status: 'loaded' | 'unchanged';
  lines_read: number;
  loaded: number;
  skipped: Record<string, number>;
  unresolved: { line: number; text: string }[];
  changes: { added: number; changed: number; removed: number; unchanged: number } | null;
  summary: string;
}

/**
 * The admin upload path on Node: the same ingestion as `npm run ingest`, fed from a multipart
 * form. An invalid release becomes 422 problem+json naming the file, line and column.
 */
export function uploadIngester(db: Kysely<Database>): (upload: ReleaseUpload) => Promise<UploadSummary> {
  return async (upload) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'civscope-upload-'));
    try {
      const meta = parseReleaseMeta(upload.metaText, upload.metaName);
      // The file is stored under the name meta.yaml gives it, whatever the browser sent.
      const dataPath = path.join(folder, path.basename(meta.file));
      await writeFile(dataPath, upload.data);
      const summary = await ingestRelease(db, meta, dataPath, { requireSha256: true });
      return {
        release: summary.releaseId,
        status: summary.status === 'unchanged' ? 'unchanged' : 'loaded',
        lines_read: summary.linesRead,
        loaded: summary.loaded,
        skipped: summary.skipped,
        unresolved: summary.unresolved,
        changes: summary.diff
          ? {
              added: summary.diff.counts.added,
              changed: summary.diff.counts.changed,
              removed: summary.diff.counts.removed,
              unchanged: summary.diff.unchanged,
            }
          : null,
        summary: summaryLine(summary).replace(dataPath, path.basename(meta.file)),
      };
    } catch (error) {
      if (error instanceof IngestError) {
        const message = error.message.replaceAll(folder + path.sep, '');
        const { file, line, column } = error.location;
        throw new Problem(422, 'invalid_upload', `${message} Nothing was written.`, {
          file: path.basename(file),
          ...(line !== undefined ? { line } : {}),
          ...(column !== undefined ? { column } : {}),
        });
      }
      throw error;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}
