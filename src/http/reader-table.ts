import { isYesNo } from '../domain/yes-no.ts';
import { licenceLine } from '../domain/source-text.ts';
import { type Lang, unitLabel } from '../charts/locale.ts';
import { countryByIso3 } from '../domain/countries.ts';
import type { Table, TableIndicator } from './table.ts';

/**
 * Column names as a reader sees them, in English and Vietnamese. A partner system keeps the
 * machine names (`style=data`, the default); a person opening the file in a spreadsheet gets these
 * (`style=reader`). A column not listed here keeps its machine name.
 */
const COLUMN_LABELS: Readonly<Record<string, { en: string; vi: string }>> = {
  indicator: { en: 'Indicator', vi: 'Chỉ số' },
  unit: { en: 'Unit', vi: 'Đơn vị' },
  iso3: { en: 'ISO3 code', vi: 'Mã ISO3' },
  country: { en: 'Country', vi: 'Quốc gia' },
  country_other: { en: 'Country (Vietnamese)', vi: 'Quốc gia (tiếng Anh)' },
  year: { en: 'Year', vi: 'Năm' },
  value: { en: 'Value', vi: 'Giá trị' },
  normalised: { en: 'Normalised value', vi: 'Giá trị chuẩn hoá' },
  rank: { en: 'Rank', vi: 'Thứ hạng' },
  score: { en: 'Score (0–100 within the group)', vi: 'Điểm (0–100 trong nhóm)' },
  tied: { en: 'Tied', vi: 'Đồng hạng' },
  flag: { en: 'Flag', vi: 'Cờ đánh dấu' },
  note: { en: 'Note', vi: 'Ghi chú' },
  release: { en: 'Release', vi: 'Phiên bản dữ liệu' },
  releases: { en: 'Releases', vi: 'Các phiên bản dữ liệu' },
  source: { en: 'Source', vi: 'Nguồn' },
  licence: { en: 'Licence', vi: 'Giấy phép' },
  reference_url: { en: 'Reference', vi: 'Tài liệu tham chiếu' },
};

/** What a per-indicator column of a comparison (`GE.EST_year`) holds, after the indicator's name. */
const SUFFIX_LABELS: Readonly<Record<string, { en: string; vi: string }>> = {
  year: { en: 'year', vi: 'năm' },
  score: { en: 'score 0–100', vi: 'điểm 0–100' },
  rank: { en: 'rank', vi: 'thứ hạng' },
};

/** Scores are on 0–100 and read to one decimal. */
const SCORE_DECIMALS = 1;

/**
 * The indicator's value rounded to its display decimals. The API's data files keep the exact value;
 * a reader's file shows what the explorer shows (1.4 rather than 1.4017870426177979).
 */
function rounded(cell: unknown, decimals: number | undefined): unknown {
  if (typeof cell !== 'number' || decimals === undefined || !Number.isFinite(cell)) return cell;
  return Number(cell.toFixed(decimals));
}

/** true/false as a reader writes them (a tie, in a ranking). */
function yesNo(cell: unknown, lang: Lang): unknown {
  if (typeof cell !== 'boolean') return cell;
  return lang === 'vi' ? (cell ? 'có' : 'không') : cell ? 'yes' : 'no';
}

/** A value as a reader reads it: the answer of a yes/no indicator (1 = yes), else rounded to the indicator's decimals. */
function readerValue(cell: unknown, indicator: TableIndicator | undefined, lang: Lang): unknown {
  if (indicator && isYesNo({ scale: indicator.scale ?? null }) && (cell === 0 || cell === 1))
    return yesNo(cell === 1, lang);
  return rounded(cell, indicator?.decimals);
}

interface ColumnPlan {
  label: string;
  /** The cell as a reader sees it. */
  cell: (row: readonly unknown[]) => unknown;
}

/** How each column of `table` reads for a person, and the unit column after the indicator's. */
function planColumns(table: Table, lang: Lang): ColumnPlan[] {
  const indicators = table.indicators ?? new Map<string, TableIndicator>();
  const indicatorAt = table.header.indexOf('indicator');
  const iso3At = table.header.indexOf('iso3');
  const rowIndicator = (row: readonly unknown[]) =>
    indicators.get(String(indicatorAt >= 0 ? row[indicatorAt] : table.name)) ??
    (indicators.size === 1 ? [...indicators.values()][0] : undefined);
  const plans: ColumnPlan[] = [];
  table.header.forEach((column, at) => {
    const known = COLUMN_LABELS[column];
    const own = indicators.get(column);
    const [code = '', suffix = ''] = column.split(/_(?=year$|score$|rank$)/);
    const ofIndicator = indicators.get(code);
    if (column === 'country' && iso3At >= 0) {
      // Both names: a sheet pasted into a report in either language keeps the country readable.
      plans.push({ label: known?.[lang] ?? column, cell: (row) => row[at] });
      plans.push({
        label: COLUMN_LABELS.country_other?.[lang] ?? 'country_other',
        cell: (row) => {
          const country = countryByIso3(String(row[iso3At]));
          return (lang === 'vi' ? country?.nameEn : country?.nameVi) ?? '';
        },
      });
    } else if (column === 'indicator') {
      plans.push({ label: known?.[lang] ?? column, cell: (row) => rowIndicator(row)?.name[lang] ?? row[at] });
      plans.push({
        label: COLUMN_LABELS.unit?.[lang] ?? 'unit',
        cell: (row) => {
          const unit = rowIndicator(row)?.unit;
          return unit === undefined ? '' : unitLabel(unit, lang);
        },
      });
    } else if (column === 'licence') {
      // The same on every row: the licences of the response, named in the reader's language.
      const licences = licenceLine(table.provenance.sources, lang);
      plans.push({ label: known?.[lang] ?? column, cell: () => licences });
    } else if (column === 'value')
      plans.push({ label: known?.[lang] ?? column, cell: (row) => readerValue(row[at], rowIndicator(row), lang) });
    else if (column === 'score')
      plans.push({ label: known?.[lang] ?? column, cell: (row) => rounded(row[at], SCORE_DECIMALS) });
    else if (own) plans.push({ label: own.name[lang], cell: (row) => rounded(row[at], own.decimals) });
    else if (ofIndicator && SUFFIX_LABELS[suffix])
      plans.push({
        label: `${ofIndicator.name[lang]} – ${SUFFIX_LABELS[suffix][lang]}`,
        cell: (row) => (suffix === 'score' ? rounded(row[at], SCORE_DECIMALS) : row[at]),
      });
    else plans.push({ label: known?.[lang] ?? column, cell: (row) => yesNo(row[at], lang) });
  });
  return plans;
}

/**
 * The table as a person reads it (`style=reader`): column names in the response's language, the
 * indicator by its name with its unit beside it, values at the indicator's display decimals and
 * scores at one. The rows, their order and the provenance are the table's own.
 */
export function readerTable(table: Table, lang: Lang): Table {
  const plans = planColumns(table, lang);
  return {
    ...table,
    header: plans.map((p) => p.label),
    rows: table.rows.map((row) => plans.map((p) => p.cell(row))),
  };
}
