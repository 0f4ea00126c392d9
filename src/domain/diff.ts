/** One value identified by indicator, country and year (null year = undated policy figure). */
export interface KeyedValue {
  indicatorCode: string;
  iso3: string;
  year: number | null;
  value: number;
}

export interface ValueChange {
  indicatorCode: string;
  iso3: string;
  year: number | null;
  before: number | null;
  after: number | null;
}

export interface ValueDiff {
  added: ValueChange[];
  changed: ValueChange[];
  removed: ValueChange[];
  /** Identical, or different only below float32 precision (counted here, not as changed). */
  unchanged: number;
  /** Of `unchanged`: values whose float64 differs but rounds to the same float32. */
  float32Only: number;
}

/**
 * A release compared with the previous one, as the ingest reports it: the counts, and the first
 * changes of each kind in key order (a first release of a million values adds a million; the
 * summary needs the number, a dry run shows a few).
 */
export interface ReleaseDiff {
  added: ValueChange[];
  changed: ValueChange[];
  removed: ValueChange[];
  counts: { added: number; changed: number; removed: number };
  unchanged: number;
  float32Only: number;
}

/**
 * The one rule for "changed": two values are the same value when they round to the same float32.
 * Sources such as the WGI publish estimates that went through float32 in one release and not in the
 * next (0.478994995355606 vs 0.4789949953556061): a difference only past the 7th significant digit
 * is an artefact of storage, not a revision. Values are still stored and served exactly as published.
 */
export function sameValue(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isFinite(Math.fround(a)) && Math.fround(a) === Math.fround(b));
}

const keyOf = (v: KeyedValue) => `${v.indicatorCode}|${v.iso3}|${v.year}`;

const compareChanges = (a: ValueChange, b: ValueChange) =>
  a.indicatorCode.localeCompare(b.indicatorCode) || a.iso3.localeCompare(b.iso3) || (a.year ?? -1) - (b.year ?? -1);

/**
 * What a newer set of values adds, changes and removes compared with an older one. A release may
 * be partial (a WDI update of 2020-2023 only): a value counts as removed only if it lies within
 * the years the newer release covers for that indicator, so older years it never meant to
 * replace are not reported as deleted. Values are compared with `sameValue` (float32 tolerance).
 */
export function diffValues(before: readonly KeyedValue[], after: readonly KeyedValue[]): ValueDiff {
  const previous = new Map(before.map((v) => [keyOf(v), v]));
  const covered = new Map<string, { min: number; max: number; undated: boolean }>();
  for (const v of after) {
    const span = covered.get(v.indicatorCode) ?? { min: Infinity, max: -Infinity, undated: false };
    if (v.year === null) span.undated = true;
    else {
      span.min = Math.min(span.min, v.year);
      span.max = Math.max(span.max, v.year);
    }
    covered.set(v.indicatorCode, span);
  }
  const diff: ValueDiff = { added: [], changed: [], removed: [], unchanged: 0, float32Only: 0 };
  const seen = new Set<string>();
  for (const v of after) {
    const key = keyOf(v);
    seen.add(key);
    const old = previous.get(key);
    const change = {
      indicatorCode: v.indicatorCode,
      iso3: v.iso3,
      year: v.year,
      before: old?.value ?? null,
      after: v.value,
    };
    if (!old) diff.added.push(change);
    else if (!sameValue(old.value, v.value)) diff.changed.push(change);
    else {
      diff.unchanged++;
      if (!Object.is(old.value, v.value)) diff.float32Only++;
    }
  }
  for (const old of before) {
    if (seen.has(keyOf(old))) continue;
    const span = covered.get(old.indicatorCode);
    if (!span) continue;
    const inSpan = old.year === null ? span.undated : old.year >= span.min && old.year <= span.max;
    if (inSpan)
      diff.removed.push({
        indicatorCode: old.indicatorCode,
        iso3: old.iso3,
        year: old.year,
        before: old.value,
        after: null,
      });
  }
  diff.added.sort(compareChanges);
  diff.changed.sort(compareChanges);
  diff.removed.sort(compareChanges);
  return diff;
}
