import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** What the runtime-free app needs from its entry point (Node or Workers). */
export interface AppDeps {
  db: Kysely<Database>;
  /** The clock, injectable so membership "today" is testable. */
  now?: () => Date;
}
