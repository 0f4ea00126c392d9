/**
 * Country groups and their dated memberships. Dates are ISO `YYYY-MM-DD` strings, which compare
 * correctly as text. The database `group_membership` table is seeded from this list.
 */

export interface CountryGroup {
  code: string;
  nameEn: string;
  nameVi: string;
  description: string;
}

export interface Membership {
  groupCode: string;
  iso3: string;
  joinedOn: string;
  leftOn: string | null;
}

export const GROUPS: readonly CountryGroup[] = [
  {
    code: 'ASEAN',
    nameEn: 'ASEAN',
    nameVi: 'ASEAN',
    description: 'Association of Southeast Asian Nations, founded 1967-08-08 by the Bangkok Declaration.',
  },
  {
    code: 'ASEAN+3',
    nameEn: 'ASEAN+3',
    nameVi: 'ASEAN+3',
    description: 'ASEAN members plus China, Japan and the Republic of Korea (first ASEAN+3 summit, December 1997).',
  },
];

const ASEAN_JOINED: Readonly<Record<string, string>> = {
  IDN: '1967-08-08',
  MYS: '1967-08-08',
  PHL: '1967-08-08',
  SGP: '1967-08-08',
  THA: '1967-08-08',
  BRN: '1984-01-07',
  VNM: '1995-07-28',
  LAO: '1997-07-23',
  MMR: '1997-07-23',
  KHM: '1999-04-30',
  TLS: '2025-10-26',
};

/** The first ASEAN+3 summit, Kuala Lumpur, 15 December 1997. */
const ASEAN_PLUS_THREE_SUMMIT = '1997-12-15';

function aseanPlusThreeMemberships(): Membership[] {
  // An ASEAN member belongs to ASEAN+3 from the later of its ASEAN accession and the first summit.
  const asean = Object.entries(ASEAN_JOINED).map(([iso3, joined]) => ({
    groupCode: 'ASEAN+3',
    iso3,
    joinedOn: joined > ASEAN_PLUS_THREE_SUMMIT ? joined : ASEAN_PLUS_THREE_SUMMIT,
    leftOn: null,
  }));
  const plusThree = ['CHN', 'JPN', 'KOR'].map((iso3) => ({
    groupCode: 'ASEAN+3',
    iso3,
    joinedOn: ASEAN_PLUS_THREE_SUMMIT,
    leftOn: null,
  }));
  return [...asean, ...plusThree];
}

export const MEMBERSHIPS: readonly Membership[] = [
  ...Object.entries(ASEAN_JOINED).map(([iso3, joinedOn]) => ({ groupCode: 'ASEAN', iso3, joinedOn, leftOn: null })),
  ...aseanPlusThreeMemberships(),
];

export function groupByCode(code: string): CountryGroup | undefined {
  return GROUPS.find((g) => g.code === code);
}

/** Whether a membership covers the given day: joined on or before it, and not yet left. */
export function isMemberOn(membership: Membership, date: string): boolean {
  return membership.joinedOn <= date && (membership.leftOn === null || membership.leftOn > date);
}

/** ISO3 codes of the members of a group on a date, sorted; empty for an unknown group. */
export function membersOn(groupCode: string, date: string, memberships: readonly Membership[] = MEMBERSHIPS): string[] {
  return memberships
    .filter((m) => m.groupCode === groupCode && isMemberOn(m, date))
    .map((m) => m.iso3)
    .sort();
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
