import { CompiledQuery } from 'kysely';

/**
 * Rows for `COPY ... FROM STDIN` in Postgres's text format, carried as the one parameter of a raw
 * query. Kysely has no COPY, and inside a transaction only the dialect knows the connection the
 * rows must travel on: the postgres.js dialect streams the chunks through one `copy ... from
 * stdin`, PGlite's wrapper (./pglite.ts) hands each chunk over as a Blob on `COPY ... FROM '/dev/blob'`.
 */
export class CopyRows {
  /** Whole lines, a chunk at a time; a chunk may be produced while the previous one is sent. */
  readonly chunks: AsyncIterable<string>;
  constructor(chunks: AsyncIterable<string>) {
    this.chunks = chunks;
  }
}

/** `copy <table> (<columns>) from stdin`, loading the chunks' lines (tab-separated, `\N` for null). */
export async function copyFrom(
  db: { executeQuery: (query: CompiledQuery) => Promise<unknown> },
  table: string,
  columns: readonly string[],
  chunks: AsyncIterable<string>,
): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [new CopyRows(chunks)]));
}

/** The payload of a query built by `copyFrom`, if it is one. */
export function copyRowsOf(parameters: readonly unknown[]): CopyRows | undefined {
  const first = parameters[0];
  return parameters.length === 1 && first instanceof CopyRows ? first : undefined;
}

/** One field in COPY's text format: backslash, tab and line breaks escaped; null as `\N`. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  // String() gives the shortest text that reads back as the same float64 (float8in is exact); -0 keeps its sign.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
