import { open } from 'node:fs/promises';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';

/** "Data Source", blank, "Last Updated Date", blank: the lines before the header. */
const PREAMBLE_LINES = 4;

/**
 * Copies of the bulk file re-saved by a spreadsheet often lose the preamble and start with the
 * header itself: a file whose first line is the header has no preamble.
 */
async function preambleLines(path: string): Promise<number> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    const start = buffer
      .toString('utf8', 0, bytesRead)
      .replace(/^\uFEFF/, '')
      .replace(/^"/, '');
    return start.startsWith('Country Name') ? 0 : PREAMBLE_LINES;
  } finally {
    await file.close();
  }
}

const ID_COLUMNS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'] as const;

/**
 * The World Bank bulk download (API_<code>_DS2_en_csv_v2_<n>.csv): one line per country and
 * indicator, one column per year. Reshaped wide to long; an empty cell is a missing value, not
 * a zero, so it produces no row at all. The four preamble lines are skipped when present.
 */
export const readWorldBankBulk: Reader = async (path, displayName) => {
  const csv = await readCsvFrame(path, displayName, await preambleLines(path));
  requireColumns(csv, ID_COLUMNS, displayName);
  const yearColumns = csv.columns.filter((c) => /^\d{4}$/.test(c));
  const codes = columnText(csv, 'Country Code');
  const indicators = columnText(csv, 'Indicator Code');
  const rows: RawRow[] = [];
  for (const year of yearColumns) {
    const cells = columnText(csv, year);
    cells.forEach((cell, i) => {
      if (cell.trim() === '') return;
      rows.push({
        line: csv.lineOf(i),
        indicatorCode: indicators[i] ?? '',
        country: { code: codes[i] ?? '' },
        countryColumn: 'Country Code',
        year,
        value: cell,
        valueColumn: year,
      });
    });
  }
  rows.sort((a, b) => a.line - b.line || a.year.localeCompare(b.year));
  return { rows, linesRead: csv.rowCount };
};
