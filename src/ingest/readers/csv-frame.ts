import { readFile } from 'node:fs/promises';
import * as dfd from 'danfojs-node';
import Papa from 'papaparse';
import { cellError, IngestError } from '../errors.ts';

export interface CsvFrame {
  frame: dfd.DataFrame;
  columns: string[];
  /** Line number of the header. */
  headerLine: number;
  /** The 1-based file line each data row starts on (blank lines and multi-line fields counted). */
  lineOf: (row: number) => number;
  rowCount: number;
}

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * The file line each record starts on, from papaparse's cursor: danfojs keeps no positions, and
 * counting rows would drift past a skipped blank line or a quoted field spanning lines.
 */
function recordStartLines(text: string, preambleLines: number): number[] {
  const body = afterPreamble(text, preambleLines);
  const starts: number[] = [];
  let line = preambleLines + 1;
  let last = 0;
  Papa.parse(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const chunk = body.slice(last, result.meta.cursor);
      const leading = /^[\r\n]*/.exec(chunk)?.[0] ?? '';
      starts.push(line + countNewlines(leading));
      line += countNewlines(chunk);
      last = result.meta.cursor;
    },
  });
  return starts;
}

/**
 * Reads a CSV file into a danfojs DataFrame with every cell kept as text: values are parsed
 * later, in float64, so danfojs's float32 tensors never touch a served number.
 */
export async function readCsvFrame(path: string, displayName: string, preambleLines = 0): Promise<CsvFrame> {
  let frame: dfd.DataFrame;
  try {
    frame = await dfd.readCSV(path, {
      header: true,
      dynamicTyping: false,
      skipEmptyLines: 'greedy',
      skipFirstNLines: preambleLines,
    } as Parameters<typeof dfd.readCSV>[1]);
  } catch (error) {
    throw await locateParseError(path, displayName, preambleLines, error as Error);
  }
  const text = await readFile(path, 'utf8');
  unquoteFirstHeader(frame, text);
  const starts = recordStartLines(text, preambleLines);
  const headerLine = starts[0] ?? preambleLines + 1;
  return {
    frame,
    columns: frame.columns.map(String),
    headerLine,
    // starts[0] is the header; data row i is record i + 1.
    lineOf: (row) => starts[row + 1] ?? headerLine + 1 + row,
    rowCount: frame.shape[0] ?? 0,
  };
}

/**
 * After a UTF-8 byte-order mark (R's write.csv with fileEncoding="UTF-8-BOM", as BIPA publishes)
 * the parser drops the mark but keeps the quotes of the first header: `"cc_iso3c"`. The header is
 * renamed to what it says.
 */
function unquoteFirstHeader(frame: dfd.DataFrame, text: string): void {
  const first = frame.columns[0];
  if (!text.startsWith('\uFEFF') || typeof first !== 'string') return;
  const clean = first.replace(/^\uFEFF/, '').replace(/^"(.*)"$/, '$1');
  if (clean !== first) frame.rename({ [first]: clean }, { inplace: true });
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

/** The text of one column, as an array; missing cells become ''. */
export function columnText(csv: CsvFrame, column: string): string[] {
  return (csv.frame.column(column).values as unknown[]).map((cell) =>
    cell === null || cell === undefined ? '' : String(cell),
  );
}

export function requireColumns(csv: CsvFrame, required: readonly string[], displayName: string): void {
  const missing = required.filter((name) => !csv.columns.includes(name));
  if (missing.length > 0) {
    throw new IngestError(
      `${displayName}, line ${csv.headerLine}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${csv.columns.join(', ')})`,
      { file: displayName, line: csv.headerLine, column: missing[0] },
    );
  }
}

/** A country cell that must be an ISO 3166 alpha-3 code (files written by code, never by hand). */
export function iso3Cell(cell: string, displayName: string, line: number, column = 'cc_iso3c'): string {
  const iso3 = cell.trim();
  if (!/^[A-Z]{3}$/.test(iso3)) throw cellError(displayName, line, column, `not an ISO 3166 alpha-3 code ("${iso3}")`);
  return iso3;
}
