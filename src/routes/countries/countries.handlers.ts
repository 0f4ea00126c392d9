import type { RouteHandler } from '@hono/zod-openapi';
import { COUNTRIES, registeredCountry } from '../../domain/countries.ts';
import { MEMBERSHIPS } from '../../domain/groups.ts';
import { presentCountry } from '../presenters.ts';
import { requireCountries } from '../../services/selection.ts';
import type { getCountryRoute, listCountriesRoute } from './countries.routes.ts';

export const listCountries: RouteHandler<typeof listCountriesRoute> = (c) =>
  c.json({ countries: COUNTRIES.map(presentCountry), count: COUNTRIES.length }, 200);

export const getCountry: RouteHandler<typeof getCountryRoute> = (c) => {
  const { iso3 } = c.req.valid('param');
  requireCountries([iso3], 404);
  const country = registeredCountry(iso3);
  const memberships = MEMBERSHIPS.filter((m) => m.iso3 === iso3).map((m) => ({
    group: m.groupCode,
    joined_on: m.joinedOn,
    left_on: m.leftOn,
  }));
  return c.json({ ...presentCountry(country), memberships }, 200);
};
