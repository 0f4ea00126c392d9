import { z } from '@hono/zod-openapi';
import { AGGREGATE_STATS } from '../domain/aggregate.ts';
import { GROUPS } from '../domain/groups.ts';
import {
  checkCommonRules,
  countriesParam,
  crossSectionParams,
  fromParam,
  indicatorCode,
  indicatorsParam,
  langParam,
  latestParam,
  MAX_YEAR,
  maxAgeParam,
  MIN_YEAR,
  selectionParams,
  tableOutputParams,
  themeParam,
  toParam,
  vintageParams,
  yearParam,
} from './params.ts';

/**
 * The queries of the analysis routes (/v1/rankings, /v1/compare, /v1/composite, /v1/aggregates,
 * /v1/profiles/{iso3}, /v1/briefs/{iso3}). Below the services, so each service's query type is
 * inferred from the schema its route validates.
 */

export const rankingsQuery = z
  .strictObject({
    indicator: indicatorCode.openapi({ param: { name: 'indicator', in: 'query' } }),
    ...crossSectionParams,
    ...tableOutputParams,
    lang: langParam,
  })
  .superRefine(checkCommonRules);
/** A ranking request as /v1/rankings validates it. */
export type RankingsParams = z.output<typeof rankingsQuery>;

export const compareQuery = z
  .strictObject({
    indicators: indicatorsParam,
    ...crossSectionParams,
    ...tableOutputParams,
    lang: langParam,
  })
  .superRefine(checkCommonRules);
/** A comparison request as /v1/compare validates it. */
export type CompareParams = z.output<typeof compareQuery>;

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

export const compositeQuery = z
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
  });
/** A composite request as /v1/composite validates it. */
export type CompositeParams = z.output<typeof compositeQuery>;

export const aggregatesQuery = z
  .strictObject({
    indicator: indicatorCode.openapi({ param: { name: 'indicator', in: 'query' } }),
    group: selectionParams.group,
    membership: selectionParams.membership,
    stat: z
      .enum(AGGREGATE_STATS, {
        error: `stat must be one of ${AGGREGATE_STATS.join(', ')}`,
      })
      .default('mean')
      .openapi({ param: { name: 'stat', in: 'query' } }),
    from: fromParam,
    to: toParam,
    ...vintageParams,
    ...tableOutputParams,
  })
  .superRefine(checkCommonRules);
/** An aggregates request as /v1/aggregates validates it. */
export type AggregatesParams = z.output<typeof aggregatesQuery>;

export const profileQuery = z
  .strictObject({
    group: selectionParams.group,
    countries: selectionParams.countries,
    membership: selectionParams.membership,
    year: yearParam,
    theme: themeParam,
    ...vintageParams,
    ...tableOutputParams,
    lang: langParam,
  })
  .superRefine(checkCommonRules);
/** A profile request as /v1/profiles/{iso3} validates it. */
export type ProfileParams = z.output<typeof profileQuery>;

/** Every format a brief is (or will be) served in; each has one renderer in briefs.handlers.ts. */
export const BRIEF_FORMATS = ['json', 'html', 'pdf', 'docx'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];
/** Which part of a brief a document holds: the two-page fact sheet, the annex (every section), or both. */
export const BRIEF_PARTS = ['sheet', 'annex', 'all'] as const;
export type BriefPart = (typeof BRIEF_PARTS)[number];

const GROUP_CODES = GROUPS.map((g) => g.code) as [string, ...string[]];

export const briefQuerySchema = z
  .strictObject({
    group: z
      .enum(GROUP_CODES, { error: `group must be one of ${GROUP_CODES.join(', ')} (write ASEAN%2B3 in a URL)` })
      .optional()
      .openapi({
        param: { name: 'group', in: 'query' },
        type: 'string',
        description: 'The peer group: `ASEAN` or `ASEAN+3` (default). Use either `group` or `countries`.',
        example: 'ASEAN',
      }),
    countries: countriesParam,
    year: yearParam,
    latest: latestParam,
    max_age: maxAgeParam,
    since: z.coerce
      .number({ error: 'since must be a year such as 2014' })
      .int('since must be a whole year')
      .min(MIN_YEAR, `since must be ${MIN_YEAR} or later`)
      .max(MAX_YEAR, `since must be ${MAX_YEAR} or earlier`)
      .optional()
      .openapi({
        param: { name: 'since', in: 'query' },
        type: 'integer',
        description: 'Base year for the changes in the summary (default: ten years before today).',
        example: 2014,
      }),
    lang: langParam,
    part: z
      .enum(BRIEF_PARTS, { error: `part must be one of ${BRIEF_PARTS.join(', ')}` })
      .default('sheet')
      .openapi({
        param: { name: 'part', in: 'query' },
        description:
          'Which part a document (html, pdf, docx) holds: `sheet` (default), the two-page fact sheet (key messages, scorecard, indicator table, efficiency, data gaps); `annex`, every section with its caveats, sources and the API call behind each number; `all`, both in one document. JSON always carries both (`fact_sheet` and the sections).',
      }),
    format: z
      .enum(BRIEF_FORMATS, { error: `format must be one of ${BRIEF_FORMATS.join(', ')}` })
      .default('json')
      .openapi({
        param: { name: 'format', in: 'query' },
        description:
          '`json` (default): the structured brief; `html`: a print-ready A4 page (inline SVG charts, no script); `pdf` and `docx`: the same content as a document.',
      }),
  })
  .superRefine((query, ctx) => {
    checkCommonRules(query, ctx);
    if (query.group && query.countries)
      ctx.addIssue({ code: 'custom', path: ['countries'], message: 'give either countries or group, not both' });
  });
/** A brief request as /v1/briefs/{iso3} validates it. */
export type BriefParams = z.output<typeof briefQuerySchema>;
