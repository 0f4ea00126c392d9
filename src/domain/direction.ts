/** `higher_is_better` of the indicator; indicators without a direction are treated as "higher". */
export type Direction = 'higher' | 'lower';

export function directionOf(higherIsBetter: boolean | null): Direction {
  return higherIsBetter === false ? 'lower' : 'higher';
}

/** Is `a` better than `b` in this direction? */
export const better = (a: number, b: number, direction: Direction) => (direction === 'higher' ? a > b : a < b);
