import type { Lang } from '../charts/locale.ts';
import type { SourceWords } from '../domain/source-text.ts';
import { csvResponse, toCsv, withProvenanceColumns } from './csv.ts';
import { readerTable } from './reader-table.ts';
import { Problem } from './problem.ts';
import { STATIC_HEADERS } from './static-headers.ts';

/** What a table's numbers come from: the sources sheet of a workbook. */
export interface TableProvenance {
  sources: (SourceWords & { id: string; url: string; citation: string })[];
  releases: { id: string; source_id: string; label: string; published_on: string; sha256: string }[];
}

/** What a reader's file (`style=reader`) says of an indicator in a table. */
export interface TableIndicator {
  name: { en: string; vi: string };
  /** As the source writes it; translated where the file is read. */
  unit: string;
  /** Display decimals: the reader's file rounds to them, the data file never does. */
  decimals: number;
  source_id: string;
  /** The indicator's scale: a `yes-no` value is written as its answer in a reader's file. */
  scale?: string;
}

/** Indicator rows as the database holds them → what a table needs of each, by code. */
export function tableIndicators(
  list: readonly {
    code: string;
    name_en: string;
    name_vi: string;
    unit: string;
    decimals: number;
    source_id: string;
    scale?: string;
  }[],
): ReadonlyMap<string, TableIndicator> {
  return new Map(
    list.map((i) => [
      i.code,
      {
        name: { en: i.name_en, vi: i.name_vi },
        unit: i.unit,
        decimals: i.decimals,
        source_id: i.source_id,
        ...(i.scale ? { scale: i.scale } : {}),
      },
    ]),
  );
}

/** One table as every format sees it: CSV writes it as is, a workbook adds a sources sheet. */
export interface Table {
  /** File name without extension. */
  name: string;
  header: readonly string[];
  /** Numbers stay numbers; '' or null is an empty cell. */
  rows: readonly (readonly unknown[])[];
  provenance: TableProvenance;
  /**
   * The indicators of the table by code: those named in an `indicator` column or as column names
   * (a comparison's `GE.EST`, `GE.EST_year`), or the one the table is named after.
   */
  indicators?: ReadonlyMap<string, TableIndicator>;
}

/** Table → .xlsx bytes. Node only (exceljs); absent on Workers, where xlsx answers 501. */
export type SpreadsheetWriter = (table: Table) => Promise<Uint8Array>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * CSV (RFC 4180, optionally with a UTF-8 BOM for Excel) or an Excel workbook. `style=reader` is the
 * file for a person: headers in `lang`, names for codes, display decimals, and a BOM on CSV so Excel
 * reads Vietnamese; the default `data` is the exact, machine-named file a partner parses.
 */
export async function tableResponse(
  dataTable: Table,
  output: { format: string; bom?: boolean; style?: 'data' | 'reader'; lang?: Lang },
  writer: SpreadsheetWriter | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  const reader = output.style === 'reader';
  const table = reader ? readerTable(dataTable, output.lang ?? 'en') : dataTable;
  if (output.format === 'csv') {
    const csv = toCsv(table.header, table.rows);
    return csvResponse(output.bom || reader ? `\uFEFF${csv}` : csv, `${table.name}.csv`, headers);
  }
  if (output.format !== 'xlsx')
    throw new Problem(400, 'invalid_parameter', `format ${output.format} is not a table format`, {
      parameter: 'format',
    });
  if (!writer)
    throw new Problem(
      501,
      'not_implemented',
      'Excel output is not available on this deployment (the edge runtime); use format=csv&bom=true, or the Node origin.',
      { parameter: 'format' },
    );
  const bytes = await writer(table);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...STATIC_HEADERS,
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="${table.name}.xlsx"`,
      ...headers,
    },
  });
}

/** A table whose rows also carry the releases and licences of the response (as every CSV does). */
export function provenanceTable(
  name: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  provenance: TableProvenance,
  indicators?: ReadonlyMap<string, TableIndicator>,
): Table {
  const [withHeader, withRows] = withProvenanceColumns(header, rows, provenance);
  return { name, header: withHeader, rows: withRows, provenance, ...(indicators ? { indicators } : {}) };
}
