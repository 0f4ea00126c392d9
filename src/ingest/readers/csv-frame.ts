import { readFile } from 'node:fs/promises';
import * as dfd from 'danfojs-node';
import { cellError, IngestError } from '../errors.ts';
import { locateParseError, recordStartLines } from './csv-errors.ts';

export interface CsvFrame {
  frame: dfd.DataFrame;
  columns: string[];
  /** Line number of the header. */
  headerLine: number;
  /** The 1-based file line each data row starts on (blank lines and multi-line fields counted). */
  lineOf: (row: number) => number;
  rowCount: number;
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
