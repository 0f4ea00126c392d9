import { better, type Direction } from './direction.ts';
import { present } from './stats.ts';

/** Competition ranking ("1224"): 1 is best; tied values share the rank, the next rank skips. */
export function competitionRank(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const xs = present(values);
  return values.map((v) => (v === null ? null : 1 + xs.filter((other) => better(other, v, direction)).length));
}

export interface RankedEntry<T> {
  item: T;
  rank: number;
}

/** Orders items best first by `value` with competition ranks ("1224"); ties keep ISO3 order. */
export function rankCountries<T extends { iso3: string; value: number }>(
  items: readonly T[],
  direction: Direction,
): RankedEntry<T>[] {
  const ranks = competitionRank(
    items.map((i) => i.value),
    direction,
  );
  return items
    .map((item, i) => ({ item, rank: ranks[i] as number }))
    .sort((a, b) => a.rank - b.rank || a.item.iso3.localeCompare(b.item.iso3));
}

export interface Coverage {
  reporting: number;
  members: number;
  /** Members with no usable value, by ISO3. */
  missing: string[];
}

export function coverageOf(members: readonly string[], reporting: Iterable<string>): Coverage {
  const have = new Set(reporting);
  const counted = members.filter((m) => have.has(m));
  return { reporting: counted.length, members: members.length, missing: members.filter((m) => !have.has(m)) };
}
