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

export function yearsLine(q: { year?: number; from?: number; to?: number; latest?: boolean }, lang: Lang): string {
  if (q.year !== undefined) return String(q.year);
  if (q.from !== undefined || q.to !== undefined) return `${q.from ?? '…'}–${q.to ?? '…'}`;
  return label(lang, 'latest');
}

export function normalisationLine(method: string | null | undefined, lang: Lang): string | null {
  return method ? `${label(lang, 'normalised')}: ${method}` : null;
}

export function footerLines(
  provenance: { sources: { publisher: string; licence: string }[]; releases: { id: string; published_on: string }[] },
  lang: Lang,
): string[] {
  const publishers = [...new Set(provenance.sources.map((s) => s.publisher))].join('; ');
  const licences = [...new Set(provenance.sources.map((s) => s.licence))].join('; ');
  const releases = provenance.releases.map((r) => `${r.id} (${r.published_on})`).join(', ');
  return [
    `${label(lang, 'source')}: ${publishers || '—'}`,
    `${label(lang, 'licence')}: ${licences || '—'}`,
    `${label(lang, 'release')}: ${releases || '—'}`,
  ];
}
