import { memberAtYearEnd, type MembershipRule } from './membership-rule.ts';

/** Which countries a request is about, and by which rule a group maps to countries per year. */
export interface Selection {
  countries: string[];
  /** Present when the request named a group (or defaulted to ASEAN+3). */
  group: { code: string; rule: MembershipRule; on: string; members: string[] } | null;
}

/** Does the selection count this country for this year? Undated values follow today's membership. */
export function selectionIncludes(selection: Selection, iso3: string, year: number | null): boolean {
  if (!selection.countries.includes(iso3)) return false;
  if (!selection.group || selection.group.rule === 'current' || year === null) return true;
  return memberAtYearEnd(selection.group.code, iso3, year);
}

/** The countries the selection counts in a given year. */
export function selectionForYear(selection: Selection, year: number): string[] {
  return selection.countries.filter((iso3) => selectionIncludes(selection, iso3, year));
}
