/** The two languages every answer comes in. */
type Lang = 'en' | 'vi';

/** How a source is named and licensed, in English and (CivScope's translation) in Vietnamese. */
export interface SourceWords {
  name: string;
  publisher: string;
  licence: string;
  /** Null only in a database loaded before the translations, until start-up rewrites the source. */
  name_vi?: string | null;
  publisher_vi?: string | null;
  licence_vi?: string | null;
}

/** A source's name, publisher and licence in `lang`; the English stands in only where no translation is stored. */
export function sourceText(source: SourceWords, lang: Lang): { name: string; publisher: string; licence: string } {
  if (lang === 'en') return { name: source.name, publisher: source.publisher, licence: source.licence };
  return {
    name: source.name_vi ?? source.name,
    publisher: source.publisher_vi ?? source.publisher,
    licence: source.licence_vi ?? source.licence,
  };
}

/** "Worldwide Governance Indicators: CC BY 4.0; …": every licence behind a response, once each. */
export function licenceLine(sources: readonly SourceWords[], lang: Lang = 'en'): string {
  return [
    ...new Set(
      sources.map((s) => {
        const text = sourceText(s, lang);
        return `${text.name}: ${text.licence}`;
      }),
    ),
  ].join('; ');
}
