import { IngestError } from '../errors.ts';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

/** The keys of a row of the WGI aggregates since the 2025 revision: economy, year, dimension. */
const ID_COLUMNS = ['economy_code', 'year', 'dimension'] as const;

/**
 * The Worldwide Governance Indicators as published since the 2025 revision, one line per economy,
 * year and dimension (va, pv, ge, rq, rl, cc), with the aggregate's columns: number of sources,
 * estimate with its standard error and 90 % bounds, and the absolute governance score (0-100)
 * with its standard error and bounds (the workbook's first 16 columns, named in snake case).
 * meta.yaml declares each series as `<dimension>|<column>` (e.g. `ge|score`). An economy with no
 * estimate for a dimension has no line; an empty cell is a missing value and produces no row.
 */
export const readWgiLong: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, ID_COLUMNS, displayName);
  const wanted = [...codes.keys()].map((key) => {
    const [dimension = '', column = ''] = key.split('|');
    if (!csv.columns.includes(column))
      throw new IngestError(
        `${displayName}, line ${csv.headerLine}: the column "${column}" of ${key} declared in meta.yaml is not in the file`,
        { file: displayName, line: csv.headerLine, column },
      );
    return { key, dimension, column, cells: columnText(csv, column) };
  });
  const economies = columnText(csv, 'economy_code');
  const years = columnText(csv, 'year');
  const dimensions = columnText(csv, 'dimension');
  const rows: RawRow[] = [];
  let notLoaded = 0;
  for (let i = 0; i < csv.rowCount; i++) {
    const series = wanted.filter((w) => w.dimension === dimensions[i]);
    if (series.length === 0) notLoaded++;
    for (const s of series) {
      const cell = s.cells[i] ?? '';
      if (cell.trim() === '') continue;
      rows.push({
        line: csv.lineOf(i),
        indicatorCode: codes.get(s.key) ?? s.key,
        country: { code: economies[i] ?? '' },
        countryColumn: 'economy_code',
        year: years[i] ?? '',
        value: cell,
        valueColumn: s.column,
      });
    }
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
