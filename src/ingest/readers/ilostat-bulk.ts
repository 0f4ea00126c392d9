import { cellError } from '../errors.ts';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

const REQUIRED = ['ref_area', 'source', 'indicator', 'time', 'obs_value', 'obs_status'] as const;
/** The breakdown columns a bulk file may carry; a series is the indicator plus those it has. */
const BREAKDOWNS = ['sex', 'classif1', 'classif2'] as const;

/** ILOSTAT's observation status codes, as its bulk-download documentation spells them, and in Vietnamese. */
const STATUS: Readonly<Record<string, { en: string; vi: string }>> = {
  B: { en: 'break in series', vi: 'chuỗi số liệu bị gián đoạn' },
  U: { en: 'unreliable', vi: 'không đáng tin cậy' },
  P: { en: 'provisional', vi: 'số liệu tạm thời' },
  E: { en: 'estimate', vi: 'ước tính' },
  R: { en: 'real value', vi: 'giá trị thực' },
  F: { en: 'forecast', vi: 'dự báo' },
  I: { en: 'imputation', vi: 'giá trị quy nạp' },
  S: { en: 'secondary data', vi: 'số liệu thứ cấp' },
  T: { en: 'temporary', vi: 'tạm thời' },
};

/** The source_key of one series: `indicator|sex|classif1`, with only the breakdowns the file has. */
export function ilostatSeriesKey(parts: readonly string[]): string {
  return parts.map((p) => p.trim()).join('|');
}

/** The note on a value: ILOSTAT's code of its data source, and its status, in both languages. */
function statusNote(status: string, sourceCode: string): { note: string; noteVi: string } {
  const en = [`ILOSTAT source ${sourceCode}.`];
  const vi = [`Nguồn số liệu ILOSTAT ${sourceCode}.`];
  if (status) {
    const words = STATUS[status];
    en.push(`Status ${status}${words ? ` (${words.en})` : ''}.`);
    vi.push(`Trạng thái ${status}${words ? ` (${words.vi})` : ''}.`);
  }
  return { note: en.join(' '), noteVi: vi.join(' ') };
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
      ...statusNote((status?.[i] ?? '').trim(), (source?.[i] ?? '').trim()),
    });
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
