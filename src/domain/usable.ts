/**
 * Flags that mark a published value as not comparable with the indicator's other values: "no
 * data" (a 0 standing for a gap), or a value in another unit than the indicator's (China's class
 * hours among clock hours), which would put two units on one axis.
 */
export const NO_DATA_FLAGS: readonly string[] = ['zero-no-data', 'other-unit'];

/**
 * The not-comparable rule, in one place: a value so flagged is shown as published but never
 * computed with (no rank, score, aggregate, normalisation, chart mark or "previous value").
 */
export function usable(observation: { flag: string | null }): boolean {
  return !NO_DATA_FLAGS.includes(observation.flag ?? '');
}
