import type { Kysely } from 'kysely';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { Problem } from '../errors.ts';
import { referenceRows } from './reference-rows.ts';

/** Throws `unknown_indicator` naming the code, and pointing at the catalogue. */
export async function requireIndicator(
  db: Kysely<Database>,
  code: string,
  status: 400 | 404 = 400,
): Promise<IndicatorRow> {
  const indicators = referenceRows(db);
  const [indicator] = await indicators.indicators([code]);
  if (!indicator) {
    const upper = code.toUpperCase();
    const hint = upper !== code && (await indicators.indicators([upper])).length > 0 ? ` Did you mean ${upper}?` : '';
    throw new Problem(
      status,
      'unknown_indicator',
      `Unknown indicator "${code}".${hint} See /v1/indicators for the catalogue.`,
      {
        parameter: 'indicator',
      },
    );
  }
  return indicator;
}

/** Every code must exist; the error names all unknown ones at once. */
export async function requireIndicators(
  db: Kysely<Database>,
  codes: string[],
  parameter = 'indicators',
): Promise<IndicatorRow[]> {
  const found = await referenceRows(db).indicators(codes);
  const unknown = codes.filter((code) => !found.some((i) => i.code === code));
  if (unknown.length > 0) {
    throw new Problem(
      400,
      'unknown_indicator',
      `Unknown indicator${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. See /v1/indicators for the catalogue.`,
      {
        parameter,
        unknown,
      },
    );
  }
  return codes.map((code) => found.find((i) => i.code === code) as IndicatorRow);
}
