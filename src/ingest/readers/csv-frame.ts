import { readFile } from 'node:fs/promises';
import * as dfd from 'danfojs-node';
import { cellError, IngestError } from '../errors.ts';
import { csvRecords, locateParseError } from './csv-errors.ts';

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
 * later, in float64, so danfojs's float32 tensors never touch a served number. The file is parsed
 * once (papaparse, keeping each record's line) and the frame built from its columns; a file that
 * does not parse cleanly (a quote never closed, a row of the wrong width, no header or no data)
 * fails with the line and column that explain it.
 */
export async function readCsvFrame(path: string, displayName: string, preambleLines = 0): Promise<CsvFrame> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IngestError(`${displayName}: cannot read the file (${(error as Error).message})`, { file: displayName });
  }
  const { records, quoteError } = csvRecords(text, preambleLines);
  const [header, ...rows] = records;
  if (!header || rows.length === 0 || quoteError || rows.some((r) => r.fields.length !== header.fields.length)) {
    throw await locateParseError(path, displayName, preambleLines, new Error('the file could not be read as CSV'));
  }
  const columns = headerNames(header.fields);
  const frame = new dfd.DataFrame(Object.fromEntries(columns.map((c, i) => [c, rows.map((r) => r.fields[i] ?? '')])), {
    dtypes: columns.map(() => 'string'),
  });
  return {
    frame,
    columns,
    headerLine: header.line,
    lineOf: (row) => rows[row]?.line ?? header.line + 1 + row,
    rowCount: rows.length,
  };
}

/**
 * After a UTF-8 byte-order mark (R's write.csv with fileEncoding="UTF-8-BOM", as BIPA publishes)
 * the first header can arrive as `\uFEFF"cc_iso3c"`: it is named what it says.
 */
function headerNames(fields: string[]): string[] {
  return fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '').replace(/^"(.*)"$/, '$1') : name));
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
