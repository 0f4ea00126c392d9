import { createRoute, z } from '@hono/zod-openapi';
import { checkCommonRules, crossSectionParams, indicatorsParam, tableOutputParams } from '../../http/params.ts';
import { problemResponses, ProvenanceSchema, SelectionSchema, VintageSchema } from '../schemas.ts';

const weightsParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;
    const parts = text.split(',').map((p) => p.trim());
    const weights = parts.map(Number);
    if (parts.some((p) => p === '') || weights.some((w) => !Number.isFinite(w) || w <= 0)) {
      ctx.addIssue({
        code: 'custom',
        message: 'weights must be positive numbers separated by commas, one per indicator, e.g. 2,1,1',
      });
      return z.NEVER;
    }
    return weights;
  })
  .openapi({
    param: { name: 'weights', in: 'query' },
    type: 'string',
    description: 'One positive weight per indicator; normalised to sum to 1. Default: equal.',
    example: '2,1,1',
  });

export const compositeRoute = createRoute({
  method: 'get',
  operationId: 'getComposite',
  path: '/v1/composite',
  tags: ['analytics'],
  summary: 'A weighted composite of min-max normalised indicators, with rank sensitivity to the weights',
  request: {
    query: z
      .strictObject({
        indicators: indicatorsParam,
        weights: weightsParam,
        missing: z
          .enum(['skip', 'exclude'], { error: 'missing must be skip or exclude' })
          .default('skip')
          .openapi({
            param: { name: 'missing', in: 'query' },
            description:
              '`skip`: average the components a country has (weights rescaled); `exclude`: leave out countries missing any component.',
          }),
        ...crossSectionParams,
        ...tableOutputParams,
      })
      .superRefine((query, ctx) => {
        checkCommonRules(query, ctx);
        if (query.indicators.length < 2)
          ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'a composite needs at least 2 indicators' });
        if (query.weights && query.weights.length !== query.indicators.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['weights'],
            message: `give one weight per indicator (${query.indicators.length}), not ${query.weights.length}`,
          });
        }
      }),
  },
  responses: {
    200: {
      description: 'Composite scores, ranks and their sensitivity',
      content: {
        'application/json': {
          schema: z
            .object({
              selection: SelectionSchema,
              vintage: VintageSchema,
              year: z.number().int().nullable(),
              latest: z.boolean(),
              missing: z.enum(['skip', 'exclude']),
              method: z.string(),
              components: z.array(
                z.object({
                  indicator: z.string(),
                  weight: z.number(),
                  direction: z.enum(['higher', 'lower']),
                  reporting: z.number().int(),
                  used: z.boolean(),
                  note: z.string().nullable(),
                }),
              ),
              scores: z.array(
                z.object({
                  rank: z.number().int().nullable(),
                  iso3: z.string(),
                  country: z.string(),
                  score: z.number().nullable(),
                  components: z.record(
                    z.string(),
                    z.object({
                      value: z.number().nullable(),
                      year: z.number().int().nullable(),
                      score: z.number().nullable(),
                    }),
                  ),
                  missing_components: z.array(z.string()),
                }),
              ),
              sensitivity: z.object({
                method: z.string(),
                variation: z.number(),
                scenarios: z.number().int(),
                ranks: z.array(
                  z.object({
                    iso3: z.string(),
                    base_rank: z.number().int().nullable(),
                    min_rank: z.number().int().nullable(),
                    max_rank: z.number().int().nullable(),
                  }),
                ),
              }),
            })
            .extend(ProvenanceSchema.shape),
        },
      },
    },
    ...problemResponses,
  },
});
