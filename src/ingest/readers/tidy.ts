import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';

const REQUIRED = ['source', 'indicator_code', 'indicator_name', 'country_iso3', 'year', 'value', 'unit'] as const;

/**
 * The tidy long format of the reference files: one value per line, with optional
 * `reference_url` and `note` columns (the training mandates use them).
 */
export const readTidy: Reader = async (path, displayName) => {
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, REQUIRED, displayName);
  const [indicator, country, year, value, unit] = ['indicator_code', 'country_iso3', 'year', 'value', 'unit'].map((c) =>
    columnText(csv, c),
  ) as [string[], string[], string[], string[], string[]];
  const note = csv.columns.includes('note') ? columnText(csv, 'note') : undefined;
  const referenceUrl = csv.columns.includes('reference_url') ? columnText(csv, 'reference_url') : undefined;
  const rows: RawRow[] = [];
  for (let i = 0; i < csv.rowCount; i++) {
    rows.push({
      line: csv.lineOf(i),
      indicatorCode: indicator[i] ?? '',
      country: { code: country[i] ?? '' },
      countryColumn: 'country_iso3',
      year: year[i] ?? '',
      value: value[i] ?? '',
      valueColumn: 'value',
      unit: unit[i] ?? '',
      note: note?.[i] || undefined,
      referenceUrl: referenceUrl?.[i] || undefined,
    });
  }
  return { rows, linesRead: csv.rowCount };
};
