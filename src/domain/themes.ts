/** The themes every indicator belongs to. */
export const THEMES = ['digital-government', 'effectiveness', 'workforce-and-pay', 'training', 'context'] as const;

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
