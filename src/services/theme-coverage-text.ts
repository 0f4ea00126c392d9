import { countryByIso3 } from '../domain/countries.ts';
import type { Theme } from '../domain/themes.ts';

/** What a theme's coverage amounts to, as the sentences below need it. */
export interface ThemeEvidence {
  theme: Theme;
  indicators: number;
  indicatorsWithValues: number;
  /** The organisations publishing the indicators with values (publisherOrganisation). */
  publishers: string[];
  /** The same organisations, named in Vietnamese (the source's publisher_vi). */
  publishersVi: string[];
  wellCoveredIndicators: number;
  wellCoveredPublishers: string[];
  countriesWithAny: string[];
  countriesWithNothing: string[];
  /** Of the countries with nothing, those whose values were searched for in their texts and not found. */
  searchedNotFound: string[];
  bestCountries: number;
  latestYear: number | null;
}

const names = (codes: string[], lang: 'en' | 'vi') =>
  codes.map((iso3) => (lang === 'en' ? countryByIso3(iso3)?.nameEn : countryByIso3(iso3)?.nameVi) ?? iso3).join(', ');

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** "Korea, Rep." already ends the sentence. */
const stop = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/**
 * The gap in words, English and Vietnamese: null when the theme meets the rule and every country
 * has something. Thin evidence says how many indicators and publishers there are, how many reach
 * the threshold, and which countries have nothing at all.
 */
export function gapSentences(e: ThemeEvidence, adequate: boolean, threshold = 10): { en: string; vi: string } | null {
  const total = e.countriesWithAny.length + e.countriesWithNothing.length;
  const nothingEn =
    e.countriesWithAny.length === 0
      ? `No value for any of the ${total} countries.`
      : e.countriesWithNothing.length > 0
        ? stop(
            `No value at all for ${e.countriesWithNothing.length} of ${total}: ${names(e.countriesWithNothing, 'en')}`,
          )
        : '';
  const nothingVi =
    e.countriesWithAny.length === 0
      ? `Không có giá trị nào cho cả ${total} nước.`
      : e.countriesWithNothing.length > 0
        ? stop(
            `${e.countriesWithNothing.length}/${total} nước không có giá trị nào: ${names(e.countriesWithNothing, 'vi')}`,
          )
        : '';
  // The countries with nothing that were looked for in their own texts: all of them, or which.
  const searched = e.searchedNotFound;
  const all = searched.length === e.countriesWithNothing.length;
  const searchedEn =
    searched.length === 0
      ? ''
      : all
        ? `Each was searched for in its own texts and nothing was found.`
        : stop(`Of these, searched for in their texts and not found: ${names(searched, 'en')}`);
  const searchedVi =
    searched.length === 0
      ? ''
      : all
        ? `Đã tìm trong văn bản của từng nước nhưng không thấy.`
        : stop(`Trong đó, đã tìm trong văn bản nhưng không thấy: ${names(searched, 'vi')}`);
  if (adequate)
    return nothingEn ? { en: `${nothingEn} ${searchedEn}`.trim(), vi: `${nothingVi} ${searchedVi}`.trim() } : null;
  const publishersText = e.publishers.length > 0 ? ` (${e.publishers.join(', ')})` : '';
  const publishersTextVi = e.publishersVi.length > 0 ? ` (${e.publishersVi.join(', ')})` : '';
  const en = [
    `Thin evidence: ${plural(e.indicatorsWithValues, 'indicator', 'indicators')} from ${plural(e.publishers.length, 'publisher', 'publishers')}${publishersText} ${e.indicatorsWithValues === 1 ? 'has' : 'have'} values;`,
    e.wellCoveredIndicators === 0
      ? `none covers ${threshold} of the ${total} countries, where 2 indicators from 2 publishers are needed.`
      : `${e.wellCoveredIndicators} (from ${plural(e.wellCoveredPublishers.length, 'publisher', 'publishers')}) cover at least ${threshold} of the ${total} countries, where 2 from 2 publishers are needed.`,
    nothingEn,
    searchedEn,
  ];
  const vi = [
    `Bằng chứng còn mỏng: ${e.indicatorsWithValues} chỉ số của ${e.publishers.length} tổ chức công bố${publishersTextVi} có giá trị;`,
    e.wellCoveredIndicators === 0
      ? `không chỉ số nào có số liệu cho ${threshold}/${total} nước, trong khi cần ít nhất 2 chỉ số từ 2 tổ chức công bố.`
      : `${e.wellCoveredIndicators} chỉ số (của ${e.wellCoveredPublishers.length} tổ chức công bố) có số liệu cho ít nhất ${threshold}/${total} nước, trong khi cần ít nhất 2 chỉ số từ 2 tổ chức công bố.`,
    nothingVi,
    searchedVi,
  ];
  return { en: en.join(' ').trim(), vi: vi.join(' ').trim() };
}
