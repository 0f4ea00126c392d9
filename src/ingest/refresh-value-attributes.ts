import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { fillValueAttributes, type StagedObservation } from '../repositories/observation-load.ts';
import { findRelease, setTranslationFingerprint } from '../repositories/releases.ts';
import { translationsFingerprint } from './translations-fingerprint.ts';
import type { RawRow } from './readers/raw-row.ts';
import { openRowStream } from './readers/index.ts';
import type { ShippedRelease } from './shipped.ts';
import { createRowValidator } from './validate.ts';

/**
 * A database loaded before a reader learnt to give its values more (the Vietnamese of each note,
 * the count behind a published rank: "=62 of 120"), or before a translation was corrected, gets it
 * at start-up: each such release's shipped file, if its bytes are still the ones loaded, is read
 * again and the attributes are written by key. Values and load times stay as they are, so a partner syncing with
 * `since_loaded` sees no change. Returns the ids of the releases refreshed.
 */
export async function refreshValueAttributes(
  db: Kysely<Database>,
  shipped: readonly ShippedRelease[],
  work: { missing: string[]; retranslate: string[] },
): Promise<string[]> {
  const refreshed: string[] = [];
  for (const id of new Set([...work.missing, ...work.retranslate])) {
    const release = shipped.find((s) => s.id === id);
    if (!release) continue;
    const bytes = await readFile(release.dataPath);
    if (createHash('sha256').update(bytes).digest('hex') !== (await findRelease(db, id))?.sha256) continue;
    await fillValueAttributes(db, id, await parsedRows(release), work.retranslate.includes(id));
    await setTranslationFingerprint(db, id, translationsFingerprint(release.meta));
    refreshed.push(id);
  }
  return refreshed;
}

/** Every row of a shipped release as ingestion would stage it. */
async function parsedRows(release: ShippedRelease): Promise<StagedObservation[]> {
  const validator = createRowValidator(release.meta, release.dataPath, { checkDuplicates: false });
  const stream = await openRowStream(release.meta.format, release.dataPath, release.dataPath, release.meta);
  const rows: StagedObservation[] = [];
  for await (const batch of stream.batches as AsyncIterable<RawRow[]>)
    for (const row of batch) {
      const parsed = validator.accept(row);
      if (parsed) rows.push(parsed);
    }
  return rows;
}
