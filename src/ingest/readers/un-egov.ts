import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';

/** UN column → CivScope indicator code. */
export const UN_EGOV_COLUMNS: Readonly<Record<string, string>> = {
  'E-Government Rank': 'EGDI_RANK',
  'E-Government Index': 'EGDI',
  'E-Participation Index': 'EPI',
  'Online Service Index': 'OSI',
  'Human Capital Index': 'HCI',
  'Telecommunication Infrastructure Index': 'TII',
};

/**
 * The UN E-Government Survey download (EGOV_DATA_<year>.csv): one line per country and edition,
 * one column per index, countries by name. Reshaped to one value per index.
 */
export const readUnEgov: Reader = async (path, displayName) => {
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, ['Survey Year', 'Country Name', ...Object.keys(UN_EGOV_COLUMNS)], displayName);
  const years = columnText(csv, 'Survey Year');
  const names = columnText(csv, 'Country Name');
  const rows: RawRow[] = [];
  for (const [column, indicatorCode] of Object.entries(UN_EGOV_COLUMNS)) {
    columnText(csv, column).forEach((cell, i) => {
      if (cell.trim() === '') return;
      rows.push({
        line: csv.lineOf(i),
        indicatorCode,
        country: { name: names[i] ?? '' },
        year: years[i] ?? '',
        value: cell,
        valueColumn: column,
      });
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, linesRead: csv.rowCount };
};
