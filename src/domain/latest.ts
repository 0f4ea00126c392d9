/** Selecting by recency, over rows that carry a country and a year. */

interface Dated {
  iso3: string;
  year: number | null;
}

/** Each country's most recent dated row (rows of one indicator). Undated rows never count as recent. */
export function latestPerCountry<T extends Dated>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    if (row.year === null) continue;
    const current = latest.get(row.iso3);
    if (!current || (current.year ?? -Infinity) < row.year) latest.set(row.iso3, row);
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
