import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { cellError, IngestError } from '../errors.ts';

// Kept apart from csv-frame.ts (danfojs) so the streaming reader can name errors without loading
// TensorFlow.js.

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

export interface CsvRecordAt {
  fields: string[];
  /** The 1-based file line the record starts on. */
  line: number;
}

/**
 * Every record of the text after the preamble, with the file line it starts on (from papaparse's
 * cursor: counting rows would drift past a skipped blank line or a quoted field spanning lines),
 * and whether papaparse met a quote it could not close.
 */
export function csvRecords(text: string, preambleLines: number): { records: CsvRecordAt[]; quoteError: boolean } {
  const body = afterPreamble(text, preambleLines);
  const records: CsvRecordAt[] = [];
  let quoteError = false;
  let line = preambleLines + 1;
  let last = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const chunk = body.slice(last, result.meta.cursor);
      const leading = /^[\r\n]*/.exec(chunk)?.[0] ?? '';
      records.push({ fields: result.data, line: line + countNewlines(leading) });
      line += countNewlines(chunk);
      last = result.meta.cursor;
      if (result.errors.some((e) => e.type === 'Quotes')) quoteError = true;
    },
  });
  return { records, quoteError };
}

/** The file line each record starts on (the header is record 0). */
function recordStartLines(text: string, preambleLines: number): number[] {
  return csvRecords(text, preambleLines).records.map((r) => r.line);
}

/** The text after the first `preambleLines` lines. */
function afterPreamble(text: string, preambleLines: number): string {
  let offset = 0;
  for (let k = 0; k < preambleLines; k++) {
    const newline = text.indexOf('\n', offset);
    offset = newline === -1 ? text.length : newline + 1;
  }
  return text.slice(offset);
}

/** "expected 7 fields but parsed 5": the column where the row runs short (or long). */
function fieldMismatchColumn(message: string, header: readonly string[]): string | undefined {
  const counts = /expected (\d+) fields but parsed (\d+)/.exec(message);
  if (!counts) return undefined;
  const [expected, parsed] = [Number(counts[1]), Number(counts[2])];
  return parsed < expected ? header[parsed] : `${expected + 1}`;
}

/**
 * danfojs (and the streaming reader, which only notices that a row is malformed) report CSV syntax
 * errors without a position; papaparse tells us the row, and for an
 * unterminated quote the offset of the quote (its row would be the line after the real one).
 */
export async function locateParseError(
  path: string,
  displayName: string,
  preambleLines: number,
  cause: Error,
): Promise<IngestError> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new IngestError(`${displayName}: cannot read the file (${cause.message})`, { file: displayName });
  }
  const body = afterPreamble(text, preambleLines);
  const headerLine = preambleLines + 1;
  if (body.trim() === '')
    return new IngestError(`${displayName}, line ${headerLine}: the file is empty (no header line, no data)`, {
      file: displayName,
      line: headerLine,
    });
  const result = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: 'greedy' });
  const header = result.meta.fields ?? [];
  const quote = result.errors.find((e) => e.code === 'MissingQuotes');
  if (quote && quote.index !== undefined) {
    const line = preambleLines + 1 + countNewlines(body.slice(0, quote.index));
    return new IngestError(`${displayName}, line ${line}: ${quote.message} (the quote opened here is never closed)`, {
      file: displayName,
      line,
    });
  }
  const first = result.errors[0];
  if (first && first.row !== undefined) {
    const line = recordStartLines(text, preambleLines)[first.row + 1] ?? preambleLines + 2 + first.row;
    const column = fieldMismatchColumn(first.message, header);
    return column === undefined
      ? new IngestError(`${displayName}, line ${line}: ${first.message}`, { file: displayName, line })
      : cellError(displayName, line, column, first.message);
  }
  if (result.data.length === 0)
    return new IngestError(
      `${displayName}, line ${headerLine + 1}: no data rows after the header (line ${headerLine})`,
      { file: displayName, line: headerLine + 1 },
    );
  return new IngestError(`${displayName}: ${cause.message}`, { file: displayName });
}
