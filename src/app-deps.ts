import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DataVersionSource } from './http/data-version.ts';
import type { ResponseStore } from './http/response-cache.ts';
import type { AssetProvider } from './web/assets.ts';

/** What the runtime-free app needs from its entry point (Node or Workers). */
export interface AppDeps {
  db: Kysely<Database>;
  /** The clock, injectable so membership "today" is testable. */
  now?: () => Date;
  /** Where ETags get the data version (default: the database, re-read at most once a second). */
  versions?: DataVersionSource;
  /** Where finished responses are cached (default: an in-process LRU of 64 MiB). */
  responseStore?: ResponseStore;
  /** Browser assets (API reference, chart libraries) from installed packages; absent on the edge. */
  assets?: AssetProvider;
  /** SVG → PNG; only Node has it (resvg is a native module), so PNG answers 501 elsewhere. */
  renderPng?: (svg: string, width: number) => Uint8Array;
}
