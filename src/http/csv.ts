import { licenceLine, type SourceWords } from '../domain/source-text.ts';
import { stringify } from 'csv-stringify/sync';
import { STATIC_HEADERS } from './static-headers.ts';

/** RFC 4180 CSV: CRLF line ends, a header row, fields quoted only when they must be. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header as unknown[], ...(rows as unknown[][])], {
    record_delimiter: 'windows',
    cast: { boolean: (v) => String(v) },
  });
}

export function csvResponse(csv: string, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      ...STATIC_HEADERS,
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `inline; filename="${filename}"`,
      ...headers,
    },
  });
}

/**
 * Every CSV carries where its numbers come from: two trailing columns, the same on every row,
 * with the releases and the licences of the response.
 */
export function withProvenanceColumns(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  provenance: { releases: { id: string }[]; sources: SourceWords[] },
): [string[], unknown[][]] {
  const releases = provenance.releases.map((r) => r.id).join(' ');
  const licence = licenceLine(provenance.sources);
  return [[...header, 'releases', 'licence'], rows.map((row) => [...row, releases, licence])];
}
