import { countryByIso3 } from '../domain/countries.ts';
import { GROUPS, groupByCode, MEMBERSHIPS, membersOn, todayIso } from '../domain/groups.ts';
import type { MembershipRule } from '../domain/membership-rule.ts';
import type { Selection } from '../domain/selection.ts';
import { Problem } from '../errors.ts';

export { type Selection, selectionForYear, selectionIncludes } from '../domain/selection.ts';

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
