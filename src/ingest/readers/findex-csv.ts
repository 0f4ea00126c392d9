import { IngestError } from '../errors.ts';
import { columnText, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

/** The identifying columns of the Global Findex country file; every other column is a series. */
const ID_COLUMNS = ['countrynewwb', 'codewb', 'year', 'group', 'group2'] as const;

/** How meta.yaml names a breakdown of a series: `fin26a` for all adults, `fin26a@women` for women. */
const BREAKDOWN_SUFFIX: Readonly<Record<string, string>> = {
  'all/all': '',
  'gender/women': '@women',
  'gender/men': '@men',
};

/**
 * The Global Findex Database country file (GlobalFindexDatabase2025.csv and its column extracts):
 * one line per economy, survey year and population group (`group`/`group2`: all adults, or a
 * breakdown by gender, age, education, income, labour force, urbanicity), one column per series,
 * values as shares of the group (0-1), `NA` where a series was not asked or not published.
 * meta.yaml declares each loaded series by its column (`source_key`), with `@women`/`@men` for the
 * gender breakdown; other breakdowns are counted as not loaded. Economies by their World Bank code
 * (`codewb`); the regional and income aggregates at the end of the file are outside the registry.
 * `year` is the survey year, which is not always the wave's (Viet Nam's 2021 wave was fielded in 2022).
 */
export const readFindexCsv: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, ID_COLUMNS, displayName);
  const series = new Map<string, { column: string; suffix: string }>();
  for (const key of codes.keys()) {
    const [column = '', breakdown] = key.split('@');
    if (!csv.columns.includes(column))
      throw new IngestError(
        `${displayName}, line ${csv.headerLine}: the series "${column}" declared in meta.yaml is not a column of the file`,
        { file: displayName, line: csv.headerLine, column },
      );
    series.set(key, { column, suffix: breakdown ? `@${breakdown}` : '' });
  }
  const groups = columnText(csv, 'group');
  const groups2 = columnText(csv, 'group2');
  const economies = columnText(csv, 'codewb');
  const years = columnText(csv, 'year');
  const rows: RawRow[] = [];
  let notLoaded = 0;
  const cells = new Map([...series.values()].map(({ column }) => [column, columnText(csv, column)]));
  for (let i = 0; i < csv.rowCount; i++) {
    const suffix = BREAKDOWN_SUFFIX[`${groups[i]}/${groups2[i]}`];
    if (suffix === undefined) {
      notLoaded++;
      continue;
    }
    for (const [key, s] of series) {
      if (s.suffix !== suffix) continue;
      const cell = cells.get(s.column)?.[i] ?? '';
      if (cell === 'NA' || cell.trim() === '') continue;
      rows.push({
        line: csv.lineOf(i),
        indicatorCode: codes.get(key) ?? key,
        country: { code: economies[i] ?? '' },
        countryColumn: 'codewb',
        year: years[i] ?? '',
        value: cell,
        valueColumn: s.column,
      });
    }
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
