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
 * `source-count` counts data sources, not people or money; `yes-no` is an answer coded 1 or 0,
 * never ranked, scored or averaged (see yes-no.ts).
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
  'yes-no',
] as const;

/** Levels of a composite source's hierarchy (the Blavatnik Index: index → domain → theme → indicator). */
export const HIERARCHY_LEVELS = ['index', 'domain', 'theme', 'indicator'] as const;

/**
 * What an indicator measures, where it decides how a theme reads: people's `use` of something
 * (adults paying bills online: adoption) or what governments `supply` (online services, portals).
 * Digital transformation is judged on adoption, not only on what is offered.
 */
export const INDICATOR_MEASURES = ['use', 'supply'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/**
 * What the world's data offer on a theme beyond what CivScope serves: what was searched and not
 * found, so a thin theme says why. Shown by /v1/themes beside the measured coverage.
 */
export const THEME_EVIDENCE_NOTES: Readonly<Partial<Record<Theme, { en: string; vi: string }>>> = {
  'training-and-learning': {
    en: 'No internationally comparable measure of civil-service training exists for ASEAN+3. The Blavatnik Index 2024 defines a Learning & development indicator but publishes no value for any of these countries (its only source, the OECD Public Service Leadership and Capability survey, covers OECD/EU members); the QoG Expert Survey 2020 asks nothing about training. What is served are policy mandates from national texts (the minimum days or hours a civil servant must train): policy, not measured training, in units that differ by country.',
    vi: 'Chưa có thước đo quốc tế có thể so sánh về đào tạo, bồi dưỡng công chức cho ASEAN+3. Chỉ số Blavatnik 2024 có định nghĩa chỉ số Học tập và phát triển nhưng không công bố giá trị nào cho các nước này (nguồn duy nhất là khảo sát Năng lực và lãnh đạo công vụ của OECD, chỉ gồm các nước OECD/EU); Khảo sát chuyên gia QoG 2020 không có câu hỏi về đào tạo. Dữ liệu hiện có là quy định chính sách trong văn bản quốc gia (số ngày hoặc số giờ đào tạo tối thiểu của công chức): là quy định, không phải số liệu đo lường thực tế, và đơn vị khác nhau giữa các nước.',
  },
  'hr-and-talent': {
    en: 'No source measures talent management or succession planning in ASEAN+3 civil services. Merit, patronage, tenure and closedness are expert estimates (QoG Expert Survey 2020); the Blavatnik Index HR management theme draws on the same QoG items and on V-Dem, so the two are not independent evidence.',
    vi: 'Chưa có nguồn nào đo lường quản lý nhân tài hay quy hoạch kế cận trong nền công vụ ASEAN+3. Năng lực, quan hệ, tính ổn định và tính khép kín là ước lượng của chuyên gia (Khảo sát chuyên gia QoG 2020); chủ đề Quản lý nhân sự của Chỉ số Blavatnik dùng chính các câu hỏi QoG đó và V-Dem, nên hai nguồn không phải bằng chứng độc lập.',
  },
};
