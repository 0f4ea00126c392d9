import { createHash } from 'node:crypto';
import type { ReleaseMeta } from './meta.ts';

/**
 * Bumped when a reader's own Vietnamese changes (ILOSTAT's status words in ilostat-bulk.ts), so
 * the releases it read get their notes written again.
 */
const READER_WORDS_VERSION = 1;

/**
 * The sha256 of everything a release's values take their Vietnamese notes from: meta.yaml's
 * value_notes_vi and flags' note_vi, and the readers' own words. Stored with the release; a
 * different one at start-up means a translation was added or corrected since it was loaded.
 */
export function translationsFingerprint(meta: Pick<ReleaseMeta, 'value_notes_vi' | 'flags' | 'format'>): string {
  const words = {
    reader: `${meta.format}@${READER_WORDS_VERSION}`,
    values: meta.value_notes_vi,
    flags: meta.flags.map((f) => f.note_vi),
  };
  return createHash('sha256').update(JSON.stringify(words)).digest('hex');
}
