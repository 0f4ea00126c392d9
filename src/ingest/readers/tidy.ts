import { IngestError } from '../errors.ts';
import { streamCsv } from './csv-stream.ts';
import type { RawRow, Reader, RowStream } from './raw-row.ts';

const REQUIRED = ['source', 'indicator_code', 'indicator_name', 'country_iso3', 'year', 'value', 'unit'] as const;

/**
 * The tidy long format of the reference files: one value per line, with optional
 * `reference_url` and `note` columns (the training mandates use them). Read in batches straight
 * from a streaming parse (no dataframe): the format needs no reshaping, and a bulk load of a
 * million rows should hold one batch in memory, not the file.
 */
export async function streamTidy(path: string, displayName: string): Promise<RowStream> {
  const csv = await streamCsv(path, displayName);
  const missing = REQUIRED.filter((name) => !csv.header.includes(name));
  if (missing.length > 0) {
    await csv.batches.return(undefined);
    throw new IngestError(
      `${displayName}, line ${csv.headerLine}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${csv.header.join(', ')})`,
      { file: displayName, line: csv.headerLine, column: missing[0] },
    );
  }
  const at = (name: string) => csv.header.indexOf(name);
  const [indicator, country, year, value, unit, note, referenceUrl] = [
    'indicator_code',
    'country_iso3',
    'year',
    'value',
    'unit',
    'note',
    'reference_url',
  ].map(at) as [number, number, number, number, number, number, number];
  async function* batches(): AsyncGenerator<RawRow[]> {
    for await (const records of csv.batches) {
      yield records.map(({ line, cells }) => ({
        line,
        indicatorCode: cells[indicator] ?? '',
        country: { code: cells[country] ?? '' },
        countryColumn: 'country_iso3',
        year: cells[year] ?? '',
        value: cells[value] ?? '',
        valueColumn: 'value',
        unit: cells[unit] ?? '',
        note: (note >= 0 && cells[note]) || undefined,
        referenceUrl: (referenceUrl >= 0 && cells[referenceUrl]) || undefined,
      }));
    }
  }
  return { batches: batches(), bytesRead: csv.bytesRead };
}

/** The whole tidy file as rows (small files, tests); large loads use `streamTidy`. */
export const readTidy: Reader = async (path, displayName) => {
  const rows: RawRow[] = [];
  for await (const batch of (await streamTidy(path, displayName)).batches) rows.push(...batch);
  return { rows, linesRead: rows.length };
};
