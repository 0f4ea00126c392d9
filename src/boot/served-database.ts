import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadShippedReleases, prepareSchema } from './prepare.ts';
import type { Database } from '../db/schema.ts';
import { summaryLine } from '../ingest/summary-line.ts';
import {
  holdsShippedContent,
  markShippedContent,
  type RestoreOutcome,
  restoreSnapshot,
  snapshotKey,
} from './shipped-snapshot.ts';

const SNAPSHOT_MESSAGES: Partial<Record<RestoreOutcome, string>> = {
  restored: 'database: first start, copied the ready snapshot built at install time',
  stale:
    'database: the install-time snapshot is stale (data or code changed since); loading the shipped releases instead (`npm run build:snapshot` refreshes it)',
  'no-snapshot':
    'database: no install-time snapshot; loading the shipped releases (`npm run build:snapshot` builds one)',
};

/** Before the embedded database opens: an empty data directory gets the install-time snapshot. */
export async function seedEmbeddedDataDir(dataDir: string, log: (line: string) => void): Promise<void> {
  const message = SNAPSHOT_MESSAGES[await restoreSnapshot(path.resolve(dataDir))];
  if (message) log(message);
}

/**
 * Brings an open database up to date: migrations, registry and every shipped release. An embedded
 * data directory marked with the current content key skips all of it (a warm start is then one
 * file read and a hash); after a full pass the directory is marked.
 */
export async function prepareServedDatabase(
  db: Kysely<Database>,
  options: { dataDir?: string; loadShipped: boolean; log: (line: string) => void },
): Promise<void> {
  const key = options.dataDir && options.loadShipped ? await snapshotKey() : undefined;
  if (options.dataDir && key && (await holdsShippedContent(options.dataDir, key))) return;
  const applied = await prepareSchema(db);
  if (applied.length > 0) options.log(`migrations applied: ${applied.join(', ')}`);
  if (!options.loadShipped) return;
  await loadShippedReleases(db, (summary) => options.log(`ingest ${summaryLine(summary)}`));
  if (options.dataDir && key) await markShippedContent(options.dataDir, key);
}
