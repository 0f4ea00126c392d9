import type { SeriesPoint } from '../../services/observation-series.ts';
import { csvResponse, toCsv } from '../../http/csv.ts';
import type { Table, TableProvenance } from '../../http/table.ts';

/** Flags → SDMX OBS_STATUS (CL_OBS_STATUS): A normal, U low reliability. */
const OBS_STATUS: Record<string, string> = {
  'zero-no-data': 'U',
  'confidence-low': 'U',
};

/** The observations as a table: what format=csv writes and format=xlsx puts on its data sheet. */
export function observationsTable(
  indicatorCode: string,
  rows: readonly SeriesPoint[],
  provenance: TableProvenance,
  withNormalised: boolean,
): Table {
  const licences = new Map(provenance.sources.map((s) => [s.id, s.licence]));
  const header = [
    'indicator',
    'iso3',
    'country',
    'year',
    'value',
    ...(withNormalised ? ['normalised'] : []),
    'flag',
    'note',
    'release',
    'source',
    'licence',
    'reference_url',
  ];
  const body = rows.map((r) => [
    indicatorCode,
    r.iso3,
    r.country,
    r.year ?? '',
    r.value,
    ...(withNormalised ? [r.normalised ?? ''] : []),
    r.flag ?? '',
    r.note ?? '',
    r.release,
    r.source,
    licences.get(r.source) ?? '',
    r.reference_url ?? '',
  ]);
  return { name: indicatorCode, header, rows: body, provenance };
}

/** SDMX-CSV (version 2 columns): one row per observation of the CivScope dataflow. */
export function observationsSdmxCsv(
  indicatorCode: string,
  unit: string,
  rows: readonly SeriesPoint[],
  headers: Record<string, string>,
) {
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    'REF_AREA',
    'INDICATOR',
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MEASURE',
    'OBS_STATUS',
  ];
  const body = rows.map((r) => [
    'dataflow',
    `CIVSCOPE:DF_${r.source.toUpperCase().replaceAll('-', '_')}(1.0)`,
    'I',
    r.iso3,
    indicatorCode,
    r.year ?? '',
    r.value,
    unit,
    OBS_STATUS[r.flag ?? ''] ?? 'A',
  ]);
  return csvResponse(toCsv(header, body), `${indicatorCode}.sdmx.csv`, headers);
}
