import { type SourceWords, sourceText } from '../domain/source-text.ts';
import type { Selection } from '../domain/selection.ts';
import type { IndicatorRow } from '../db/schema.ts';
import { countryName, label, type Lang } from './locale.ts';

/** Subtitle and footer lines shared by every chart type. */

export function indicatorName(indicator: Pick<IndicatorRow, 'name_en' | 'name_vi'>, lang: Lang): string {
  return lang === 'vi' ? indicator.name_vi : indicator.name_en;
}

export function peerLine(selection: Selection, lang: Lang): string {
  if (!selection.group) return selection.countries.map((iso3) => countryName(iso3, lang)).join(', ');
  const { code, rule, members } = selection.group;
  const how =
    rule === 'historical' ? label(lang, 'historicalMembers') : `${members.length} ${label(lang, 'currentMembers')}`;
  return `${code} (${how})`;
}

/**
 * The year (or range) of a chart's values, for its subtitle. With latest values, the years the
 * values actually come from are named ("latest available year: 2024", "latest available years:
 * 2019, 2022–2024"), and values from texts that state no year are counted as such.
 */
export function yearsLine(
  q: { year?: number; from?: number; to?: number; latest?: boolean },
  lang: Lang,
  valueYears?: readonly (number | null)[],
): string {
  if (q.year !== undefined) return String(q.year);
  if (q.from !== undefined || q.to !== undefined) return `${q.from ?? '…'}–${q.to ?? '…'}`;
  if (!valueYears || valueYears.length === 0) return label(lang, 'latest');
  const dated = [...new Set(valueYears.filter((y): y is number => y !== null))];
  const undated = valueYears.filter((y) => y === null).length;
  const parts: string[] = [];
  if (dated.length > 0)
    parts.push(`${label(lang, dated.length === 1 ? 'latest' : 'latestYears')}: ${yearRanges(dated)}`);
  if (undated > 0) parts.push(`${label(lang, 'yearNotStated')}: ${undated}`);
  return parts.join('; ');
}

export function normalisationLine(method: string | null | undefined, lang: Lang): string | null {
  return method ? `${label(lang, 'normalised')}: ${method}` : null;
}

export function footerLines(
  provenance: { sources: SourceWords[]; releases: { id: string; published_on: string }[] },
  lang: Lang,
): string[] {
  const words = provenance.sources.map((s) => sourceText(s, lang));
  const publishers = [...new Set(words.map((s) => s.publisher))].join('; ');
  const licences = [...new Set(words.map((s) => s.licence))].join('; ');
  const releases = provenance.releases.map((r) => `${r.id} (${r.published_on})`).join(', ');
  return [
    `${label(lang, 'source')}: ${publishers || '—'}`,
    `${label(lang, 'licence')}: ${licences || '—'}`,
    `${label(lang, 'release')}: ${releases || '—'}`,
  ];
}

/**
 * "No data for 3 of 11 countries: Brunei Darussalam, Lao PDR, Myanmar." — null when everyone
 * reported. Countries whose value was looked for in their texts and not found (`searched`) are
 * named apart: a searched gap is a finding, not an oversight.
 */
export function missingLine(
  missing: readonly string[],
  total: number,
  lang: Lang,
  searched: readonly string[] = [],
): string | null {
  if (missing.length === 0) return null;
  const names = (list: readonly string[]) => list.map((iso3) => countryName(iso3, lang)).join(', ');
  const looked = missing.filter((iso3) => searched.includes(iso3));
  const unlooked = missing.filter((iso3) => !searched.includes(iso3));
  const countries = total === 1 ? 'country' : 'countries';
  const sentences = [
    unlooked.length === 0
      ? null
      : lang === 'vi'
        ? `Không có số liệu cho ${unlooked.length} trên ${total} nước: ${names(unlooked)}.`
        : `No data for ${unlooked.length} of ${total} ${countries}: ${names(unlooked)}.`,
    looked.length === 0
      ? null
      : lang === 'vi'
        ? `Đã tìm trong văn bản nhưng không thấy cho ${looked.length} trên ${total} nước: ${names(looked)}.`
        : `Searched in their texts, not found for ${looked.length} of ${total} ${countries}: ${names(looked)}.`,
  ];
  return sentences.filter((line) => line !== null).join(' ');
}

/** Years as ranges: 2003–2005, 2008, 2010–2024. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(end === start ? String(start) : end === start + 1 ? `${start}, ${end}` : `${start}–${end}`);
  }
  return parts.join(', ');
}

/** What an empty chart says instead of drawing nothing: which years do have data. */
export function noDataLines(year: number | undefined, years: readonly number[], lang: Lang): string[] {
  const none =
    lang === 'vi'
      ? year !== undefined
        ? `Không có số liệu cho năm ${year} trong lựa chọn này.`
        : 'Không có số liệu trong lựa chọn này.'
      : year !== undefined
        ? `No data for ${year} in this selection.`
        : 'No data in this selection.';
  if (years.length === 0) return [none];
  return [none, lang === 'vi' ? `Các năm có số liệu: ${yearRanges(years)}.` : `Years with data: ${yearRanges(years)}.`];
}
