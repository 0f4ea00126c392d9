import { z } from '@hono/zod-openapi';
import { INDICATOR_MEASURES } from '../domain/themes.ts';

/** Response schemas shared by several route groups. */

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine-readable error code.' }),
    instance: z.string().optional(),
    parameter: z.string().optional(),
    valid_values: z.array(z.string()).optional(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'Invalid parameter', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

export const NamesSchema = z.object({ en: z.string(), vi: z.string() }).openapi('Names');

export const CountrySchema = z
  .object({
    iso3: z.string(),
    iso2: z.string(),
    m49: z.string(),
    name: NamesSchema,
    aliases: z.array(z.string()),
  })
  .openapi('Country');

export const SourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publisher: z.string(),
    url: z.string(),
    licence: z.string(),
    citation: z.string(),
    name_vi: z.string().nullable().openapi({ description: "CivScope's Vietnamese of the name." }),
    publisher_vi: z.string().nullable().openapi({ description: "CivScope's Vietnamese of the publisher." }),
    licence_vi: z.string().nullable().openapi({ description: "CivScope's Vietnamese of the licence." }),
  })
  .openapi('Source');

export const ReleaseSchema = z
  .object({
    id: z.string(),
    source_id: z.string(),
    label: z.string(),
    label_vi: z.string().openapi({ description: "CivScope's Vietnamese of the label." }),
    format: z.string(),
    published_on: z.string(),
    retrieved_on: z.string().nullable(),
    file_name: z.string(),
    sha256: z.string(),
    row_count: z.number().int(),
    notes: z.string(),
    notes_vi: z.string().openapi({ description: "CivScope's Vietnamese of the notes." }),
    method_revision: z
      .object({ en: z.string(), vi: z.string() })
      .nullable()
      .openapi({ description: 'Set when this release re-estimates earlier values with a new method.' }),
  })
  .openapi('Release');

export const IndicatorSchema = z
  .object({
    code: z.string(),
    name: NamesSchema,
    theme: z.string(),
    unit: z.string(),
    unit_vi: z
      .string()
      .nullable()
      .openapi({ description: "CivScope's Vietnamese for the unit, as charts and Vietnamese answers write it." }),
    scale: z.string(),
    higher_is_better: z.boolean().nullable(),
    decimals: z.number().int(),
    definition: z.string().openapi({ description: "The source's definition, in its own (English) words." }),
    caveats: z.array(z.string()),
    definition_vi: z
      .string()
      .nullable()
      .openapi({ description: "CivScope's Vietnamese translation of the definition; the English is authoritative." }),
    caveats_vi: z
      .array(z.string())
      .nullable()
      .openapi({ description: 'The caveats in Vietnamese, one per English caveat, in the same order.' }),
    source_id: z.string(),
    measures: z.enum(INDICATOR_MEASURES).nullable().openapi({
      description:
        "use: people's use (adoption, e.g. adults paying bills online); supply: what governments provide (online services, portals); null where neither fits.",
    }),
    hierarchy: z
      .object({
        level: z.enum(['index', 'domain', 'theme', 'indicator']).nullable(),
        parent: z.string().nullable(),
        rank_scope: NamesSchema.nullable().openapi({
          description: 'What the ranks published with the values rank (e.g. 120 countries): never a rank within ASEAN.',
        }),
      })
      .nullable()
      .openapi({
        description: "Composite sources (the Blavatnik Index): the indicator's place in the source's hierarchy.",
      }),
  })
  .openapi('Indicator');

export const CoverageSummarySchema = z
  .object({
    countries: z.number().int().openapi({ description: 'Registry countries with at least one value (any year).' }),
    of: z.number().int().openapi({ description: 'Countries in the registry (14).' }),
    countries_with_values: z.array(z.string()),
    missing_countries: z.array(z.string()),
    searched_not_found: z.array(z.string()).openapi({
      description: 'Missing countries whose value the source searched for in their texts and did not find.',
    }),
    first_year: z.number().int().nullable(),
    latest_year: z.number().int().nullable(),
    countries_in_latest_year: z.number().int(),
    has_undated: z.boolean(),
  })
  .openapi('CoverageSummary');

/** Every data response says where its numbers come from. */
export const ProvenanceSchema = z.object({
  sources: z.array(SourceSchema),
  releases: z.array(ReleaseSchema),
  licence: z.string().openapi({ description: 'The licences of every source in this response, joined by "; ".' }),
  citation: z.string().openapi({ description: 'How to cite the sources of this response.' }),
});

/** The countries an answer is about: a list, or a group with its membership rule and date. */
export const SelectionSchema = z
  .object({
    countries: z.array(z.string()),
    group: z
      .object({
        code: z.string(),
        rule: z.enum(['current', 'historical']),
        on: z.string(),
        members: z.array(z.string()),
      })
      .nullable(),
  })
  .openapi('Selection');

export const VintageSchema = z
  .object({
    kind: z.enum(['current', 'as_of', 'release']),
    release: z.string().nullable(),
    as_of: z.string().nullable(),
  })
  .openapi('Vintage');

/** What every one-indicator analysis response opens with: the indicator, the countries, the releases. */
export const indicatorContextShape = { indicator: IndicatorSchema, selection: SelectionSchema, vintage: VintageSchema };
