import { THEME_NAMES, type Theme } from './themes.ts';

/**
 * Finding indicators by what an analyst types, in English or Vietnamese, with or without
 * diacritics ("nang suat" finds "năng suất"): one rule for the API (`/v1/indicators?q=`) and the
 * explorer's search box, so a partner system and the page give the same answer.
 */

/** Lower case without diacritics; đ → d. "Năng SUẤT" → "nang suat". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase();
}

/**
 * Words people use for each agenda theme that its indicators' names may not contain, in both
 * languages (written with diacritics; matched folded). A query naming the theme finds all its
 * indicators.
 */
export const THEME_SYNONYMS: Readonly<Record<Theme, readonly string[]>> = {
  leadership: [
    'leadership',
    'leaders',
    'strategy',
    'senior civil service',
    'lãnh đạo',
    'chiến lược',
    'quản lý cấp cao',
  ],
  'hr-and-talent': [
    'human resources',
    'HR',
    'talent',
    'merit',
    'recruitment',
    'personnel',
    'nhân sự',
    'nhân tài',
    'tuyển dụng',
    'thực tài',
    'quản lý nhân sự',
    'cán bộ công chức',
  ],
  'productivity-and-delivery': [
    'productivity',
    'efficiency',
    'effectiveness',
    'public service delivery',
    'service quality',
    'năng suất',
    'năng suất lao động',
    'hiệu quả',
    'hiệu lực',
    'dịch vụ công',
    'cung cấp dịch vụ công',
    'chất lượng dịch vụ',
    'cải cách hành chính',
  ],
  'digital-transformation': [
    'digital',
    'digital government',
    'e-government',
    'online services',
    'online public services',
    'digital payments',
    'chuyển đổi số',
    'chính phủ điện tử',
    'chính phủ số',
    'dịch vụ công trực tuyến',
    'dịch vụ trực tuyến',
    'thanh toán số',
    'số hoá',
  ],
  'training-and-learning': [
    'training',
    'learning',
    'capacity building',
    'skills',
    'đào tạo',
    'bồi dưỡng',
    'đào tạo bồi dưỡng',
    'học tập',
    'nâng cao năng lực',
    'kỹ năng',
  ],
  integrity: [
    'integrity',
    'corruption',
    'anti-corruption',
    'rule of law',
    'impartiality',
    'transparency',
    'liêm chính',
    'tham nhũng',
    'phòng chống tham nhũng',
    'pháp quyền',
    'công tâm',
    'minh bạch',
  ],
  'workforce-and-pay': [
    'workforce',
    'public employment',
    'wage',
    'wage bill',
    'salary',
    'pay',
    'lực lượng lao động',
    'việc làm khu vực công',
    'tiền lương',
    'lương',
    'quỹ lương',
    'biên chế',
  ],
  context: ['population', 'GDP', 'income', 'dân số', 'thu nhập', 'bối cảnh'],
};

export interface Searchable {
  code: string;
  name_en: string;
  name_vi: string;
  definition: string;
  definition_vi: string | null;
  theme: string;
  /** Countries with a value: among equally relevant indicators, the better covered come first. */
  countries?: number;
}

export interface SearchHit<T> {
  indicator: T;
  /** Higher first: name and code weigh most, then theme names and synonyms, then definitions. */
  relevance: number;
}

/** Words of a text, folded; codes split at their dots and underscores (IT.NET.USER.ZS → it net user zs). */
const words = (text: string) =>
  foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** A query word as it is matched: an English plural loses its s ("users" finds "user"). */
const queryWord = (word: string) =>
  word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

/**
 * A query word finds a word of the text that it starts ("tuyen" finds "tuyến", "tuyển dụng"), but a
 * word of one or two letters must be the whole word: "nu" is "nữ", not the start of "nước".
 */
const finds = (q: string, word: string) => (q.length <= 2 ? word === q : word.startsWith(q));

function wordsFound(query: readonly string[], text: readonly string[]): boolean {
  return query.every((q) => text.some((w) => finds(q, w)));
}

function phraseIn(query: string, texts: readonly string[]): boolean {
  return texts.some((t) => ` ${words(t).join(' ')} `.includes(` ${query}`));
}

/**
 * The indicators matching `query`, most relevant first. Every word of the query must be found in
 * the indicator's names, code, definitions, theme names or theme synonyms; the whole phrase in a
 * name or theme counts most. An empty query matches nothing.
 */
export function searchIndicators<T extends Searchable>(indicators: readonly T[], query: string): SearchHit<T>[] {
  const q = words(query).map(queryWord);
  if (q.length === 0) return [];
  const phrase = q.join(' ');
  const code = foldText(query.trim());
  const hits: SearchHit<T>[] = [];
  for (const indicator of indicators) {
    const names = [indicator.name_en, indicator.name_vi];
    const theme = THEME_NAMES[indicator.theme as Theme];
    const themeTexts = theme ? [theme.en, theme.vi, ...(THEME_SYNONYMS[indicator.theme as Theme] ?? [])] : [];
    const definitions = [indicator.definition, indicator.definition_vi ?? ''];
    const all = [indicator.code, ...names, ...themeTexts, ...definitions].flatMap(words);
    if (!wordsFound(q, all)) continue;
    let relevance = 0;
    if (foldText(indicator.code) === code) relevance += 100;
    // The whole phrase counts once, where it stands highest: a name, else the theme, else a definition.
    if (phraseIn(phrase, names)) relevance += 40;
    else if (phraseIn(phrase, themeTexts)) relevance += 20;
    else if (phraseIn(phrase, definitions)) relevance += 5;
    const nameWords = [indicator.code, ...names].flatMap(words);
    relevance += 4 * q.filter((w) => nameWords.some((n) => finds(w, n))).length;
    hits.push({ indicator, relevance });
  }
  return hits.sort(
    (a, b) =>
      b.relevance - a.relevance ||
      (b.indicator.countries ?? 0) - (a.indicator.countries ?? 0) ||
      // The main series before its bounds and errors: "Estimate" before "Estimate, lower bound …".
      a.indicator.name_en.length - b.indicator.name_en.length ||
      a.indicator.code.localeCompare(b.indicator.code),
  );
}

/** The themes whose English or Vietnamese name, or one of whose synonyms, holds the whole query. */
export function searchThemes(query: string): Theme[] {
  const phrase = words(query).join(' ');
  if (!phrase) return [];
  return (Object.keys(THEME_NAMES) as Theme[]).filter((theme) =>
    phraseIn(phrase, [THEME_NAMES[theme].en, THEME_NAMES[theme].vi, ...THEME_SYNONYMS[theme]]),
  );
}
