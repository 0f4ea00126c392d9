import { readFile } from 'node:fs/promises';
import * as dfd from 'danfojs-node';
import Papa from 'papaparse';
import { IngestError } from '../errors.ts';

export interface CsvFrame {
  frame: dfd.DataFrame;
  columns: string[];
  /** Line number of the first data row (after preamble and header). */
  firstDataLine: number;
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
  return {
    frame,
    columns: frame.columns.map(String),
    firstDataLine: preambleLines + 2,
    rowCount: frame.shape[0] ?? 0,
  };
}

/** danfojs reports CSV syntax errors without a position; papaparse tells us the row. */
async function locateParseError(path: string, displayName: string, preambleLines: number, cause: Error): Promise<IngestError> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new IngestError(`${displayName}: cannot read the file (${cause.message})`, { file: displayName });
  }
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    skipFirstNLines: preambleLines,
  } as Papa.ParseConfig<Record<string, string>>);
  const first = result.errors[0];
  if (first && first.row !== undefined) {
    const line = preambleLines + 2 + first.row;
    return new IngestError(`${displayName}, line ${line}: ${first.message}`, { file: displayName, line });
  }
  return new IngestError(`${displayName}: ${cause.message}`, { file: displayName });
}

/** The text of one column, as an array; missing cells become ''. */
export function columnText(csv: CsvFrame, column: string): string[] {
  return (csv.frame.column(column).values as unknown[]).map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
}

export function requireColumns(csv: CsvFrame, required: readonly string[], displayName: string): void {
  const missing = required.filter((name) => !csv.columns.includes(name));
  if (missing.length > 0) {
    throw new IngestError(
      `${displayName}, line ${csv.firstDataLine - 1}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${csv.columns.join(', ')})`,
      { file: displayName, line: csv.firstDataLine - 1, column: missing[0] },
    );
  }
}
