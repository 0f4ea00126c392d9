/**
 * The ASEAN+3 country registry: the single source of truth for codes, names and the spellings
 * that sources use. The database `country` table is seeded from this list at start-up.
 */

export interface Country {
  iso3: string;
  iso2: string;
  /** UN M49 numeric code, zero-padded to three digits as the UN writes it. */
  m49: string;
  nameEn: string;
  nameVi: string;
  /** Spellings found in sources (World Bank, UN DESA, WGI, press). Matching ignores case and punctuation. */
  aliases: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  {
    iso3: 'BRN',
    iso2: 'BN',
    m49: '096',
    nameEn: 'Brunei Darussalam',
    nameVi: 'Bru-nây',
    aliases: ['Brunei', 'Brunei Darussalam', 'Negara Brunei Darussalam'],
  },
  {
    iso3: 'KHM',
    iso2: 'KH',
    m49: '116',
    nameEn: 'Cambodia',
    nameVi: 'Campuchia',
    aliases: ['Cambodia', 'Kingdom of Cambodia', 'Kampuchea'],
  },
  {
    iso3: 'IDN',
    iso2: 'ID',
    m49: '360',
    nameEn: 'Indonesia',
    nameVi: 'In-đô-nê-xi-a',
    aliases: ['Indonesia', 'Republic of Indonesia'],
  },
  {
    iso3: 'LAO',
    iso2: 'LA',
    m49: '418',
    nameEn: 'Lao PDR',
    nameVi: 'Lào',
    aliases: ['Lao PDR', "Lao People's Democratic Republic", 'Laos', 'Lao'],
  },
  {
    iso3: 'MYS',
    iso2: 'MY',
    m49: '458',
    nameEn: 'Malaysia',
    nameVi: 'Ma-lai-xi-a',
    aliases: ['Malaysia'],
  },
  {
    iso3: 'MMR',
    iso2: 'MM',
    m49: '104',
    nameEn: 'Myanmar',
    nameVi: 'Mi-an-ma',
    aliases: ['Myanmar', 'Burma', 'Republic of the Union of Myanmar'],
  },
  {
    iso3: 'PHL',
    iso2: 'PH',
    m49: '608',
    nameEn: 'Philippines',
    nameVi: 'Phi-líp-pin',
    aliases: ['Philippines', 'The Philippines', 'Republic of the Philippines'],
  },
  {
    iso3: 'SGP',
    iso2: 'SG',
    m49: '702',
    nameEn: 'Singapore',
    nameVi: 'Xin-ga-po',
    aliases: ['Singapore', 'Republic of Singapore'],
  },
  {
    iso3: 'THA',
    iso2: 'TH',
    m49: '764',
    nameEn: 'Thailand',
    nameVi: 'Thái Lan',
    aliases: ['Thailand', 'Kingdom of Thailand'],
  },
  {
    iso3: 'VNM',
    iso2: 'VN',
    m49: '704',
    nameEn: 'Viet Nam',
    nameVi: 'Việt Nam',
    aliases: ['Viet Nam', 'Vietnam', 'Socialist Republic of Viet Nam', 'Việt Nam'],
  },
  {
    iso3: 'TLS',
    iso2: 'TL',
    m49: '626',
    nameEn: 'Timor-Leste',
    nameVi: 'Ti-mo Lét-xtê',
    // WGI codes Timor-Leste as TMP (its pre-2002 UNDP code).
    aliases: ['Timor-Leste', 'East Timor', 'Timor Leste', 'Democratic Republic of Timor-Leste', 'TMP'],
  },
  {
    iso3: 'CHN',
    iso2: 'CN',
    m49: '156',
    nameEn: 'China',
    nameVi: 'Trung Quốc',
    aliases: ['China', "People's Republic of China", 'China, PR'],
  },
  {
    iso3: 'JPN',
    iso2: 'JP',
    m49: '392',
    nameEn: 'Japan',
    nameVi: 'Nhật Bản',
    aliases: ['Japan'],
  },
  {
    iso3: 'KOR',
    iso2: 'KR',
    m49: '410',
    nameEn: 'Korea, Rep.',
    nameVi: 'Hàn Quốc',
    aliases: ['Korea, Rep.', 'Korea Rep.', 'Republic of Korea', 'South Korea', 'Korea, Republic of', 'Korea'],
  },
];

const byIso3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));

export function countryByIso3(iso3: string): Country | undefined {
  return byIso3.get(iso3);
}

export function isRegisteredIso3(code: string): boolean {
  return byIso3.has(code);
}

/** For codes that come from the registry itself (memberships): a miss is a programming error. */
export function registeredCountry(iso3: string): Country {
  const country = byIso3.get(iso3);
  if (!country) throw new Error(`${iso3} is not in the country registry`);
  return country;
}
