import { createReadStream } from 'node:fs';
import { cutRecord } from './csv-records.ts';
import { locateParseError } from './csv-errors.ts';

export interface CsvRecord {
  /** The 1-based file line the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvStream {
  header: string[];
  headerLine: number;
  /** Data records in batches, parsed once from a file stream: memory holds one batch, not the file. */
  batches: AsyncGenerator<CsvRecord[]>;
  /** Bytes read from the file so far (a little ahead of the parse): for progress. */
  bytesRead: () => number;
}

/** A record that is only whitespace (and commas): skipped like papaparse's `skipEmptyLines: 'greedy'`. */
const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Parses a CSV file once, pulling 1 MiB chunks from a file stream: the file is read only as fast as
 * the batches are taken, so memory holds one batch whatever the file's size. (papaparse's streaming
 * mode was tried first: its pause does not hold back the file stream, and a 1 M-row file reached
 * 645 MiB before the first batch was loaded.) Lines are counted from the records themselves (one
 * break each, plus those inside quoted cells) so every error can name its line. A malformed file
 * (unterminated quote, a row with too few or too many fields, no data) is handed to
 * `locateParseError`, which re-reads it with papaparse to name the place exactly as the dataframe
 * readers do; that costs a second read only when the release fails.
 */
export async function streamCsv(path: string, displayName: string, batchSize = 5_000): Promise<CsvStream> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const fail = async (cause: Error): Promise<never> => {
    input.destroy();
    throw await locateParseError(path, displayName, 0, cause);
  };

  async function* records(): AsyncGenerator<CsvRecord[]> {
    let buffer = '';
    let line = 1;
    let first = true;
    let batch: CsvRecord[] = [];
    const take = (atEnd: boolean) => {
      let pos = 0;
      let nextQuote = buffer.indexOf('"');
      for (;;) {
        if (pos >= buffer.length) break;
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = buffer.indexOf('"', pos);
        const record = cutRecord(buffer, pos, nextQuote, atEnd);
        if (!record) break;
        if (!isBlank(record.cells)) batch.push({ line, cells: record.cells });
        line += record.lineBreaks;
        pos = record.next;
      }
      buffer = buffer.slice(pos);
    };
    for await (const chunk of input as AsyncIterable<string>) {
      buffer += first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      take(false);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    take(true);
    if (batch.length > 0) yield batch;
  }

  const source = records();
  let pending: CsvRecord[] = [];
  let header: CsvRecord | undefined;
  try {
    // The header and the first data records (or the failure, or the end of an empty file).
    while (!header || pending.length === 0) {
      const next = await source.next();
      if (next.done) break;
      pending = next.value;
      if (!header) header = pending.shift();
    }
  } catch (error) {
    return fail(error as Error);
  }
  if (!header || pending.length === 0) return fail(new Error('no data'));
  const width = header.cells.length;

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    try {
      let current: CsvRecord[] | undefined = pending;
      while (current) {
        const short = current.find((r) => r.cells.length !== width);
        if (short) await fail(new Error(`expected ${width} fields but parsed ${short.cells.length}`));
        yield current;
        let next: IteratorResult<CsvRecord[]>;
        try {
          next = await source.next();
        } catch (error) {
          return await fail(error as Error);
        }
        current = next.done ? undefined : next.value;
      }
    } finally {
      input.destroy();
    }
  }
  return {
    header: header.cells,
    headerLine: header.line,
    batches: batches(),
    bytesRead: () => input.bytesRead,
  };
}
