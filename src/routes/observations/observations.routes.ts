import { createRoute, z } from '@hono/zod-openapi';
import {
  bomParam,
  styleParam,
  checkCommonRules,
  formatParam,
  indicatorCode,
  indicatorsParam,
  langParam,
  MAX_LIMIT,
  seriesParams,
  themeParam,
} from '../../http/params.ts';
import { indicatorContextShape, problemResponses, ProvenanceSchema } from '../schemas.ts';

export const ObservationSchema = z
  .object({
    iso3: z.string(),
    country: z.string(),
    year: z.number().int().nullable().openapi({ description: 'null only for undated policy figures.' }),
    value: z.number().openapi({ description: 'Exactly as published (float64).' }),
    normalised: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'Present when normalise= is given; null when the method is undefined for this value.' }),
    flag: z.string().nullable(),
    note: z.string().nullable(),
    reference_url: z.string().nullable(),
    published_rank: z
      .object({
        rank: z.number().int().nullable(),
        label: z.string().nullable(),
        of: z
          .number()
          .int()
          .nullable()
          .openapi({ description: 'How many countries the source ranked on this element: the 120 of "=62 of 120".' }),
      })
      .optional()
      .openapi({
        description:
          'Only for sources that publish ranks (the Blavatnik Index): the rank as published, ties labelled "=62". A rank among all the countries the source ranks (see indicator.hierarchy.rank_scope), not within the requested group.',
      }),
    release: z.string(),
    source: z.string(),
    requested_year: z.number().int().optional().openapi({
      description: 'With fallback=: the year asked for; `year` is the year the value comes from.',
    }),
    indicator: z.string().optional().openapi({
      description: 'With indicators= or theme= (layout=long): the indicator of this value.',
    }),
  })
  .openapi('Observation');

export const observationsQuery = z
  .strictObject({
    indicator: indicatorCode.optional().openapi({ param: { name: 'indicator', in: 'query' } }),
    indicators: indicatorsParam.optional().openapi({
      param: { name: 'indicators', in: 'query' },
      description: `Several indicators in one answer (instead of indicator=), by code: rows carry \`indicator\` and come by indicator, country, year.`,
    }),
    theme: themeParam.optional().openapi({
      param: { name: 'theme', in: 'query' },
      description: 'Every indicator of an agenda theme (instead of indicator=).',
    }),
    layout: z
      .enum(['long', 'wide'], { error: 'layout must be long or wide' })
      .default('long')
      .openapi({
        param: { name: 'layout', in: 'query' },
        description:
          'With indicators= or theme=: `long` (default) is one row per value; `wide` is one row per country and year with a column per indicator (the normalised value when normalise= is given), the release of each value beside it in JSON. Pages by country and year.',
      }),
    ...seriesParams,
    format: formatParam,
    bom: bomParam,
    style: styleParam,
    lang: langParam,
    limit: z.coerce
      .number({ error: 'limit must be a whole number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
      .optional()
      .openapi({
        param: { name: 'limit', in: 'query' },
        type: 'integer',
        description: `Rows per page (at most ${MAX_LIMIT}).`,
      }),
    cursor: z
      .string()
      .max(200)
      .optional()
      .openapi({ param: { name: 'cursor', in: 'query' }, description: 'next_cursor from the previous page.' }),
  })
  .superRefine((q, ctx) => {
    checkCommonRules(q, ctx);
    const asked = [q.indicator && 'indicator', q.indicators && 'indicators', q.theme && 'theme'].filter(Boolean);
    if (asked.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [asked.length === 0 ? 'indicator' : (asked[1] as string)],
        message:
          asked.length === 0
            ? 'indicator is required (or indicators=a,b,c, or theme=)'
            : `give one of indicator, indicators and theme, not ${asked.join(' and ')}`,
      });
    if (q.layout === 'wide' && q.indicator)
      ctx.addIssue({
        code: 'custom',
        path: ['layout'],
        message: 'layout=wide needs several indicators: indicators=a,b,c or theme=',
      });
    if (q.layout === 'wide' && q.format === 'sdmx-csv')
      ctx.addIssue({
        code: 'custom',
        path: ['layout'],
        message: 'sdmx-csv is one row per observation: use layout=long (the default)',
      });
    if (q.fallback && q.year === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fallback'],
        message: 'fallback needs a year, e.g. year=2023&fallback=nearest',
      });
  });

export const listObservationsRoute = createRoute({
  method: 'get',
  operationId: 'listObservations',
  path: '/v1/observations',
  tags: ['data'],
  summary: 'Values of one or several indicators for countries and years, with source and release',
  description:
    'JSON by default; `format=csv` gives RFC 4180 CSV and `format=sdmx-csv` SDMX-CSV. Normalisations are computed within the countries and year of the request (see /v1/methods). With `indicators=a,b,c` or `theme=` the answer lists `indicators` (not `indicator`), `normalisation` and `countries_without_data` per indicator, and either `observations` (each with its `indicator`; `layout=long`) or `rows` (`layout=wide`: `iso3`, `country`, `year`, `values` and `releases` by indicator code, `flags` where a value has one).',
  request: { query: observationsQuery },
  responses: {
    200: {
      description: 'Observations, by country then year',
      content: {
        'application/json': {
          schema: z
            .object({
              ...indicatorContextShape,
              from: z.number().int().nullable(),
              to: z.number().int().nullable(),
              latest: z.boolean(),
              normalisation: z
                .object({
                  method: z.string(),
                  peer_set: z.enum(['year', 'cross-section', 'country']),
                  direction: z.enum(['higher', 'lower']),
                  note: z.string(),
                })
                .nullable(),
              count: z.number().int(),
              next_cursor: z.string().nullable(),
              observations: z.array(ObservationSchema),
              countries_without_data: z.array(z.string()),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
