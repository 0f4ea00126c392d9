import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

/** The columns of an ITU DataHub indicator download that the reader needs. */
const REQUIRED = ['seriesCode', 'entityIso', 'entityName', 'dataValue', 'dataYear', 'dataNote', 'dataSource'] as const;

/**
 * Who produced the value and how, from the row's own columns, in the publisher's words only (no
 * words of ours, so a Vietnamese page shows nothing English but the names): most ITU values come
 * from a national statistical office or ministry, some are the ITU's own estimates ("ITU
 * estimate."), and many carry a note on the survey (age range, reference period). Kept with the
 * value, so an estimate is never read as a survey figure.
 */
function valueNote(dataSource: string, dataNote: string): string | undefined {
  const source = dataSource.trim().replace(/\.$/, '');
  const note = dataNote.trim();
  const text = [source && `${source}.`, note && `${note}${/[.)]$/.test(note) ? '' : '.'}`].filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/**
 * An indicator as downloaded from the ITU DataHub (datahub.itu.int): one line per series, economy
 * and year, with `seriesCode` naming the series (e.g. `xHH18_IDI`, individuals who own a mobile
 * phone), the economy by ISO code (`entityIso`) and name, the value in `dataValue` and the year in
 * `dataYear`, and, per value, the data source (a national office, or "ITU estimate.") and a note.
 * meta.yaml declares each series it loads by `source_key` (the seriesCode); other series are
 * counted as not loaded. The country is resolved by its code; the name is only for messages.
 */
export const readItuDatahubCsv: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, REQUIRED, displayName);
  const [series, iso, , value, year, note, source] = REQUIRED.map((c) => columnText(csv, c)) as string[][];
  const rows: RawRow[] = [];
  let notLoaded = 0;
  for (let i = 0; i < csv.rowCount; i++) {
    const indicatorCode = codes.get((series?.[i] ?? '').trim());
    if (indicatorCode === undefined) {
      notLoaded++;
      continue;
    }
    rows.push({
      line: csv.lineOf(i),
      indicatorCode,
      country: { code: (iso?.[i] ?? '').trim() },
      countryColumn: 'entityIso',
      year: (year?.[i] ?? '').trim(),
      value: value?.[i] ?? '',
      valueColumn: 'dataValue',
      note: valueNote(source?.[i] ?? '', note?.[i] ?? ''),
    });
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
