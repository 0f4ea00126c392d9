/** Years a country's inputs and outputs may lie apart unless a request says otherwise: the same or adjacent years. */
export const DEFAULT_MAX_GAP = 1;

/** One dated value of a series, and the release it comes from. */
export interface DatedCell {
  value: number;
  year: number;
  release: string;
}

/** The years a country's inputs and outputs are read from, and the value of each series. */
export interface AlignedCells {
  /** The earliest and latest year among the values used (equal when all share one year). */
  from: number;
  to: number;
  cells: Map<string, DatedCell>;
}

/**
 * A country's inputs and outputs from the same years: the latest window of `maxGap + 1` years
 * ([Y, Y + maxGap]) in which every series has a value, each series giving its latest value in the
 * window. One score built from a wage bill of 2019 and an effectiveness estimate of 2023 would
 * compare nothing; `maxGap` 0 asks for one year. The windows tried start at each year some series
 * has a value, latest first. Null when no window holds every series.
 */
export function alignYears(series: ReadonlyMap<string, readonly DatedCell[]>, maxGap: number): AlignedCells | null {
  const starts = [...new Set([...series.values()].flatMap((list) => list.map((c) => c.year)))].sort((a, b) => b - a);
  for (const start of starts) {
    const cells = new Map<string, DatedCell>();
    for (const [code, list] of series) {
      const inWindow = list.filter((c) => c.year >= start && c.year <= start + maxGap);
      const latest = inWindow.reduce<DatedCell | undefined>(
        (best, c) => (!best || c.year > best.year ? c : best),
        undefined,
      );
      if (!latest) break;
      cells.set(code, latest);
    }
    if (cells.size === series.size && series.size > 0) {
      const years = [...cells.values()].map((c) => c.year);
      return { from: Math.min(...years), to: Math.max(...years), cells };
    }
  }
  return null;
}
