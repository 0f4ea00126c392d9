import { countryName, formatNumber, type Lang, ordinal } from './locale.ts';

/**
 * Alt text generated from the data: a sentence a screen reader can say and a report can print
 * under the chart. Numbers use the indicator's decimals and the language's decimal mark.
 */

interface Ranked {
  iso3: string;
  value: number;
  rank: number;
}

export function describeRanking(rows: readonly Ranked[], lang: Lang, decimals: number, focus?: string): string {
  const first = rows[0];
  if (!first) return lang === 'vi' ? 'Không có số liệu.' : 'No data.';
  const n = rows.length;
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const tiedFirst = rows.filter((r) => r.rank === 1).length > 1;
  const lead =
    lang === 'vi'
      ? `${countryName(first.iso3, lang)} đứng ${tiedFirst ? 'đồng hạng nhất' : 'thứ nhất'} trong ${n} nước với ${fmt(first.value)}`
      : `${countryName(first.iso3, lang)} ranks ${tiedFirst ? 'joint first' : 'first'} of ${n} at ${fmt(first.value)}`;
  const other = rows.find((r) => r.iso3 === focus && r.iso3 !== first.iso3) ?? (focus ? undefined : rows.at(-1));
  if (!other || other.iso3 === first.iso3) return `${lead}.`;
  const tail =
    lang === 'vi'
      ? `${countryName(other.iso3, lang)} đứng ${ordinal(other.rank, lang)} với ${fmt(other.value)}`
      : `${countryName(other.iso3, lang)} is ${ordinal(other.rank, lang)} at ${fmt(other.value)}`;
  return `${lead}; ${tail}.`;
}

interface Point {
  iso3: string;
  year: number;
  value: number;
}

/** "Viet Nam: 0.357 (2003) → 0.771 (2024)" for the focus country, or the first few. */
export function describeSeries(points: readonly Point[], lang: Lang, decimals: number, focus?: string): string {
  const byCountry = new Map<string, Point[]>();
  for (const p of points) byCountry.set(p.iso3, [...(byCountry.get(p.iso3) ?? []), p]);
  if (byCountry.size === 0) return lang === 'vi' ? 'Không có số liệu.' : 'No data.';
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
  return `${parts.join('; ')}${suffix}.`;
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
    ? `${yName} so với ${xName} cho ${points.length} nước${rText}.`
    : `${yName} against ${xName} for ${points.length} countries${rText}.`;
}

export function describeHeatmap(countries: number, indicators: number, missing: number, lang: Lang): string {
  return lang === 'vi'
    ? `Điểm chuẩn hoá của ${countries} nước trên ${indicators} chỉ số; ${missing} ô không có số liệu.`
    : `Normalised scores of ${countries} countries on ${indicators} indicators; ${missing} cells have no data.`;
}

export function describeSlope(
  points: readonly Point[],
  fromYear: number,
  toYear: number,
  lang: Lang,
  decimals: number,
  direction: 'higher' | 'lower',
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
  const gain = (c: { a: Point; b: Point }) => (direction === 'higher' ? c.b.value - c.a.value : c.a.value - c.b.value);
  const biggest = [...both].sort((x, y) => gain(y) - gain(x))[0] as { iso3: string; a: Point; b: Point };
  const chosen = both.find((c) => c.iso3 === focus) ?? biggest;
  const fmt = (v: number) => formatNumber(v, decimals, lang);
  const change = (c: typeof chosen) => `${countryName(c.iso3, lang)} ${fmt(c.a.value)} → ${fmt(c.b.value)}`;
  return lang === 'vi'
    ? `Từ ${fromYear} đến ${toYear}: ${change(chosen)}${chosen === biggest ? ' (cải thiện nhiều nhất)' : `; cải thiện nhiều nhất: ${change(biggest)}`}.`
    : `From ${fromYear} to ${toYear}: ${change(chosen)}${chosen === biggest ? ' (largest improvement)' : `; largest improvement: ${change(biggest)}`}.`;
}
