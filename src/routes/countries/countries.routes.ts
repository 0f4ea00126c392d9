import { createRoute, z } from '@hono/zod-openapi';
import { ISO3 } from '../../http/params.ts';
import { CountrySchema, problemResponses } from '../schemas.ts';

const MembershipSchema = z.object({ group: z.string(), joined_on: z.string(), left_on: z.string().nullable() });

export const listCountriesRoute = createRoute({
  method: 'get',
  operationId: 'listCountries',
  path: '/v1/countries',
  tags: ['registry'],
  summary: 'The 14 ASEAN+3 countries with their codes, names and source spellings',
  responses: {
    200: {
      description: 'All countries',
      content: {
        'application/json': { schema: z.object({ countries: z.array(CountrySchema), count: z.number().int() }) },
      },
    },
  },
});

export const getCountryRoute = createRoute({
  method: 'get',
  operationId: 'getCountry',
  path: '/v1/countries/{iso3}',
  tags: ['registry'],
  summary: 'One country and its dated group memberships',
  request: { params: z.object({ iso3: ISO3.openapi({ param: { name: 'iso3', in: 'path' } }) }) },
  responses: {
    200: {
      description: 'The country',
      content: { 'application/json': { schema: CountrySchema.extend({ memberships: z.array(MembershipSchema) }) } },
    },
    ...problemResponses,
  },
});
