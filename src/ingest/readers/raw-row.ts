import type { ReleaseMeta } from '../meta.ts';

/**
 * One value as a reader found it, still as text: readers reshape, validation parses.
 * `line` is the 1-based line of the file the value comes from.
 */
export interface RawRow {
  line: number;
  indicatorCode: string;
  /** How the country is written: an ISO3-style code or a name to resolve through the aliases. */
  country: { code: string } | { name: string };
  /** The column the country was read from, for error messages. */
  countryColumn?: string;
  year: string;
  value: string;
  /** The column the value was read from, for error messages. */
  valueColumn: string;
  unit?: string;
  note?: string;
  /** The Vietnamese of `note`, from a reader that composes the note itself (ILOSTAT's status words). */
  noteVi?: string;
  referenceUrl?: string;
  /** The rank the source published beside the value, and its label ("=62" when tied). */
  rank?: string;
  rankLabel?: string;
  /** How many the source ranked on that element (the N of "=62 of 120"), counted from its file. */
  rankOf?: string;
}

export interface ReaderResult {
  rows: RawRow[];
  /** Data lines read from the file (before reshaping). */
  linesRead: number;
  /** Rows of a level the release does not load (e.g. BIPA's metrics), counted, never silently dropped. */
  notLoaded?: number;
}

/** Readers of files that do not name our indicators get the release's meta.yaml to map them. */
export type Reader = (path: string, displayName: string, meta?: ReleaseMeta) => Promise<ReaderResult>;

/** Rows in batches as a streaming reader parses them, so a large file is never held whole. */
export interface RowStream {
  batches: AsyncIterable<RawRow[]>;
  /** Bytes of the file read so far, for progress. */
  bytesRead: () => number;
  /** Counted by readers that reshape; a streaming reader's count comes from its batches. */
  notLoaded?: number;
  /** Data lines of a file read whole (its rows may be more or fewer, after reshaping). */
  linesRead?: number;
}
