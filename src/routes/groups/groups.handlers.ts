import type { RouteHandler } from '@hono/zod-openapi';
import { registeredCountry } from '../../domain/countries.ts';
import { type CountryGroup, GROUPS, isMemberOn, MEMBERSHIPS, membersOn, todayIso } from '../../domain/groups.ts';
import type { AppDeps } from '../../app-deps.ts';
import { presentCountry } from '../presenters.ts';
import { requireGroup } from '../../services/selection.ts';
import type { getGroupRoute, listGroupsRoute } from './groups.routes.ts';

const presentGroup = (g: CountryGroup) => ({
  code: g.code,
  name: { en: g.nameEn, vi: g.nameVi },
  description: g.description,
});

export const listGroups =
  (deps: AppDeps): RouteHandler<typeof listGroupsRoute> =>
  (c) => {
    const on = todayIso(deps.now?.());
    return c.json({ groups: GROUPS.map((g) => ({ ...presentGroup(g), on, members: membersOn(g.code, on) })) }, 200);
  };

export const getGroup =
  (deps: AppDeps): RouteHandler<typeof getGroupRoute> =>
  (c) => {
    const { code } = c.req.valid('param');
    const on = c.req.valid('query').on ?? todayIso(deps.now?.());
    const group = requireGroup(code);
    const history = MEMBERSHIPS.filter((m) => m.groupCode === group.code);
    const members = history
      .filter((m) => isMemberOn(m, on))
      .sort((a, b) => a.iso3.localeCompare(b.iso3))
      .map((m) => ({ ...presentCountry(registeredCountry(m.iso3)), joined_on: m.joinedOn, left_on: m.leftOn }));
    return c.json(
      {
        ...presentGroup(group),
        on,
        member_count: members.length,
        members,
        history: history.map((m) => ({ iso3: m.iso3, joined_on: m.joinedOn, left_on: m.leftOn })),
      },
      200,
    );
  };
