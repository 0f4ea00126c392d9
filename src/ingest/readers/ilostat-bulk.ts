import { cellError } from '../errors.ts';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

const REQUIRED = ['ref_area', 'source', 'indicator', 'time', 'obs_value', 'obs_status'] as const;
/** The breakdown columns a bulk file may carry; a series is the indicator plus those it has. */
const BREAKDOWNS = ['sex', 'classif1', 'classif2'] as const;

/** ILOSTAT's observation status codes, as its bulk-download documentation spells them. */
const STATUS: Readonly<Record<string, string>> = {
  B: 'break in series',
  U: 'unreliable',
  P: 'provisional',
  E: 'estimate',
  R: 'real value',
  F: 'forecast',
  I: 'imputation',
  S: 'secondary data',
  T: 'temporary',
};

/** The source_key of one series: `indicator|sex|classif1`, with only the breakdowns the file has. */
export function ilostatSeriesKey(parts: readonly string[]): string {
  return parts.map((p) => p.trim()).join('|');
}

function statusNote(status: string, sourceCode: string): string {
  const parts = [`ILOSTAT source ${sourceCode}.`];
  if (status) parts.push(`Status ${status}${STATUS[status] ? ` (${STATUS[status]})` : ''}.`);
  return parts.join(' ');
}

/**
 * The ILOSTAT bulk download (`<INDICATOR>_A.csv`): one line per country, series breakdown and year,
 * with the value in `obs_value`. A series is the indicator code plus its sex and classification
 * codes; meta.yaml names the series it loads by `source_key` (`EMP_TEMP_SEX_INS_NB|SEX_T|INS_SECTOR_PUB`).
 * Other series are counted as not loaded. A year that is not four digits stops the release.
 */
export const readIlostatBulk: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, REQUIRED, displayName);
  const breakdowns = BREAKDOWNS.filter((b) => csv.columns.includes(b));
  const [area, source, indicator, time, value, status] = REQUIRED.map((c) => columnText(csv, c)) as string[][];
  const parts = breakdowns.map((b) => columnText(csv, b));
  const rows: RawRow[] = [];
  let notLoaded = 0;
  for (let i = 0; i < csv.rowCount; i++) {
    const line = csv.lineOf(i);
    const key = ilostatSeriesKey([indicator?.[i] ?? '', ...parts.map((p) => p[i] ?? '')]);
    const indicatorCode = codes.get(key);
    if (indicatorCode === undefined) {
      notLoaded++;
      continue;
    }
    const year = (time?.[i] ?? '').trim();
    if (!/^\d{4}$/.test(year)) {
      throw cellError(displayName, line, 'time', `not an annual period ("${year}")`);
    }
    rows.push({
      line,
      indicatorCode,
      country: { code: area?.[i] ?? '' },
      year,
      value: value?.[i] ?? '',
      valueColumn: 'obs_value',
      note: statusNote((status?.[i] ?? '').trim(), (source?.[i] ?? '').trim()),
    });
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
