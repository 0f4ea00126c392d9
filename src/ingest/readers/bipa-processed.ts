import { cellError } from '../errors.ts';
import { columnText, iso3Cell, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

const REQUIRED = ['cc_iso3c', 'ref_year', 'variable', 'value'] as const;

/**
 * The processed source data of the Blavatnik Index (`data_out/<source>_<year>.csv` in
 * bipa2024_sourcedata): one line per country, year and variable, written by its
 * `write_standard_csv()`. Variables map to indicators through `source_key`; a variable meta.yaml
 * does not declare, or a country code that is not three capital letters, stops the release.
 */
export const readBipaProcessed: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, REQUIRED, displayName);
  const [country, year, variable, value] = REQUIRED.map((c) => columnText(csv, c)) as string[][];
  const rows: RawRow[] = [];
  for (let i = 0; i < csv.rowCount; i++) {
    const line = csv.lineOf(i);
    const name = (variable?.[i] ?? '').trim();
    const indicatorCode = codes.get(name);
    if (!indicatorCode) {
      throw cellError(displayName, line, 'variable', `variable "${name}" is not declared as a source_key in meta.yaml`);
    }
    rows.push({
      line,
      indicatorCode,
      country: { code: iso3Cell(country?.[i] ?? '', displayName, line) },
      year: year?.[i] ?? '',
      value: value?.[i] ?? '',
      valueColumn: 'value',
    });
  }
  return { rows, linesRead: csv.rowCount };
};
