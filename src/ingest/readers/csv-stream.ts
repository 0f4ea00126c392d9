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
 * Cuts every complete record off the front of `buffer` into `batch` (blank ones dropped), counting
 * lines as it goes; returns the unfinished tail and the line the next record starts on.
 */
function cutRecords(buffer: string, line: number, atEnd: boolean, batch: CsvRecord[]): { rest: string; line: number } {
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
  return { rest: buffer.slice(pos), line };
}

/** Every record of the text stream (header included), in batches of at least `batchSize` but the last. */
async function* recordBatches(input: AsyncIterable<string>, batchSize: number): AsyncGenerator<CsvRecord[]> {
  let buffer = '';
  let line = 1;
  let first = true;
  let batch: CsvRecord[] = [];
  for await (const chunk of input) {
    buffer += first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
    ({ rest: buffer, line } = cutRecords(buffer, line, false, batch));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  cutRecords(buffer, line, true, batch);
  if (batch.length > 0) yield batch;
}

/** The header record and the data records that came with it; both absent for an empty file. */
async function readHeader(
  source: AsyncGenerator<CsvRecord[]>,
): Promise<{ header: CsvRecord | undefined; pending: CsvRecord[] }> {
  let pending: CsvRecord[] = [];
  let header: CsvRecord | undefined;
  // Read on until there is a header and at least one data record (or the file ends).
  while (!header || pending.length === 0) {
    const next = await source.next();
    if (next.done) break;
    pending = next.value;
    if (!header) header = pending.shift();
  }
  return { header, pending };
}

/** The data batches, each checked to have the header's width; the file is closed when they end. */
async function* checkedBatches(
  source: AsyncGenerator<CsvRecord[]>,
  pending: CsvRecord[],
  width: number,
  fail: (cause: Error) => Promise<never>,
  input: { destroy: () => void },
): AsyncGenerator<CsvRecord[]> {
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
  const source = recordBatches(input as AsyncIterable<string>, batchSize);
  let start: Awaited<ReturnType<typeof readHeader>>;
  try {
    start = await readHeader(source);
  } catch (error) {
    return fail(error as Error);
  }
  const { header, pending } = start;
  if (!header || pending.length === 0) return fail(new Error('no data'));
  return {
    header: header.cells,
    headerLine: header.line,
    batches: checkedBatches(source, pending, header.cells.length, fail, input),
    bytesRead: () => input.bytesRead,
  };
}
