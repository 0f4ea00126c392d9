import { IngestError } from '../errors.ts';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

/** The identifying columns of the QoG aggregate files; every other column is a variable. */
const ID_COLUMNS = ['year', 'cname', 'ccode', 'ccodecow', 'ccodewb', 'ccodealp', 'oecd', 'eu27', 'region'] as const;

/**
 * The QoG Expert Survey aggregate file (qog_exp_agg_20.csv): one line per country, one column per
 * variable. Countries by ISO3 (`ccodealp`), by name where the code is blank (Hong Kong). A variable
 * meta.yaml does not declare stops the release: a new column is never silently dropped. An empty
 * cell is a missing value and produces no row.
 */
export const readQogWide: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, ID_COLUMNS, displayName);
  const variables = csv.columns.filter((c) => !(ID_COLUMNS as readonly string[]).includes(c));
  const undeclared = variables.filter((v) => !codes.has(v));
  if (undeclared.length > 0) {
    throw new IngestError(
      `${displayName}, line ${csv.headerLine}: column "${undeclared[0]}" is not declared as a source_key in meta.yaml`,
      { file: displayName, line: csv.headerLine, column: undeclared[0] },
    );
  }
  const years = columnText(csv, 'year');
  const isoCodes = columnText(csv, 'ccodealp');
  const names = columnText(csv, 'cname');
  const rows: RawRow[] = [];
  for (const variable of variables) {
    columnText(csv, variable).forEach((cell, i) => {
      if (cell.trim() === '') return;
      const code = isoCodes[i]?.trim() ?? '';
      rows.push({
        line: csv.lineOf(i),
        indicatorCode: codes.get(variable) ?? variable,
        country: code ? { code } : { name: names[i] ?? '' },
        year: years[i] ?? '',
        value: cell,
        valueColumn: variable,
      });
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, linesRead: csv.rowCount };
};
