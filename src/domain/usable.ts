/** Flags that mark a published value as "no data" (e.g. a 0 standing for a gap). */
export const NO_DATA_FLAGS: readonly string[] = ['zero-no-data'];

/**
 * The no-data rule, in one place: a value flagged as no data is shown as published but never
 * computed with (no rank, score, aggregate, normalisation, chart mark or "previous value").
 */
export function usable(observation: { flag: string | null }): boolean {
  return !NO_DATA_FLAGS.includes(observation.flag ?? '');
}
