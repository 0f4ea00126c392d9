import { countryByIso3 } from '../domain/countries.ts';
import { GROUPS, groupByCode, membersOn, todayIso } from '../domain/groups.ts';
import { Problem } from '../http/problem.ts';

export interface Selection {
  countries: string[];
  /** Present when the request named a group. */
  group: { code: string; on: string; members: string[] } | null;
}

export const DEFAULT_GROUP = 'ASEAN+3';

/** Throws `unknown_group` listing the valid codes. */
export function requireGroup(code: string) {
  const group = groupByCode(code);
  if (!group) {
    const valid = GROUPS.map((g) => g.code);
    throw new Problem(404, 'unknown_group', `Unknown group "${code}". Valid groups: ${valid.join(', ')}.`, {
      parameter: 'group',
      valid_values: valid,
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
 * Resolves `countries` or `group` (not both) into a list of ISO3 codes. Without either, the
 * selection is every current ASEAN+3 member.
 */
export function resolveSelection(query: { countries?: string[]; group?: string }, now: Date = new Date()): Selection {
  if (query.countries && query.group) {
    throw new Problem(400, 'invalid_parameter', 'Give either countries or group, not both.', { parameter: 'countries' });
  }
  if (query.countries) {
    requireCountries(query.countries);
    return { countries: query.countries, group: null };
  }
  const group = requireGroup(query.group ?? DEFAULT_GROUP);
  const on = todayIso(now);
  const members = membersOn(group.code, on);
  return { countries: members, group: { code: group.code, on, members } };
}
