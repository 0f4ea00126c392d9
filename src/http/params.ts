import { z } from '@hono/zod-openapi';
import { DEFAULT_MAX_GAP } from '../domain/efficiency/align-years.ts';
import { DEFAULT_BOOTSTRAP_REPLICATIONS, DEFAULT_BOOTSTRAP_SEED } from '../domain/efficiency/bootstrap.ts';
import { LEGACY_THEMES, THEME_PARAMETER_VALUES, THEMES } from '../domain/themes.ts';

/**
 * Query parameters shared by data and chart endpoints: they mean the same thing everywhere,
 * so a URL can move from one endpoint to another and keep its meaning.
 */

export const ISO3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an upper-case ISO 3166 alpha-3 code such as VNM')
  .openapi({ example: 'VNM' });

/** Limits that keep a request bounded; a list longer than the registry is a mistake, not a query. */
export const MAX_COUNTRIES = 14;
/** The longest series any source has (WDI, 1960–) fits; a wider span is a typo. */
export const MAX_YEAR_SPAN = 100;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A list parameter names each item once and stays within its limit; the issue says which rule broke. */
function listIsValid(codes: string[], max: number, noun: string, ctx: z.RefinementCtx): boolean {
  const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
  if (duplicate) ctx.addIssue({ code: 'custom', message: `${duplicate} is listed twice` });
  else if (codes.length > max) ctx.addIssue({ code: 'custom', message: `at most ${max} ${noun} per request` });
  else return true;
  return false;
}

export const countriesParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;
    const codes = text.split(',').map((c) => c.trim());
    if (codes.some((c) => c === '')) {
      ctx.addIssue({
        code: 'custom',
        message: 'empty entry in the list; write ISO3 codes separated by commas, e.g. VNM,THA',
      });
      return z.NEVER;
    }
    for (const code of codes) {
      if (!/^[A-Z]{3}$/.test(code)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${code}" is not an upper-case ISO3 code${/^[a-z]{3}$/i.test(code) ? ` (did you mean ${code.toUpperCase()}?)` : ''}`,
        });
        return z.NEVER;
      }
    }
    return listIsValid(codes, MAX_COUNTRIES, 'countries', ctx) ? codes : z.NEVER;
  })
  .openapi({
    param: { name: 'countries', in: 'query' },
    type: 'string',
    description: 'Comma-separated ISO3 codes, e.g. `VNM,THA,SGP`. Use either `countries` or `group`.',
    example: 'VNM,THA,SGP',
  });

export const groupParam = z
  .string()
  .min(1)
  .max(20)
  .optional()
  .openapi({
    param: { name: 'group', in: 'query' },
    description: 'A country group code: `ASEAN` or `ASEAN+3` (write `ASEAN%2B3` in a URL).',
    example: 'ASEAN',
  });

const yearBoundParam = (name: string, description: string) =>
  z.coerce
    .number({ error: `${name} must be a year such as 2020` })
    .int(`${name} must be a whole year`)
    .min(MIN_YEAR, `${name} must be ${MIN_YEAR} or later`)
    .max(MAX_YEAR, `${name} must be ${MAX_YEAR} or earlier`)
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'integer', description, example: 2020 });

export const fromParam = yearBoundParam('from', 'First year, inclusive.');
export const toParam = yearBoundParam('to', 'Last year, inclusive.');

export const indicatorCode = z
  .string()
  .regex(/^[A-Za-z0-9_.]{1,40}$/, 'expected an indicator code such as EGDI or GE.EST')
  .openapi({ example: 'EGDI' });

export const isoDateParam = (name: string, description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD`)
    .refine(
      (text) =>
        !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
      {
        message: `${name} is not a real calendar date`,
      },
    )
    .refine((text) => Number(text.slice(0, 4)) >= MIN_YEAR && Number(text.slice(0, 4)) <= MAX_YEAR, {
      message: `${name} must fall between ${MIN_YEAR} and ${MAX_YEAR}`,
    })
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example: '2025-10-26' });

/** Adds the `from` ≤ `to` rule to a query object that has both. */
export function checkYearRange(query: { from?: number; to?: number }, ctx: z.RefinementCtx): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${query.from}) is after to (${query.to})` });
  }
  if (query.from !== undefined && query.to !== undefined && query.to - query.from + 1 > MAX_YEAR_SPAN) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `the year span from ${query.from} to ${query.to} is longer than ${MAX_YEAR_SPAN} years`,
    });
  }
}

export const MAX_INDICATORS = 10;
export const MAX_LIMIT = 5000;

export const membershipParam = z
  .enum(['current', 'historical'], { error: 'membership must be current or historical' })
  .default('current')
  .openapi({
    param: { name: 'membership', in: 'query' },
    description:
      "How a group maps to countries over time: `current` (default) uses today's members for every year; `historical` counts a country for year Y only if it was a member on 31 December of Y.",
  });

export const yearParam = z.coerce
  .number({ error: 'year must be a year such as 2022' })
  .int('year must be a whole year')
  .min(MIN_YEAR, `year must be ${MIN_YEAR} or later`)
  .max(MAX_YEAR, `year must be ${MAX_YEAR} or earlier`)
  .optional()
  .openapi({ param: { name: 'year', in: 'query' }, type: 'integer', description: 'One year.', example: 2022 });

export const latestParam = z
  .enum(['true', 'false'], { error: 'latest must be true or false' })
  .optional()
  .transform((v) => v === 'true')
  .openapi({
    param: { name: 'latest', in: 'query' },
    type: 'string',
    description: "`true`: each country's most recent value, with its real year.",
  });

export const maxAgeParam = z.coerce
  .number({ error: 'max_age must be a whole number of years' })
  .int('max_age must be a whole number of years')
  .min(0, 'max_age must be 0 or more')
  .max(200, 'max_age must be 200 or less')
  .optional()
  .openapi({
    param: { name: 'max_age', in: 'query' },
    type: 'integer',
    description: 'Drop values older than N years before the newest value in the response.',
  });

export const releaseParam = z
  .string()
  .regex(
    /^[a-z0-9-]+:[A-Za-z0-9.-]+$/,
    'release must be a release id such as wb-wdi:2025-03-24-gdp-per-capita (see /v1/releases)',
  )
  .optional()
  .openapi({
    param: { name: 'release', in: 'query' },
    description:
      'Answer from this release only. Pinned responses naming countries are immutable; naming a group, they are cached a day (its members can change).',
  });

export const asOfParam = isoDateParam('as_of', 'Answer from the releases published on or before this date.');

export const normaliseParam = z
  .string()
  .regex(
    /^(minmax|zscore|rank|percentile|per_capita|index:\d{4})$/,
    'normalise must be one of minmax, zscore, rank, percentile, per_capita, index:<base-year>',
  )
  .optional()
  .openapi({
    param: { name: 'normalise', in: 'query' },
    description: 'Computed within the countries and year of the request. See /v1/methods.',
    example: 'minmax',
  });

export const formatParam = z
  .enum(['json', 'csv', 'sdmx-csv', 'xlsx'], { error: 'format must be json, csv, sdmx-csv or xlsx' })
  .default('json')
  .openapi({
    param: { name: 'format', in: 'query' },
    description:
      '`json` (default); `csv` answers `text/csv` (RFC 4180); `sdmx-csv` answers `text/csv` in SDMX-CSV columns; `xlsx` an Excel workbook with a data sheet and a sources sheet (Node deployments; 501 on Workers).',
  });

export const tableFormatParam = z
  .enum(['json', 'csv', 'xlsx'], { error: 'format must be json, csv or xlsx' })
  .default('json')
  .openapi({
    param: { name: 'format', in: 'query' },
    description:
      '`json` (default); `csv` answers `text/csv` (RFC 4180); `xlsx` an Excel workbook with a data sheet and a sources sheet (Node deployments; 501 on Workers).',
  });

export const bomParam = z
  .enum(['true', 'false'], { error: 'bom must be true or false' })
  .optional()
  .transform((v) => v === 'true')
  .openapi({
    param: { name: 'bom', in: 'query' },
    type: 'string',
    description: '`true`: start CSV with a UTF-8 byte order mark, so Excel reads Vietnamese names correctly.',
  });

export const styleParam = z
  .enum(['data', 'reader'], { error: 'style must be data or reader' })
  .default('data')
  .openapi({
    param: { name: 'style', in: 'query' },
    description:
      "For csv and xlsx. `data` (default): machine column names and exact values, for systems. `reader`: the file a person opens in a spreadsheet: column names in `lang`, indicator names and units instead of codes, the country in both languages, values rounded to the indicator's display decimals, and a byte order mark on CSV so Excel reads Vietnamese.",
  });

/** How a table comes back: JSON, CSV (optionally with a BOM for Excel) or an Excel workbook. */
export const tableOutputParams = { format: tableFormatParam, bom: bomParam, style: styleParam };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** A calendar-true ISO 8601 time (JavaScript's Date rolls 30 February over; Postgres refuses it). */
export function isRealTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0] = m
    .slice(1)
    .map((v) => (v === undefined ? 0 : Number(v)));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h < 24 && mi < 60 && s < 60 && oh <= 14 && om < 60;
}

/** An ISO 8601 timestamp with a time zone (or a bare date, meaning midnight UTC). */
export const timestampParam = (name: string, description: string) =>
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/,
      `${name} must be an ISO 8601 time such as 2026-11-23T21:00:00.000Z`,
    )
    .refine(isRealTimestamp, { message: `${name} is not a real calendar time` })
    .refine((text) => Number(text.slice(0, 4)) >= MIN_YEAR && Number(text.slice(0, 4)) <= MAX_YEAR, {
      message: `${name} must fall between ${MIN_YEAR} and ${MAX_YEAR}`,
    })
    .transform((text) => (text.length === 10 ? `${text}T00:00:00Z` : text))
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', description, example: '2026-11-23T21:00:00.000Z' });

export const indicatorsParam = z
  .string()
  .transform((text, ctx) => {
    const codes = text.split(',').map((c) => c.trim());
    if (codes.some((c) => !/^[A-Za-z0-9_.]{1,40}$/.test(c))) {
      ctx.addIssue({ code: 'custom', message: 'write indicator codes separated by commas, e.g. EGDI,OSI,TII' });
      return z.NEVER;
    }
    return listIsValid(codes, MAX_INDICATORS, 'indicators', ctx) ? codes : z.NEVER;
  })
  .openapi({ param: { name: 'indicators', in: 'query' }, type: 'string', example: 'EGDI,OSI,TII' });

/** The rules that hold wherever these parameters meet. */
export function checkCommonRules(
  query: { from?: number; to?: number; as_of?: string; release?: string; year?: number; latest?: boolean },
  ctx: z.RefinementCtx,
): void {
  checkYearRange(query, ctx);
  if (query.as_of && query.release)
    ctx.addIssue({ code: 'custom', path: ['release'], message: 'give either release or as_of, not both' });
  if (query.year !== undefined && query.latest)
    ctx.addIssue({ code: 'custom', path: ['latest'], message: 'give either year or latest=true, not both' });
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'give either year or from/to, not both' });
  }
}

/** Which releases answer: every route that reads data takes these two. */
export const vintageParams = { as_of: asOfParam, release: releaseParam };

/** Which countries, by list or group, and how a group maps to countries over time. */
export const selectionParams = { countries: countriesParam, group: groupParam, membership: membershipParam };

/** One value per country: a year, or each country's latest (optionally no older than max_age). */
export const crossSectionParams = {
  ...selectionParams,
  year: yearParam,
  latest: latestParam,
  max_age: maxAgeParam,
  ...vintageParams,
};

/**
 * One of the agenda themes; the theme names used before the agenda taxonomy are still accepted
 * with their old meaning (see LEGACY_THEMES and /v1/methods).
 */
export const themeParam = z
  .enum(THEME_PARAMETER_VALUES, { error: `theme must be one of ${THEME_PARAMETER_VALUES.join(', ')}` })
  .optional()
  .openapi({
    param: { name: 'theme', in: 'query' },
    example: 'digital-transformation',
    description: `An agenda theme: ${THEMES.join(', ')}. Accepted with their old meaning: ${Object.entries(
      LEGACY_THEMES,
    )
      .map(([old, to]) => `${old} (the ${to.themes.join(' and ')} indicators of ${to.sources.join(', ')})`)
      .join('; ')}.`,
  });

/** Efficiency frontiers (/v1/efficiency and the frontier chart): what goes in, what comes out, how. */
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
      return listIsValid(codes, max, name, ctx) ? codes : z.NEVER;
    })
    .openapi({ param: { name, in: 'query' }, type: 'string', example, description });

export const inputsParam = codeListParam(
  'inputs',
  MAX_INPUTS,
  'BI.WAG.TOTL.GD.ZS',
  `1–${MAX_INPUTS} resources (neutral indicators such as the wage bill or public employment).`,
);
export const outputsParam = codeListParam(
  'outputs',
  MAX_OUTPUTS,
  'GE.EST,EGDI',
  `1–${MAX_OUTPUTS} results where higher is better.`,
);

export const efficiencyParams = {
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
  max_gap: z.coerce
    .number({ error: 'max_gap must be a whole number of years from 0 to 5' })
    .int('max_gap must be a whole number of years from 0 to 5')
    .min(0, 'max_gap must be at least 0')
    .max(5, 'max_gap must be at most 5')
    .default(DEFAULT_MAX_GAP)
    .openapi({
      param: { name: 'max_gap', in: 'query' },
      type: 'integer',
      description:
        "Without `year`: a country's inputs and outputs come from the latest window of `max_gap` + 1 years in which it has them all (default 1: the same or adjacent years; 0: one year), not from each indicator's own latest year. A country with no such window is left out, with the reason.",
    }),
  bootstrap: z.coerce
    .number({ error: 'bootstrap must be a whole number of replications from 0 to 5000' })
    .int('bootstrap must be a whole number of replications from 0 to 5000')
    .min(0, 'bootstrap must be at least 0')
    .max(5000, 'bootstrap must be at most 5000')
    .default(DEFAULT_BOOTSTRAP_REPLICATIONS)
    .openapi({
      param: { name: 'bootstrap', in: 'query' },
      type: 'integer',
      description:
        "DEA only: replications of the Simar–Wilson (1998) smoothed bootstrap behind each score's bias-corrected value and 95 % interval (default 2000; 0 leaves them out). About 0.4 ms per country per replication.",
    }),
  seed: z.coerce
    .number({ error: 'seed must be a whole number from 0 to 4294967295' })
    .int('seed must be a whole number from 0 to 4294967295')
    .min(0, 'seed must be at least 0')
    .max(4294967295, 'seed must be at most 4294967295')
    .default(DEFAULT_BOOTSTRAP_SEED)
    .openapi({
      param: { name: 'seed', in: 'query' },
      type: 'integer',
      description: "The bootstrap's seed: the same seed and data give the same intervals.",
    }),
};

/** An indicator is either an input or an output, never both. */
export function checkInputsOutputs(query: { inputs?: string[]; outputs?: string[] }, ctx: z.RefinementCtx): void {
  const both = (query.inputs ?? []).filter((code) => (query.outputs ?? []).includes(code));
  if (both.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['outputs'],
      message: `${both.join(', ')} cannot be both an input and an output`,
    });
}
/** Language of names and labels in a response; codes and CSV column names never change with it. */
export const langParam = z
  .enum(['en', 'vi'], { error: 'lang must be en or vi' })
  .default('en')
  .openapi({
    param: { name: 'lang', in: 'query' },
    description:
      'Names and labels: `en` or `vi` (country and indicator names). Codes and CSV column names stay the same.',
  });

/** With `year`: a country without a value that year is answered from the nearest (or an earlier) year with data. */
export const fallbackParam = z
  .enum(['nearest', 'previous'], { error: 'fallback must be nearest or previous' })
  .optional()
  .openapi({
    param: { name: 'fallback', in: 'query' },
    description:
      'With `year`: a country without a value that year is answered from the nearest year with data (`nearest`; ties go to the earlier year) or the latest earlier one (`previous`), at most `max_age` years away; each row keeps its real `year` and gives `requested_year`.',
  });

/** The parameters of one indicator's series: who, which years, which vintage, normalised how. */
export const seriesParams = {
  ...crossSectionParams,
  from: fromParam,
  to: toParam,
  fallback: fallbackParam,
  normalise: normaliseParam,
};
/** One value per country: the selection, the year (or latest, max_age) and the vintage, as validated. */
export type CrossSectionParams = z.output<z.ZodObject<typeof crossSectionParams>>;
/** A series query as the routes validate it (the service's `SeriesQuery` is built on it). */
export type SeriesParams = z.output<z.ZodObject<typeof seriesParams>>;

/** The keys of T whose value may be undefined (a transformed parameter such as `countries`). */
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/**
 * A validated query as a caller inside the app may write it: keys that may be undefined, and the
 * `Defaulted` ones (which the schema fills in), may be left out.
 */
export type Lenient<T, Defaulted extends keyof T = never> = Omit<T, UndefinedKeys<T> | Defaulted> &
  Partial<Pick<T, UndefinedKeys<T> | Defaulted>>;
