import { countryByIso3 } from '../domain/countries.ts';
import { GROUPS, groupByCode, MEMBERSHIPS, membersOn, todayIso } from '../domain/groups.ts';
import { memberAtYearEnd, type MembershipRule } from '../domain/membership-rule.ts';
import { Problem } from '../errors.ts';

/** Which countries a request is about, and by which rule a group maps to countries per year. */
export interface Selection {
  countries: string[];
  /** Present when the request named a group (or defaulted to ASEAN+3). */
  group: { code: string; rule: MembershipRule; on: string; members: string[] } | null;
}

export const DEFAULT_GROUP = 'ASEAN+3';

/** Throws `unknown_group` listing the valid codes. */
export function requireGroup(code: string) {
  const group = groupByCode(code);
  if (!group) {
    const valid = GROUPS.map((g) => g.code);
    // An unencoded "+" in a query string is a space: ASEAN+3 arrives as "ASEAN 3".
    const meant = code.includes(' ') ? groupByCode(code.replaceAll(' ', '+')) : undefined;
    const hint = meant ? ` A "+" in a URL means a space: write group=${encodeURIComponent(meant.code)}.` : '';
    throw new Problem(404, 'unknown_group', `Unknown group "${code}".${hint} Valid groups: ${valid.join(', ')}.`, {
      parameter: 'group',
      valid_values: valid,
      ...(meant ? { did_you_mean: encodeURIComponent(meant.code) } : {}),
    });
  }
  return group;
}

/** Throws `unknown_country` naming every code that is not in the registry. */
export function requireCountries(codes: string[], status: 400 | 404 = 400): void {
  const unknown = codes.filter((c) => !countryByIso3(c));
  if (unknown.length > 0) {
    throw new Problem(
      status,
      'unknown_country',
      `Unknown country ${unknown.join(', ')}: CivScope covers the 14 ASEAN+3 countries (see /v1/countries).`,
      { parameter: 'countries', unknown },
    );
  }
}

/**
 * Resolves `countries` or `group` (not both) into ISO3 codes. Without either, the selection is
 * ASEAN+3. Under the historical rule the country list holds everyone who was ever a member;
 * `selectionIncludes` then decides per year.
 */
export function resolveSelection(
  query: { countries?: string[]; group?: string; membership?: MembershipRule },
  now: Date = new Date(),
): Selection {
  if (query.countries && query.group) {
    throw new Problem(400, 'invalid_parameter', 'Give either countries or group, not both.', {
      parameter: 'countries',
    });
  }
  if (query.countries) {
    requireCountries(query.countries);
    return { countries: query.countries, group: null };
  }
  const group = requireGroup(query.group ?? DEFAULT_GROUP);
  const on = todayIso(now);
  const members = membersOn(group.code, on);
  const rule = query.membership ?? 'current';
  // Under the historical rule a country that has since left still counts for its member years.
  const everMembers = [
    ...new Set(MEMBERSHIPS.filter((m) => m.groupCode === group.code && m.joinedOn <= on).map((m) => m.iso3)),
  ].sort();
  return { countries: rule === 'historical' ? everMembers : members, group: { code: group.code, rule, on, members } };
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
