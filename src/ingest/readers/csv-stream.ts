import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { locateParseError } from './csv-frame.ts';

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

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** A record that is only whitespace (and commas): skipped like papaparse's `skipEmptyLines: 'greedy'`. */
const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Parses a CSV file once, streaming, with papaparse over a file stream. Lines are counted from the
 * records themselves (one terminator each, plus the newlines inside quoted cells) so every error
 * can name its line without a second pass. A malformed file (unterminated quote, a row with too
 * few or too many fields, no data) is handed to `locateParseError`, which re-reads it to name the
 * place exactly as the dataframe readers do; that costs a second read only when the release fails.
 */
export async function streamCsv(path: string, displayName: string, batchSize = 20_000): Promise<CsvStream> {
  const queue: CsvRecord[][] = [];
  let batch: CsvRecord[] = [];
  let header: string[] | null = null;
  let headerLine = 1;
  let line = 1;
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  let paused = false;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const input = createReadStream(path, { encoding: 'utf8' });
  input.on('error', (error) => {
    failure = error;
    notify();
  });
  Papa.parse<string[]>(input as unknown as File, {
    header: false,
    skipEmptyLines: false,
    step: (result, p) => {
      parser = p;
      const cells = result.data;
      const start = line;
      for (const cell of cells) line += countNewlines(cell);
      line++;
      if (failure) return;
      if (result.errors.length > 0) {
        failure = new Error(result.errors[0]?.message ?? 'malformed CSV');
        p.abort();
        notify();
        return;
      }
      if (isBlank(cells)) return;
      if (!header) {
        // After a UTF-8 byte-order mark the first header keeps its quotes ("cc_iso3c").
        header = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '').replace(/^"(.*)"$/, '$1') : cell));
        headerLine = start;
        return;
      }
      if (cells.length !== header.length) {
        failure = new Error(`expected ${header.length} fields but parsed ${cells.length}`);
        p.abort();
        notify();
        return;
      }
      batch.push({ line: start, cells });
      if (batch.length >= batchSize) {
        queue.push(batch);
        batch = [];
        // Back-pressure: stop reading the file until the consumer has taken the batch.
        paused = true;
        p.pause();
        notify();
      }
    },
    complete: () => {
      if (batch.length > 0) queue.push(batch);
      batch = [];
      done = true;
      notify();
    },
    error: (error: Error) => {
      failure = error;
      notify();
    },
  });

  const next = async (): Promise<void> => {
    while (queue.length === 0 && !done && !failure) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (paused) {
          paused = false;
          (parser as Papa.Parser | null)?.resume();
        }
      });
    }
  };
  const fail = async (cause: Error): Promise<never> => {
    input.destroy();
    throw await locateParseError(path, displayName, 0, cause);
  };

  // The header (or the failure, or the end of an empty file) arrives with the first records.
  await next();
  if (failure) return fail(failure);
  if (!header || (queue.length === 0 && done)) return fail(new Error('no data'));
  const knownHeader: string[] = header;

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    try {
      for (;;) {
        await next();
        if (failure) await fail(failure);
        const ready = queue.shift();
        if (ready) yield ready;
        else if (done) return;
      }
    } finally {
      if (!done) (parser as Papa.Parser | null)?.abort();
      input.destroy();
    }
  }
  return { header: knownHeader, headerLine, batches: batches(), bytesRead: () => input.bytesRead };
}
