import worldCountries from 'i18n-iso-countries';
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { COUNTRIES, isRegisteredIso3 } from './countries.ts';

worldCountries.registerLocale(englishNames);

/**
 * What a source's country spelling or code turns out to be:
 * - `registered`: one of the 14 ASEAN+3 countries;
 * - `outside`: a real country or aggregate outside the registry (skipped and counted by ingestion);
 * - `unknown`: nothing we recognise (reported by line, so a typo never silently drops a country).
 */
export type CountryResolution =
  | { kind: 'registered'; iso3: string }
  | { kind: 'outside'; code: string }
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
  if (worldIso3 && !isRegisteredIso3(worldIso3)) return { kind: 'outside', code: worldIso3 };
  return { kind: 'unknown' };
}

/**
 * Resolves an ISO3-style code column (World Bank bulk files, tidy files). World Bank aggregates
 * such as WLD or EAS are three upper-case letters too; they are outside the registry, not errors.
 */
export function resolveCountryCode(code: string): CountryResolution {
  const trimmed = code.trim();
  const registered = registryIndex.get(aliasKey(trimmed));
  if (registered) return { kind: 'registered', iso3: registered };
  if (/^[A-Z0-9]{3}$/.test(trimmed)) return { kind: 'outside', code: trimmed };
  return { kind: 'unknown' };
}
