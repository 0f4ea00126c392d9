import { missingLine } from './captions.ts';
import { countryName, formatNumber, type Lang, ordinal } from './locale.ts';

/**
 * Alt text generated from the data: a sentence a screen reader can say and a report can print
 * under the chart. Numbers use the indicator's decimals and the language's decimal mark.
 */

interface Ranked {
  iso3: string;
  value: number;
  /** null only for a yes/no indicator, which describeAnswers describes. */
  rank: number | null;
}

/** Who was compared: how many members the chart covers, and which have no data. */
export interface Coverage {
  members: number;
  missing: readonly string[];
  /** Missing countries whose value was searched for and not found. */
  searched?: readonly string[];
}

function missingSentence(coverage: Coverage | undefined, lang: Lang): string {
  const line = coverage ? missingLine(coverage.missing, coverage.members, lang, coverage.searched) : null;
  return line ? ` ${line}` : '';
}

/**
 * "Singapore ranks first of 11 at 0.9691; Viet Nam is 5th at 0.7709." A rank always says how many
 * were compared and who had no data; an indicator with no better direction (a wage bill, a share
 * of employment) gets highest and lowest, never a rank.
 */
export function describeRanking(
  rows: readonly Ranked[],
  lang: Lang,
  decimals: number,
  focus?: string,
  options: { coverage?: Coverage; neutral?: boolean } = {},
): string {
  const first = rows[0];
  const missing = missingSentence(options.coverage, lang);
  if (!first) return (lang === 'vi' ? 'Không có số liệu.' : 'No data.') + missing;
  const n = rows.length;
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const name = (iso3: string) => countryName(iso3, lang);
  if (n === 1) {
    const total = options.coverage?.members ?? 1;
    return lang === 'vi'
      ? `Chỉ ${name(first.iso3)} có số liệu (${fmt(first.value)}), trong ${total} nước được so sánh.${missing}`
      : `Only ${name(first.iso3)} has data (${fmt(first.value)}) of the ${total} ${total === 1 ? 'country' : 'countries'} compared.${missing}`;
  }
  const withData = options.coverage && options.coverage.missing.length > 0;
  if (options.neutral) {
    const sorted = [...rows].sort((a, b) => b.value - a.value);
    const hi = sorted[0] as Ranked;
    const lo = sorted.at(-1) as Ranked;
    const focusRow = rows.find((r) => r.iso3 === focus && r.iso3 !== hi.iso3 && r.iso3 !== lo.iso3);
    const focusText = focusRow ? `; ${name(focusRow.iso3)} ${fmt(focusRow.value)}` : '';
    return lang === 'vi'
      ? `Cao nhất trong ${n} nước: ${name(hi.iso3)} ${fmt(hi.value)}; thấp nhất: ${name(lo.iso3)} ${fmt(lo.value)}${focusText}.${missing}`
      : `Highest of ${n}: ${name(hi.iso3)} at ${fmt(hi.value)}; lowest: ${name(lo.iso3)} at ${fmt(lo.value)}${focusText}.${missing}`;
  }
  const tiedFirst = rows.filter((r) => r.rank === 1).length > 1;
  const lead =
    lang === 'vi'
      ? `${name(first.iso3)} đứng ${tiedFirst ? 'đồng hạng nhất' : 'thứ nhất'} trong ${n} nước${withData ? ' có số liệu' : ''} với ${fmt(first.value)}`
      : `${name(first.iso3)} ranks ${tiedFirst ? 'joint first' : 'first'} of ${n}${withData ? ' with data' : ''} at ${fmt(first.value)}`;
  const other = rows.find((r) => r.iso3 === focus && r.iso3 !== first.iso3) ?? (focus ? undefined : rows.at(-1));
  if (!other || other.iso3 === first.iso3) return `${lead}.${missing}`;
  const tail =
    lang === 'vi'
      ? `${name(other.iso3)} đứng ${ordinal(other.rank ?? 0, lang)} với ${fmt(other.value)}`
      : `${name(other.iso3)} is ${ordinal(other.rank ?? 0, lang)} at ${fmt(other.value)}`;
  return `${lead}; ${tail}.${missing}`;
}

/**
 * "Yes for 6 of 8 countries with data (Brunei Darussalam, China, …); no for 2 (Japan, Viet Nam)."
 * The answers of a yes/no indicator, every country named under its answer.
 */
export function describeAnswers(
  rows: readonly { iso3: string; value: number }[],
  lang: Lang,
  coverage?: Coverage,
): string {
  const missing = missingSentence(coverage, lang);
  if (rows.length === 0) return (lang === 'vi' ? 'Không có số liệu.' : 'No data.') + missing;
  const names = (value: number) =>
    rows
      .filter((r) => r.value === value)
      .map((r) => countryName(r.iso3, lang))
      .sort((a, b) => a.localeCompare(b, lang));
  const [yes, no] = [names(1), names(0)];
  const n = rows.length;
  const withData = coverage && coverage.missing.length > 0;
  const list = (items: string[]) => (items.length ? ` (${items.join(', ')})` : '');
  return lang === 'vi'
    ? `Có: ${yes.length} trên ${n} nước${withData ? ' có số liệu' : ''}${list(yes)}; không: ${no.length}${list(no)}.${missing}`
    : `Yes for ${yes.length} of ${n} ${n === 1 ? 'country' : 'countries'}${withData ? ' with data' : ''}${list(yes)}; no for ${no.length}${list(no)}.${missing}`;
}

interface Point {
  iso3: string;
  year: number;
  value: number;
}

/** "Viet Nam: 0.357 (2003) → 0.771 (2024)" for the focus country, or the first few. */
export function describeSeries(
  points: readonly Point[],
  lang: Lang,
  decimals: number,
  focus?: string,
  coverage?: Coverage,
): string {
  const byCountry = new Map<string, Point[]>();
  for (const p of points) byCountry.set(p.iso3, [...(byCountry.get(p.iso3) ?? []), p]);
  const missing = missingSentence(coverage, lang);
  if (byCountry.size === 0) return (lang === 'vi' ? 'Không có số liệu.' : 'No data.') + missing;
  const chosen = focus && byCountry.has(focus) ? [focus] : [...byCountry.keys()].slice(0, 3);
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const parts = chosen.map((iso3) => {
    const series = (byCountry.get(iso3) ?? []).sort((a, b) => a.year - b.year);
    const a = series[0] as Point;
    const b = series.at(-1) as Point;
    return a === b
      ? `${countryName(iso3, lang)}: ${fmt(a.value)} (${a.year})`
      : `${countryName(iso3, lang)}: ${fmt(a.value)} (${a.year}) → ${fmt(b.value)} (${b.year})`;
  });
  const more = byCountry.size - chosen.length;
  const suffix = more > 0 ? (lang === 'vi' ? `; và ${more} nước khác` : `; and ${more} more`) : '';
  return `${parts.join('; ')}${suffix}.${missing}`;
}

/** Pearson correlation, for the scatter description. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export function describeScatter(
  points: readonly { iso3: string; x: number; y: number }[],
  lang: Lang,
  xName: string,
  yName: string,
  coverage?: Coverage,
): string {
  const r = pearson(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  const rText =
    r === null
      ? ''
      : lang === 'vi'
        ? `; hệ số tương quan r = ${formatNumber(r, 2, lang)}`
        : `; correlation r = ${formatNumber(r, 2, lang)}`;
  return lang === 'vi'
    ? `${yName} so với ${xName} cho ${points.length} nước${rText}.${missingSentence(coverage, lang)}`
    : `${yName} against ${xName} for ${points.length} countries${rText}.${missingSentence(coverage, lang)}`;
}

export function describeHeatmap(
  countries: number,
  indicators: number,
  missing: number,
  lang: Lang,
  coverage?: Coverage,
): string {
  return lang === 'vi'
    ? `Điểm chuẩn hoá của ${countries} nước trên ${indicators} chỉ số; ${missing} ô không có số liệu.${missingSentence(coverage, lang)}`
    : `Normalised scores of ${countries} countries on ${indicators} indicators; ${missing} cells have no data.${missingSentence(coverage, lang)}`;
}

export function describeSlope(
  points: readonly Point[],
  fromYear: number,
  toYear: number,
  lang: Lang,
  decimals: number,
  direction: 'higher' | 'lower' | null,
  focus?: string,
): string {
  const both = [...new Set(points.map((p) => p.iso3))]
    .map((iso3) => ({
      iso3,
      a: points.find((p) => p.iso3 === iso3 && p.year === fromYear),
      b: points.find((p) => p.iso3 === iso3 && p.year === toYear),
    }))
    .filter((c): c is { iso3: string; a: Point; b: Point } => c.a !== undefined && c.b !== undefined);
  if (both.length === 0)
    return lang === 'vi' ? 'Không nước nào có số liệu cả hai năm.' : 'No country has values for both years.';
  // "Improvement" follows the indicator's direction: a world rank improves when it falls.
  // A neutral indicator (no better direction) has a largest increase, not an improvement.
  const gain = (c: { a: Point; b: Point }) => (direction === 'lower' ? c.a.value - c.b.value : c.b.value - c.a.value);
  const word =
    direction === null
      ? { en: 'largest increase', vi: 'tăng nhiều nhất' }
      : { en: 'largest improvement', vi: 'cải thiện nhiều nhất' };
  const biggest = [...both].sort((x, y) => gain(y) - gain(x))[0] as { iso3: string; a: Point; b: Point };
  const chosen = both.find((c) => c.iso3 === focus) ?? biggest;
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const change = (c: typeof chosen) => `${countryName(c.iso3, lang)} ${fmt(c.a.value)} → ${fmt(c.b.value)}`;
  return lang === 'vi'
    ? `Từ ${fromYear} đến ${toYear}: ${change(chosen)}${chosen === biggest ? ` (${word.vi})` : `; ${word.vi}: ${change(biggest)}`}.`
    : `From ${fromYear} to ${toYear}: ${change(chosen)}${chosen === biggest ? ` (${word.en})` : `; ${word.en}: ${change(biggest)}`}.`;
}
