import { z } from '@hono/zod-openapi';

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
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const countriesParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;
    const codes = text.split(',').map((c) => c.trim());
    if (codes.some((c) => c === '')) {
      ctx.addIssue({ code: 'custom', message: 'empty entry in the list; write ISO3 codes separated by commas, e.g. VNM,THA' });
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
    const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
    if (duplicate) {
      ctx.addIssue({ code: 'custom', message: `${duplicate} is listed twice` });
      return z.NEVER;
    }
    if (codes.length > MAX_COUNTRIES) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_COUNTRIES} countries per request` });
      return z.NEVER;
    }
    return codes;
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
  .openapi({ param: { name: 'group', in: 'query' }, description: 'A country group code: `ASEAN` or `ASEAN+3` (write `ASEAN%2B3` in a URL).', example: 'ASEAN' });

const yearParam = (name: string, description: string) =>
  z.coerce
    .number({ error: `${name} must be a year such as 2020` })
    .int(`${name} must be a whole year`)
    .min(MIN_YEAR, `${name} must be ${MIN_YEAR} or later`)
    .max(MAX_YEAR, `${name} must be ${MAX_YEAR} or earlier`)
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'integer', description, example: 2020 });

export const fromParam = yearParam('from', 'First year, inclusive.');
export const toParam = yearParam('to', 'Last year, inclusive.');

export const indicatorCode = z
  .string()
  .regex(/^[A-Za-z0-9_.]{1,40}$/, 'expected an indicator code such as EGDI or GE.EST')
  .openapi({ example: 'EGDI' });

export const isoDateParam = (name: string, description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD`)
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
      message: `${name} is not a real calendar date`,
    })
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example: '2025-10-26' });

/** Adds the `from` ≤ `to` rule to a query object that has both. */
export function checkYearRange(query: { from?: number; to?: number }, ctx: z.RefinementCtx): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${query.from}) is after to (${query.to})` });
  }
}
