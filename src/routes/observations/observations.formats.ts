import type { SeriesPoint as Point } from '../../services/observation-series.ts';

/** A value as served: its note already in the response's language. */
type SeriesPoint = Omit<Point, 'note_vi'>;
import { csvResponse, toCsv } from '../../http/csv.ts';
import type { Table, TableProvenance } from '../../http/table.ts';

/** Flags → SDMX OBS_STATUS (CL_OBS_STATUS): A normal, U low reliability. */
const OBS_STATUS: Record<string, string> = {
  'zero-no-data': 'U',
  'confidence-low': 'U',
};

/** The observations as a table: what format=csv writes and format=xlsx puts on its data sheet. */
export function observationsTable(
  /** The file's name; also each row's indicator unless the row names its own (several indicators). */
  indicatorCode: string,
  rows: readonly (SeriesPoint & { indicator?: string })[],
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
    r.indicator ?? indicatorCode,
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

const SDMX_HEADER = [
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

const sdmxRow = (indicatorCode: string, unit: string, r: SeriesPoint) => [
  'dataflow',
  `CIVSCOPE:DF_${r.source.toUpperCase().replaceAll('-', '_')}(1.0)`,
  'I',
  r.iso3,
  indicatorCode,
  r.year ?? '',
  r.value,
  unit,
  OBS_STATUS[r.flag ?? ''] ?? 'A',
];

/** SDMX-CSV (version 2 columns): one row per observation of the CivScope dataflow. */
export function observationsSdmxCsv(
  indicatorCode: string,
  unit: string,
  rows: readonly SeriesPoint[],
  headers: Record<string, string>,
) {
  const body = rows.map((r) => sdmxRow(indicatorCode, unit, r));
  return csvResponse(toCsv(SDMX_HEADER, body), `${indicatorCode}.sdmx.csv`, headers);
}

/** SDMX-CSV of several indicators: the same columns, each row with its own indicator and unit. */
export function observationSetsSdmxCsv(
  rows: readonly (SeriesPoint & { indicator: string })[],
  units: ReadonlyMap<string, string>,
  headers: Record<string, string>,
) {
  const body = rows.map((r) => sdmxRow(r.indicator, units.get(r.indicator) ?? '', r));
  return csvResponse(toCsv(SDMX_HEADER, body), 'observations.sdmx.csv', headers);
}
