import { createRoute, z } from '@hono/zod-openapi';
import {
  checkInputsOutputs,
  fromParam,
  inputsParam,
  langParam,
  outputsParam,
  selectionParams,
  tableOutputParams,
  toParam,
} from '../../http/params.ts';
import { IndicatorSchema, problemResponses, ProblemSchema, ProvenanceSchema, SelectionSchema } from '../schemas.ts';

export const efficiencyChangeQuerySchema = z
  .strictObject({
    inputs: inputsParam,
    outputs: outputsParam,
    ...selectionParams,
    from: fromParam,
    to: toParam,
    max_gap: z.coerce
      .number({ error: 'max_gap must be a whole number of years from 0 to 5' })
      .int('max_gap must be a whole number of years from 0 to 5')
      .min(0, 'max_gap must be at least 0')
      .max(5, 'max_gap must be at most 5')
      .default(0)
      .openapi({
        param: { name: 'max_gap', in: 'query' },
        type: 'integer',
        description:
          "0 (default): each period is that year's values. Above 0: a country's period is its latest window of `max_gap` + 1 years ending in `from` (or `to`) in which it has every input and output, so a wage bill a year older than the governance score still counts; the years used are in each country's `years`.",
      }),
    lang: langParam,
    ...tableOutputParams,
  })
  .superRefine((query, ctx) => {
    checkInputsOutputs(query, ctx);
    if (query.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is required: the earlier year, such as 2014' });
    if (query.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is required: the later year, such as 2018' });
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${query.from}) must be before to (${query.to})` });
  });

const Factor = z.number().openapi({ description: 'A ratio: above 1 a rise, below 1 a fall.' });

export const EfficiencyChangeResponseSchema = z
  .object({
    inputs: z.array(IndicatorSchema),
    outputs: z.array(IndicatorSchema),
    selection: SelectionSchema,
    from: z.number().int(),
    to: z.number().int(),
    max_gap: z.number().int(),
    method: z.literal('malmquist-dea-crs-input'),
    lang: z.enum(['en', 'vi']),
    description: z.string(),
    caveats: z.array(z.string()),
    countries: z.array(
      z.object({
        iso3: z.string(),
        country: z.string(),
        malmquist: Factor,
        efficiency_change: Factor,
        technical_change: Factor,
        scores: z
          .object({
            before: z.number(),
            after: z.number(),
            after_on_before: z.number(),
            before_on_after: z.number(),
          })
          .openapi({
            description:
              'The input-oriented DEA-CRS scores behind the index: each year against its own frontier, and each year against the other year’s frontier (which can exceed 1).',
          }),
        years: z
          .object({
            from: z.object({ from: z.number().int(), to: z.number().int() }),
            to: z.object({ from: z.number().int(), to: z.number().int() }),
          })
          .openapi({ description: 'The years each period reads for this country (one year each with max_gap=0).' }),
        sentence: z.string(),
      }),
    ),
    summary: z.object({
      geometric_mean: z
        .object({
          malmquist: z.number(),
          efficiency_change: z.number().nullable(),
          technical_change: z.number().nullable(),
        })
        .nullable()
        .openapi({ description: 'Over the countries compared; null with fewer than 3.' }),
      sentence: z.string().nullable(),
    }),
    left_out: z.array(
      z.object({
        iso3: z.string(),
        country: z.string(),
        missing_in: z.array(z.number().int()).openapi({ description: 'The year(s) it lacks an input or output in.' }),
      }),
    ),
  })
  .extend(ProvenanceSchema.shape)
  .openapi('EfficiencyChange');

export const efficiencyChangeRoute = createRoute({
  method: 'get',
  operationId: 'getEfficiencyChange',
  path: '/v1/efficiency/change',
  tags: ['analytics'],
  summary: 'Productivity change between two years: Malmquist index, efficiency change and technical change',
  description:
    'Färe, Grosskopf, Norris and Zhang (1994), input-oriented DEA under constant returns, from the values /v1/efficiency reads with `year=from` and `year=to`. Inputs and outputs must be positive (use the WGI percentile ranks such as GE.PER.RNK, not the estimates). Example: `inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN&from=2014&to=2018`.',
  request: { query: efficiencyChangeQuerySchema },
  responses: {
    200: {
      description: 'The index per country, best first, the group’s geometric mean and the countries left out',
      content: {
        'application/json': { schema: EfficiencyChangeResponseSchema },
        'text/csv': {
          schema: z
            .string()
            .openapi({ description: 'format=csv: one row per country compared, left-out countries last.' }),
        },
      },
    },
    ...problemResponses,
    422: {
      description: 'Too few countries with data in a year, or values that are not positive',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    501: {
      description: 'No LP solver on this deployment (the edge)',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});
