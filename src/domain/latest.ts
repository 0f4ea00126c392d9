/** Selecting by recency, over rows that carry a country and a year. */

interface Dated {
  iso3: string;
  year: number | null;
}

/**
 * Each country's most recent dated row (rows of one indicator); a country whose only row has no
 * stated year (a policy figure from an undated text) keeps that row, shown as "year not stated"
 * rather than dropped as missing. A dated row always wins over an undated one.
 */
export function latestPerCountry<T extends Dated>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const current = latest.get(row.iso3);
    if (!current || (row.year !== null && (current.year ?? -Infinity) < row.year)) latest.set(row.iso3, row);
  }
  return [...latest.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
}

/** Drops rows older than `maxAge` years before the newest year among them (undated rows stay). */
export function dropOlderThan<T extends Dated>(rows: readonly T[], maxAge: number): T[] {
  const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
  if (years.length === 0) return [...rows];
  const newest = Math.max(...years);
  return rows.filter((r) => r.year === null || r.year >= newest - maxAge);
}

/**
 * Each country's row for `year`, or failing that (like the World Bank's mrnev) its row from the
 * nearest year with data (a tie goes to the earlier year) or, with `previous`, the latest earlier
 * year — never more than `maxAge` years away. Undated rows never count.
 */
export function fallbackPerCountry<T extends Dated>(
  rows: readonly T[],
  year: number,
  mode: 'nearest' | 'previous',
  maxAge = Number.POSITIVE_INFINITY,
): T[] {
  const best = new Map<string, T>();
  const distance = (r: T) => Math.abs((r.year as number) - year);
  for (const row of rows) {
    if (row.year === null || distance(row) > maxAge || (mode === 'previous' && row.year > year)) continue;
    const current = best.get(row.iso3);
    const closer = !current || distance(row) < distance(current);
    const tieEarlier = current && distance(row) === distance(current) && row.year < (current.year as number);
    if (closer || tieEarlier) best.set(row.iso3, row);
  }
  return [...best.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
}
