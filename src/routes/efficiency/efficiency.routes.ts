import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../charts/locale.ts';
import { checkCommonRules, crossSectionParams } from '../../http/params.ts';
import { SelectionSchema, VintageSchema } from '../observations/observations.routes.ts';
import { IndicatorSchema, ProblemSchema, problemResponses, ProvenanceSchema } from '../schemas.ts';

export const MAX_INPUTS = 3;
export const MAX_OUTPUTS = 4;

const codeListParam = (name: 'inputs' | 'outputs', max: number, example: string, description: string) =>
  z
    .string({ error: `${name} is required: 1 to ${max} indicator codes separated by commas` })
    .transform((text, ctx) => {
      const codes = text.split(',').map((c) => c.trim());
      if (codes.some((c) => !/^[A-Za-z0-9_.]{1,40}$/.test(c))) {
        ctx.addIssue({
          code: 'custom',
          message: `write ${name} as indicator codes separated by commas, e.g. ${example}`,
        });
        return z.NEVER;
      }
      const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
      if (duplicate) ctx.addIssue({ code: 'custom', message: `${duplicate} is listed twice` });
      else if (codes.length > max)
        ctx.addIssue({ code: 'custom', message: `at most ${max} ${name}, not ${codes.length}` });
      else return codes;
      return z.NEVER;
    })
    .openapi({ param: { name, in: 'query' }, type: 'string', example, description });

export const efficiencyQuerySchema = z
  .strictObject({
    inputs: codeListParam(
      'inputs',
      MAX_INPUTS,
      'BI.WAG.TOTL.GD.ZS',
      `1–${MAX_INPUTS} resources (neutral indicators such as the wage bill or public employment).`,
    ),
    outputs: codeListParam('outputs', MAX_OUTPUTS, 'GE.EST,EGDI', `1–${MAX_OUTPUTS} results where higher is better.`),
    method: z
      .enum(['fdh', 'dea-crs', 'dea-vrs'], { error: 'method must be fdh, dea-crs or dea-vrs' })
      .default('dea-vrs')
      .openapi({
        param: { name: 'method', in: 'query' },
        description: '`fdh`, `dea-crs` (CCR) or `dea-vrs` (BCC, default). See /v1/methods.',
      }),
    orientation: z
      .enum(['input', 'output'], { error: 'orientation must be input or output' })
      .default('input')
      .openapi({
        param: { name: 'orientation', in: 'query' },
        description:
          '`input` (default): how much less input for the same outputs; `output`: how much more output from the same inputs.',
      }),
    lang: z
      .enum(LANGS as [string, ...string[]], { error: 'lang must be en or vi' })
      .default('en')
      .transform((v) => v as 'en' | 'vi')
      .openapi({
        param: { name: 'lang', in: 'query' },
        type: 'string',
        description: 'Language of names and sentences: `en` or `vi`.',
      }),
    ...crossSectionParams,
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    const both = query.inputs.filter((code) => query.outputs.includes(code));
    if (both.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['outputs'],
        message: `${both.join(', ')} cannot be both an input and an output`,
      });
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
    method: z.enum(['fdh', 'dea-crs', 'dea-vrs']),
    orientation: z.enum(['input', 'output']),
    lang: z.enum(['en', 'vi']),
    description: z.string(),
    countries: z.number().int().openapi({ description: 'Countries scored (those with every input and output).' }),
    frontier: z.object({
      countries: z.array(z.string()).openapi({ description: 'Countries with score 1.' }),
      rests_on: z.array(z.string()).openapi({ description: 'Countries that are a peer of at least one country.' }),
      rests_on_count: z.number().int(),
    }),
    robustness: z.object({
      minimum_countries: z.number().int().openapi({ description: '3 × (inputs + outputs).' }),
      small_sample: z.boolean(),
      warning: z.string().nullable(),
      jackknife: z.string(),
    }),
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
        jackknife: z.object({ low: z.number(), high: z.number(), most_influential: z.string().nullable() }),
      }),
    ),
    left_out: z.array(z.object({ iso3: z.string(), country: z.string(), missing: z.array(z.string()) })),
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
      content: { 'application/json': { schema: EfficiencyResponseSchema } },
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
