/** The language a brief document declares (PDF /Lang, Word's run language), for screen readers and spell-check. */
export const DOCUMENT_LANGUAGE: Readonly<Record<'en' | 'vi', string>> = { en: 'en', vi: 'vi-VN' };
