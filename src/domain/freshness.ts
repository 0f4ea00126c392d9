/**
 * When a source's next edition is due, and whether the edition served is late. A publisher with a
 * cadence of N months is expected to post its next edition N months after the newest one loaded;
 * the served edition is `stale` once that date is more than STALE_AFTER_DAYS behind today (a
 * grace for publishers that slip by weeks, not by a whole cycle).
 */
export const STALE_AFTER_DAYS = 90;

export interface EditionFreshness {
  next_expected_on: string | null;
  days_late: number;
  stale: boolean;
}

const DAY_MS = 86_400_000;

/** `date` (YYYY-MM-DD) plus whole months, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function editionFreshness(
  newestPublishedOn: string | null,
  cadenceMonths: number | null,
  today: string,
): EditionFreshness {
  if (!newestPublishedOn || !cadenceMonths) return { next_expected_on: null, days_late: 0, stale: false };
  const next = addMonths(newestPublishedOn, cadenceMonths);
  const daysLate = Math.max(0, Math.round((Date.parse(today) - Date.parse(next)) / DAY_MS));
  return { next_expected_on: next, days_late: daysLate, stale: daysLate > STALE_AFTER_DAYS };
}
