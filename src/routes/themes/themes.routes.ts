import { createRoute, z } from '@hono/zod-openapi';
import { INDICATOR_MEASURES, THEMES } from '../../domain/themes.ts';
import { CoverageSummarySchema, NamesSchema, problemResponses } from '../schemas.ts';

const ThemeSchema = z
  .object({
    code: z.enum(THEMES),
    name: NamesSchema,
    old_names: z
      .array(z.string())
      .openapi({ description: 'Theme names from before the agenda taxonomy that still select (part of) this theme.' }),
    evidence: z.enum(['adequate', 'thin']).openapi({
      description:
        'adequate: at least 2 indicators from at least 2 publishers each have values for 10 or more of the 14 countries. A publisher is an organisation: two World Bank datasets count as one.',
    }),
    indicator_count: z.number().int(),
    indicators_with_values: z.number().int(),
    sources: z.array(z.object({ id: z.string(), publisher: z.string() })),
    countries_with_any_value: z.array(z.string()),
    countries_with_nothing: z
      .array(z.string())
      .openapi({ description: 'Countries with no value on any indicator of the theme.' }),
    countries_searched_not_found: z.array(z.string()).openapi({
      description:
        'Of the countries with nothing, those whose values were searched for in their texts and not found (what was searched: /v1/rankings `not_found`).',
    }),
    best_indicator_countries: z.number().int(),
    adoption: z
      .object({
        indicators: z.array(z.string()),
        publishers: z.array(z.string()),
      })
      .openapi({
        description:
          "Indicators of people's use (adoption, not what governments supply) with values for 10 or more of the 14 countries, and their publishers.",
      }),
    latest_year: z.number().int().nullable(),
    gap: NamesSchema.nullable().openapi({
      description: 'The gap in words, where the evidence is thin or countries have nothing.',
    }),
    note: NamesSchema.nullable().openapi({
      description: "What the world's data offer beyond what is served, and what was searched.",
    }),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: NamesSchema,
        source_id: z.string(),
        level: z.string().nullable(),
        parent: z.string().nullable(),
        measures: z.enum(INDICATOR_MEASURES).nullable().openapi({
          description: "use: people's use (adoption); supply: what governments provide; null where neither fits.",
        }),
        coverage: CoverageSummarySchema,
      }),
    ),
  })
  .openapi('Theme');

export const listThemesRoute = createRoute({
  method: 'get',
  operationId: 'listThemes',
  path: '/v1/themes',
  tags: ['catalogue'],
  summary: 'The agenda themes, each with its indicators and their coverage, and the gaps in words',
  request: { query: z.strictObject({}) },
  responses: {
    200: {
      description: 'Themes',
      content: {
        'application/json': {
          schema: z.object({
            themes: z.array(ThemeSchema),
            adequate_rule: z.object({
              min_indicators: z.number().int(),
              min_publishers: z.number().int(),
              min_countries: z.number().int(),
            }),
          }),
        },
      },
    },
    ...problemResponses,
  },
});
