/**
 * The themes every indicator belongs to. They follow the ACCSM agenda: an analyst preparing a
 * meeting looks for leadership, HR and talent, productivity and service delivery, digital
 * transformation, training, integrity, workforce and pay — and context (population, income,
 * voice, stability) to read them against.
 */
export const THEMES = [
  'leadership',
  'hr-and-talent',
  'productivity-and-delivery',
  'digital-transformation',
  'training-and-learning',
  'integrity',
  'workforce-and-pay',
  'context',
] as const;

export type Theme = (typeof THEMES)[number];

export const THEME_NAMES: Readonly<Record<Theme, { en: string; vi: string }>> = {
  leadership: { en: 'Leadership and strategy', vi: 'Lãnh đạo và chiến lược' },
  'hr-and-talent': { en: 'HR management and talent', vi: 'Quản lý nhân sự và nhân tài' },
  'productivity-and-delivery': {
    en: 'Productivity and public service delivery',
    vi: 'Năng suất và cung cấp dịch vụ công',
  },
  'digital-transformation': { en: 'Digital transformation', vi: 'Chuyển đổi số' },
  'training-and-learning': { en: 'Training and learning', vi: 'Đào tạo, bồi dưỡng và học tập' },
  integrity: { en: 'Integrity and impartiality', vi: 'Liêm chính và công tâm' },
  'workforce-and-pay': { en: 'Workforce and pay', vi: 'Lực lượng lao động và tiền lương' },
  context: { en: 'Context', vi: 'Bối cảnh' },
};

/**
 * Theme names used before the agenda taxonomy (2026-11). They stay accepted, with the meaning
 * they had: each old theme became part of one or more new themes, and held only the indicators
 * of certain sources. An old name therefore selects those new themes within those sources, so a
 * bookmarked `?theme=digital-government` still lists the six UN e-government series and nothing
 * added since. Use the new names for everything the agenda themes now hold.
 */
export const LEGACY_THEMES = {
  'digital-government': { themes: ['digital-transformation'], sources: ['un-egov'] },
  effectiveness: { themes: ['productivity-and-delivery', 'integrity'], sources: ['wb-wgi'] },
  training: { themes: ['training-and-learning'], sources: ['civscope-training'] },
} as const satisfies Record<string, { themes: readonly Theme[]; sources: readonly string[] }>;

export type LegacyTheme = keyof typeof LEGACY_THEMES;

/** Every name the `theme` parameter accepts: the agenda themes, then the old aliases. */
export const THEME_PARAMETER_VALUES = [...THEMES, ...(Object.keys(LEGACY_THEMES) as LegacyTheme[])] as [
  Theme | LegacyTheme,
  ...(Theme | LegacyTheme)[],
];

/** Which indicators a `theme` parameter selects: some themes, optionally within some sources. */
export interface ThemeSelection {
  themes: readonly Theme[];
  sources?: readonly string[];
}

export function selectTheme(name: Theme | LegacyTheme): ThemeSelection {
  if (name in LEGACY_THEMES) return LEGACY_THEMES[name as LegacyTheme];
  return { themes: [name as Theme] };
}

/**
 * What kind of quantity an indicator measures. It decides which transformations make sense:
 * only `count` and `amount` (totals that grow with population) can be divided by population;
 * `source-count` counts data sources, not people or money.
 */
export const SCALES = [
  'index',
  'score',
  'percentile',
  'rank',
  'share',
  'percent',
  'count',
  'source-count',
  'amount',
  'amount-per-capita',
  'coefficient',
  'probability',
  'mandate',
] as const;

/** Levels of a composite source's hierarchy (the Blavatnik Index: index → domain → theme → indicator). */
export const HIERARCHY_LEVELS = ['index', 'domain', 'theme', 'indicator'] as const;
