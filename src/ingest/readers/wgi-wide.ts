import { IngestError } from '../errors.ts';
import { columnText, iso3Cell, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

/**
 * WGI estimates one line per economy and year, one column per dimension (`iso3,year,va,pv,ge,rq,rl,cc`),
 * as extracts of the WGI .dta are commonly written. meta.yaml declares each dimension column as
 * a `source_key`; every column that is neither a key nor declared stops the release, so a new
 * column is never silently dropped. An empty cell is a missing value and produces no row.
 */
export const readWgiWide: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, ['iso3', 'year'], displayName);
  const columns = csv.columns.filter((c) => c !== 'iso3' && c !== 'year');
  const undeclared = columns.find((c) => !codes.has(c));
  if (undeclared !== undefined)
    throw new IngestError(
      `${displayName}, line ${csv.headerLine}: column "${undeclared}" is not declared as a source_key in meta.yaml`,
      { file: displayName, line: csv.headerLine, column: undeclared },
    );
  const economies = columnText(csv, 'iso3');
  const years = columnText(csv, 'year');
  const rows: RawRow[] = [];
  const cells = columns.map((column) => ({ column, text: columnText(csv, column) }));
  for (let i = 0; i < csv.rowCount; i++) {
    const line = csv.lineOf(i);
    const iso3 = iso3Cell(economies[i] ?? '', displayName, line, 'iso3');
    for (const { column, text } of cells) {
      const cell = text[i] ?? '';
      if (cell.trim() === '') continue;
      rows.push({
        line,
        indicatorCode: codes.get(column) ?? column,
        country: { code: iso3 },
        countryColumn: 'iso3',
        year: years[i] ?? '',
        value: cell,
        valueColumn: column,
      });
    }
  }
  return { rows, linesRead: csv.rowCount };
};
