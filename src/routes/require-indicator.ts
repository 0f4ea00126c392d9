import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Problem } from '../http/problem.ts';
import { findIndicator } from '../repositories/indicators.ts';

/** Throws `unknown_indicator` naming the code, and pointing at the catalogue. */
export async function requireIndicator(db: Kysely<Database>, code: string, status: 400 | 404 = 400) {
  const indicator = await findIndicator(db, code);
  if (!indicator) {
    const upper = code.toUpperCase();
    const hint = upper !== code && (await findIndicator(db, upper)) ? ` Did you mean ${upper}?` : '';
    throw new Problem(status, 'unknown_indicator', `Unknown indicator "${code}".${hint} See /v1/indicators for the catalogue.`, {
      parameter: 'indicator',
    });
  }
  return indicator;
}
