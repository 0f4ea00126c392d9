import worldCountries from 'i18n-iso-countries';
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { COUNTRIES, isRegisteredIso3 } from './countries.ts';
import { isAggregateCode, OTHER_ECONOMIES } from './non-registry-codes.ts';

worldCountries.registerLocale(englishNames);

/**
 * What a source's country spelling or code turns out to be:
 * - `registered`: one of the 14 ASEAN+3 countries;
 * - `outside`: another country or an aggregate, known not to be ours (skipped and counted by kind);
 * - `unknown`: nothing we recognise (reported by line, so a typo never silently drops a country).
 */
export type CountryResolution =
  | { kind: 'registered'; iso3: string }
  | { kind: 'outside'; code: string; what: 'other country' | 'aggregate' }
  | { kind: 'unknown' };

/** Case-, accent- and punctuation-insensitive key, so "Korea, Rep." and "KOREA REP" meet. */
export function aliasKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const registryIndex = new Map<string, string>();
for (const country of COUNTRIES) {
  for (const spelling of [country.iso3, country.iso2, country.nameEn, country.nameVi, ...country.aliases]) {
    registryIndex.set(aliasKey(spelling), country.iso3);
  }
}

/** Resolves a country name or ISO code as written in a source. */
export function resolveCountry(nameOrCode: string): CountryResolution {
  const trimmed = nameOrCode.trim();
  if (trimmed === '') return { kind: 'unknown' };
  const registered = registryIndex.get(aliasKey(trimmed));
  if (registered) return { kind: 'registered', iso3: registered };
  const worldIso3 = /^[A-Za-z]{3}$/.test(trimmed)
    ? worldCountries.isValid(trimmed.toUpperCase())
      ? trimmed.toUpperCase()
      : undefined
    : worldCountries.getAlpha3Code(trimmed, 'en');
  if (worldIso3 && !isRegisteredIso3(worldIso3)) return { kind: 'outside', code: worldIso3, what: 'other country' };
  return { kind: 'unknown' };
}

/**
 * Resolves an ISO3-style code column (World Bank bulk files, tidy files). Only codes known not to be
 * ours are `outside`: other ISO 3166-1 countries, other economies, and aggregates such as WLD or
 * EAS. Any other code (VMN for VNM, XYZ) is `unknown`, so a typo never silently drops a country.
 */
export function resolveCountryCode(code: string): CountryResolution {
  const trimmed = code.trim();
  const registered = registryIndex.get(aliasKey(trimmed));
  if (registered) return { kind: 'registered', iso3: registered };
  if (isAggregateCode(trimmed)) return { kind: 'outside', code: trimmed, what: 'aggregate' };
  if (OTHER_ECONOMIES.has(trimmed) || (/^[A-Z]{3}$/.test(trimmed) && worldCountries.isValid(trimmed)))
    return { kind: 'outside', code: trimmed, what: 'other country' };
  return { kind: 'unknown' };
}
