import { type Membership, MEMBERSHIPS, isMemberOn } from './groups.ts';

/**
 * How a group maps to countries over time.
 * - `current`: today's members for every year, the convention of World Bank and OECD aggregates;
 * - `historical`: a country counts for year Y only if it was a member on 31 December of Y.
 */
export type MembershipRule = 'current' | 'historical';

/** Whether a country was a member at the end of a year. */
export function memberAtYearEnd(
  groupCode: string,
  iso3: string,
  year: number,
  memberships: readonly Membership[] = MEMBERSHIPS,
): boolean {
  return memberships.some((m) => m.groupCode === groupCode && m.iso3 === iso3 && isMemberOn(m, `${year}-12-31`));
}
