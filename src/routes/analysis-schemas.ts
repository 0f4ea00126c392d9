import { z } from '@hono/zod-openapi';

/** Response pieces shared by the analytics routes. */

export const CoverageSchema = z
  .object({
    reporting: z.number().int().openapi({ description: 'Members with a usable value.' }),
    members: z.number().int(),
    missing: z.array(z.string()).openapi({ description: 'Members without one, by ISO3.' }),
  })
  .openapi('Coverage');

export const ExcludedValueSchema = z
  .object({ iso3: z.string(), year: z.number().int().nullable(), value: z.number(), flag: z.string().nullable() })
  .openapi('ExcludedValue');
