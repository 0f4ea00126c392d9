/**
 * Indicators that answer a question with yes (1) or no (0), such as whether the law sets an annual
 * minimum training time. Their values are answers, not amounts: a rank, a 0–100 score, a median
 * or a bar length would invent an order between countries that only differ in their answer.
 */
export const YES_NO_SCALE = 'yes-no';

export type Answer = 'yes' | 'no';

export function isYesNo(indicator: { scale: string | null }): boolean {
  return indicator.scale === YES_NO_SCALE;
}

/** The answer a value codes; anything but exactly 0 or 1 is not an answer (ingest refuses it). */
export function answerOf(value: number): Answer | null {
  if (value === 1) return 'yes';
  if (value === 0) return 'no';
  return null;
}

/** How many countries answered yes and no. */
export function tallyOf(values: readonly number[]): { yes: number; no: number } {
  return {
    yes: values.filter((v) => v === 1).length,
    no: values.filter((v) => v === 0).length,
  };
}
