import ExcelJS from 'exceljs';
import { countryByIso3 } from '../domain/countries.ts';
import type { Table } from '../http/table.ts';

/** Sheet names say what they hold in both languages (Excel allows 31 characters). */
export const DATA_SHEET = 'Data - Dữ liệu';
export const SOURCES_SHEET = 'Sources - Nguồn';

const SOURCE_COLUMNS = [
  'release',
  'label',
  'published_on',
  'sha256',
  'source',
  'publisher',
  'licence',
  'citation',
  'url',
] as const;

/** Beside an iso3 column, the country's Vietnamese name, so a workbook reads in either language. */
function withVietnameseNames(table: Table): { header: string[]; rows: unknown[][] } {
  const iso3At = table.header.indexOf('iso3');
  if (iso3At < 0 || table.header.includes('country_vi'))
    return { header: [...table.header], rows: table.rows.map((r) => [...r]) };
  const countryAt = table.header.indexOf('country');
  const at = (countryAt >= 0 ? countryAt : iso3At) + 1;
  const insert = <T>(list: readonly T[], item: T) => [...list.slice(0, at), item, ...list.slice(at)];
  return {
    header: insert(table.header, 'country_vi'),
    rows: table.rows.map((r) => insert(r, countryByIso3(String(r[iso3At]))?.nameVi ?? '')),
  };
}

/**
 * The table's indicators a source publishes, by code and both names, so the sources sheet too says
 * what the numbers measure when it is read apart from the data sheet.
 */
function indicatorsOf(table: Table, sourceId: string): string {
  return [...(table.indicators ?? new Map())]
    .filter(([, i]) => i.source_id === sourceId)
    .map(([code, i]) => `${code}: ${i.name.en} / ${i.name.vi}`)
    .join('; ');
}

/**
 * An Excel workbook: the data sheet (numbers as numbers, empty cells for missing values, a frozen
 * header row) and a sources sheet with each release's source, licence, citation and sha256.
 */
export async function writeWorkbook(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CivScope';
  const { header, rows } = withVietnameseNames(table);
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(header).font = { bold: true };
  for (const row of rows) data.addRow(row.map((cell) => (cell === '' || cell === undefined ? null : cell)));
  const sources = workbook.addWorksheet(SOURCES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sources.addRow([...SOURCE_COLUMNS, 'indicators']).font = { bold: true };
  for (const release of table.provenance.releases) {
    const source = table.provenance.sources.find((s) => s.id === release.source_id);
    sources.addRow([
      release.id,
      release.label,
      release.published_on,
      release.sha256,
      source?.name ?? release.source_id,
      source?.publisher ?? '',
      source?.licence ?? '',
      source?.citation ?? '',
      source?.url ?? '',
      indicatorsOf(table, release.source_id),
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
