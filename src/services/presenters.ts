import { type Country, countryByIso3 } from '../domain/countries.ts';
import type { IndicatorRow, ReleaseRow } from '../db/schema.ts';
import { hasVietnameseUnit, unitLabel } from '../charts/locale.ts';

/** Database and domain rows → the JSON shapes of the API. One place, so every route agrees. */

export function presentCountry(c: Country) {
  return { iso3: c.iso3, iso2: c.iso2, m49: c.m49, name: { en: c.nameEn, vi: c.nameVi }, aliases: [...c.aliases] };
}

export function presentIndicator(i: IndicatorRow) {
  return {
    code: i.code,
    name: { en: i.name_en, vi: i.name_vi },
    theme: i.theme,
    unit: i.unit,
    unit_vi: hasVietnameseUnit(i.unit) ? unitLabel(i.unit, 'vi') : null,
    scale: i.scale,
    higher_is_better: i.higher_is_better,
    decimals: i.decimals,
    definition: i.definition,
    caveats: i.caveats,
    definition_vi: i.definition_vi,
    caveats_vi: i.caveats_vi,
    source_id: i.source_id,
    measures: i.measures,
    hierarchy:
      i.level === null && i.parent_code === null && i.rank_scope_en === null
        ? null
        : {
            level: i.level,
            parent: i.parent_code,
            rank_scope:
              i.rank_scope_en === null ? null : { en: i.rank_scope_en, vi: i.rank_scope_vi ?? i.rank_scope_en },
          },
  };
}

export function presentRelease(r: ReleaseRow) {
  return {
    id: r.id,
    source_id: r.source_id,
    label: r.label,
    label_vi: r.label_vi ?? r.label,
    format: r.format,
    published_on: r.published_on,
    retrieved_on: r.retrieved_on,
    file_name: r.file_name,
    sha256: r.sha256,
    row_count: r.row_count,
    notes: r.notes,
    notes_vi: r.notes_vi || r.notes,
    method_revision: r.method_revision_en
      ? { en: r.method_revision_en, vi: r.method_revision_vi ?? r.method_revision_en }
      : null,
  };
}

/** A country's name in the response language; an unregistered code stays as it is. */
export function countryLabel(iso3: string, lang: 'en' | 'vi'): string {
  const country = countryByIso3(iso3);
  return country ? (lang === 'vi' ? country.nameVi : country.nameEn) : iso3;
}

/**
 * A value as a response in `lang` gives it: the country's name and the note in that language (the
 * English note where a database loaded before the translations has none yet).
 */
export function inLanguage<T extends { iso3: string; country: string; note: string | null; note_vi: string | null }>(
  point: T,
  lang: 'en' | 'vi',
): Omit<T, 'note_vi'> {
  const { note_vi, ...rest } = point;
  if (lang === 'en') return rest;
  return { ...rest, country: countryLabel(point.iso3, 'vi'), note: note_vi ?? point.note };
}
