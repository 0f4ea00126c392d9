import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../charts/locale.ts';
import {
  checkCommonRules,
  checkInputsOutputs,
  crossSectionParams,
  efficiencyParams,
  inputsParam,
  outputsParam,
  tableOutputParams,
} from '../../http/params.ts';
import {
  IndicatorSchema,
  problemResponses,
  ProblemSchema,
  ProvenanceSchema,
  SelectionSchema,
  VintageSchema,
} from '../schemas.ts';

export const efficiencyQuerySchema = z
  .strictObject({
    inputs: inputsParam,
    outputs: outputsParam,
    ...efficiencyParams,
    lang: z
      .enum(LANGS as [string, ...string[]], { error: 'lang must be en or vi' })
      .default('en')
      .transform((v) => v as 'en' | 'vi')
      .openapi({
        param: { name: 'lang', in: 'query' },
        type: 'string',
        description: 'Language of names and sentences: `en` or `vi`.',
      }),
    control: z
      .string()
      .regex(/^[A-Za-z0-9_.]{1,60}$/, 'control must be an indicator code such as NY.GDP.PCAP.CD')
      .optional()
      .openapi({
        param: { name: 'control', in: 'query' },
        example: 'NY.GDP.PCAP.CD',
        description:
          "An environmental variable (income per head) for a second stage: least squares of the bootstrap's bias-corrected scores on its logarithm, each country's value from the years its scores compare. Descriptive, with its caveat (DEA with bootstrap only).",
      }),
    ...crossSectionParams,
    ...tableOutputParams,
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    checkInputsOutputs(query, ctx);
  });

const CellSchema = z.object({ value: z.number(), year: z.number().int(), release: z.string() });

export const EfficiencyResponseSchema = z
  .object({
    inputs: z.array(IndicatorSchema),
    outputs: z.array(IndicatorSchema),
    selection: SelectionSchema,
    vintage: VintageSchema,
    year: z.number().int().nullable(),
    latest: z.boolean(),
    max_age: z.number().int().nullable(),
    years_used: z.string().openapi({
      description: 'Which years the scores compare, in words: each window of years and the countries read from it.',
    }),
    max_gap: z.number().int().openapi({
      description: "The most years a country's inputs and outputs lie apart (0 with `year`: that year's values only).",
    }),
    method: z.enum(['fdh', 'dea-crs', 'dea-vrs']),
    orientation: z.enum(['input', 'output']),
    lang: z.enum(['en', 'vi']),
    description: z.string(),
    countries: z.number().int().openapi({ description: 'Countries scored (those with every input and output).' }),
    frontier: z.object({
      countries: z.array(z.string()).openapi({ description: 'Countries with score 1.' }),
      models: z.array(z.string()).openapi({
        description:
          'Frontier countries not there by construction (efficient_by_construction null), highest super-efficiency first: the ones worth learning from.',
      }),
      rests_on: z.array(z.string()).openapi({ description: 'Countries that are a peer of at least one country.' }),
      rests_on_count: z.number().int(),
    }),
    robustness: z.object({
      minimum_countries: z.number().int().openapi({ description: '3 × (inputs + outputs).' }),
      small_sample: z.boolean(),
      warning: z.string().nullable(),
      jackknife: z.string(),
      bootstrap: z
        .object({
          method: z.literal('simar-wilson-1998'),
          replications: z.number().int(),
          seed: z.number().int(),
          confidence: z.number(),
          bandwidth: z.number().openapi({ description: 'The smoothing bandwidth h, on the distance scale (1/score).' }),
          sentence: z.string(),
        })
        .nullable()
        .openapi({ description: 'How the intervals were drawn; null for FDH, with bootstrap=0, or on the edge.' }),
    }),
    second_stage: z
      .object({
        control: z.string(),
        name: z.string(),
        regressor: z.literal('log'),
        dependent: z.literal('bias_corrected'),
        method: z.literal('ols'),
        n: z.number().int(),
        intercept: z.number().nullable(),
        slope: z.number().nullable(),
        slope_standard_error: z.number().nullable(),
        t: z.number().nullable(),
        r2: z.number().nullable(),
        countries: z.array(z.object({ iso3: z.string(), year: z.number().int(), value: z.number() })),
        left_out: z.array(z.string()),
        sentence: z.string(),
        caveat: z.string(),
      })
      .nullable()
      .openapi({ description: 'With control=: the second-stage regression and its caveat; null otherwise.' }),
    scores: z.array(
      z.object({
        iso3: z.string(),
        country: z.string(),
        score: z.number().openapi({ description: 'Efficiency in (0, 1]; 1 = on the frontier.' }),
        expansion: z.number().nullable().openapi({ description: 'Output orientation: φ = 1/score.' }),
        on_frontier: z.boolean(),
        values: z
          .record(z.string(), CellSchema)
          .openapi({ description: 'The value, year and release used for each input and output.' }),
        years: z.object({ from: z.number().int(), to: z.number().int() }).openapi({
          description: 'The earliest and latest year among its values: never more than `max_gap` apart.',
        }),
        peers: z.array(z.object({ iso3: z.string(), country: z.string(), weight: z.number() })),
        targets: z.array(
          z.object({
            indicator: z.string(),
            role: z.enum(['input', 'output']),
            value: z.number(),
            target: z.number(),
            change: z.number(),
            change_share: z
              .number()
              .nullable()
              .openapi({ description: 'target / value − 1; null when the value is not positive.' }),
          }),
        ),
        summary: z.string(),
        super_efficiency: z.number().nullable().openapi({
          description:
            'DEA, frontier countries: the score against the others alone (Andersen–Petersen), above 1 by how far it could worsen and stay efficient; null off the frontier, for FDH, or where the program is infeasible (variable returns, an extreme value).',
        }),
        efficient_by_construction: z
          .object({
            smallest_inputs: z.array(z.string()),
            largest_outputs: z.array(z.string()),
            note: z.string(),
          })
          .nullable()
          .openapi({
            description:
              'DEA-VRS: on the frontier only because it has the smallest value of an input or the largest of an output (and is off the constant-returns frontier); never a model to follow.',
          }),
        jackknife: z.object({ low: z.number(), high: z.number(), most_influential: z.string().nullable() }),
        bootstrap: z
          .object({
            bias_corrected: z.number(),
            bias: z.number(),
            standard_error: z.number(),
            low: z.number(),
            high: z.number(),
            correct_bias: z
              .boolean()
              .openapi({ description: 'True when the bias is large against the noise: read bias_corrected then.' }),
          })
          .nullable()
          .openapi({ description: 'The Simar–Wilson 95 % interval of the score and its bias-corrected value.' }),
      }),
    ),
    left_out: z.array(
      z.object({
        iso3: z.string(),
        country: z.string(),
        missing: z.array(z.string()).openapi({ description: 'The inputs and outputs it has no value for.' }),
        reason: z.enum(['no_value', 'years_do_not_align']).openapi({
          description:
            '`no_value`: no value at all for the series in `missing`; `years_do_not_align`: no window of `max_gap` + 1 years holds every input and output (or, with `max_age`, the window is too old).',
        }),
      }),
    ),
  })
  .extend(ProvenanceSchema.shape)
  .openapi('Efficiency');

export const efficiencyRoute = createRoute({
  method: 'get',
  operationId: 'getEfficiency',
  path: '/v1/efficiency',
  tags: ['analytics'],
  summary:
    'Input–output efficiency frontiers (FDH, DEA-CRS, DEA-VRS) with peers, targets, gaps and leave-one-out ranges',
  request: { query: efficiencyQuerySchema },
  responses: {
    200: {
      description: 'Scores per country, the frontier and its robustness',
      content: {
        'application/json': { schema: EfficiencyResponseSchema },
        'text/csv': {
          schema: z.string().openapi({ description: 'format=csv: one row per country, left-out countries last.' }),
        },
      },
    },
    ...problemResponses,
    422: {
      description: 'The data cannot support the analysis (too few countries, non-positive values)',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    501: {
      description: 'DEA on a deployment without an LP solver (the edge)',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});
