import { csvResponse, toCsv, withProvenanceColumns } from './csv.ts';
import { Problem } from './problem.ts';
import { STATIC_HEADERS } from './static-headers.ts';

/** What a table's numbers come from: the sources sheet of a workbook. */
export interface TableProvenance {
  sources: { id: string; name: string; publisher: string; url: string; licence: string; citation: string }[];
  releases: { id: string; source_id: string; label: string; published_on: string; sha256: string }[];
}

/** One table as every format sees it: CSV writes it as is, a workbook adds a sources sheet. */
export interface Table {
  /** File name without extension. */
  name: string;
  header: readonly string[];
  /** Numbers stay numbers; '' or null is an empty cell. */
  rows: readonly (readonly unknown[])[];
  provenance: TableProvenance;
}

/** Table → .xlsx bytes. Node only (exceljs); absent on Workers, where xlsx answers 501. */
export type SpreadsheetWriter = (table: Table) => Promise<Uint8Array>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV (RFC 4180, optionally with a UTF-8 BOM for Excel) or an Excel workbook. */
export async function tableResponse(
  table: Table,
  output: { format: string; bom?: boolean },
  writer: SpreadsheetWriter | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  if (output.format === 'csv') {
    const csv = toCsv(table.header, table.rows);
    return csvResponse(output.bom ? `\uFEFF${csv}` : csv, `${table.name}.csv`, headers);
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
  provenance: TableProvenance & { sources: { name: string; licence: string }[] },
): Table {
  const [withHeader, withRows] = withProvenanceColumns(header, rows, provenance);
  return { name, header: withHeader, rows: withRows, provenance };
}
