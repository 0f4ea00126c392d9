import { cellError, IngestError } from '../errors.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { openWorkbook, type SheetRow } from './xlsx-sheet.ts';

/** The identifying columns of a DataBank export's "Data" sheet, in order; every later column is a year. */
const ID_HEADERS = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'] as const;
const ID_COLUMNS = ['A', 'B', 'C', 'D'] as const;

/** The year of each value column, from the header row; anything but a 4-digit year stops the release. */
function yearColumns(header: SheetRow, displayName: string): Map<string, string> {
  ID_HEADERS.forEach((expected, i) => {
    const column = ID_COLUMNS[i] as string;
    const found = header.cells.get(column) ?? '';
    if (found.trim() !== expected) {
      throw cellError(displayName, header.row, column, `expected the header "${expected}", found "${found}"`);
    }
  });
  const years = new Map<string, string>();
  for (const [column, text] of header.cells) {
    if ((ID_COLUMNS as readonly string[]).includes(column)) continue;
    if (!/^\d{4}$/.test(text.trim()))
      throw cellError(displayName, header.row, column, `expected a year, found "${text}"`);
    years.set(column, text.trim());
  }
  return years;
}

/** The series codes the workbook documents in its own "Series" sheet (column A, under "Series Code"). */
function documentedSeries(rows: Iterable<SheetRow>, displayName: string): Set<string> {
  const codes = new Set<string>();
  for (const { row, cells } of rows) {
    const code = (cells.get('A') ?? '').trim();
    if (row === 1) {
      if (code !== 'Series Code')
        throw cellError(displayName, row, 'A', `the Series sheet starts "${code}", not "Series Code"`);
    } else if (code) codes.add(code);
  }
  return codes;
}

/**
 * The World Bank DataBank Excel export (for example "Worldwide Bureaucracy Indicators (WWBI)
 * Version 3.1.xlsx"): a "Data" sheet with one row per country and series and one column per year,
 * and a "Series" sheet listing the series. meta.yaml names the series the release loads (its
 * indicator codes are the series codes); the values of every other documented series are counted
 * as not loaded. A series the workbook does not document stops the release: it cannot be placed.
 * An empty cell is a missing value and produces no row; a number is kept as the file's text.
 */
export const readWorldBankDatabankXlsx: Reader = async (path, displayName, meta) => {
  if (!meta) throw new IngestError(`${displayName}: this format is read with its meta.yaml`, { file: displayName });
  const workbook = await openWorkbook(path, displayName);
  const documented = documentedSeries(workbook.rows('Series'), displayName);
  const declared = new Set(meta.indicators.map((i) => i.code));
  const undocumented = [...declared].filter((code) => !documented.has(code));
  if (undocumented.length > 0) {
    throw new IngestError(`${displayName}: meta.yaml declares ${undocumented.join(', ')}, not in the Series sheet`, {
      file: displayName,
    });
  }
  const rows: RawRow[] = [];
  let years = new Map<string, string>();
  let linesRead = 0;
  let notLoaded = 0;
  for (const sheetRow of workbook.rows('Data')) {
    if (sheetRow.row === 1) {
      years = yearColumns(sheetRow, displayName);
      continue;
    }
    if (years.size === 0)
      throw new IngestError(`${displayName}: the Data sheet has no header row`, { file: displayName, line: 1 });
    linesRead++;
    const { row, cells } = sheetRow;
    const series = (cells.get('D') ?? '').trim();
    if (!documented.has(series))
      throw cellError(displayName, row, 'Indicator Code', `series "${series}" is not in the Series sheet`);
    for (const [column, value] of cells) {
      if ((ID_COLUMNS as readonly string[]).includes(column) || value.trim() === '') continue;
      const year = years.get(column);
      if (year === undefined)
        throw cellError(displayName, row, column, 'a value in a column without a year in the header');
      if (!declared.has(series)) {
        notLoaded++;
        continue;
      }
      rows.push({
        line: row,
        indicatorCode: series,
        country: { code: cells.get('B') ?? '' },
        countryColumn: 'Country Code',
        year,
        value,
        valueColumn: year,
      });
    }
  }
  if (linesRead === 0)
    throw new IngestError(`${displayName}: the Data sheet has no rows`, { file: displayName, line: 2 });
  return { rows, linesRead, notLoaded };
};
