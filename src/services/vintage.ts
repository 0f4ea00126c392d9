import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Problem } from '../errors.ts';
import { CURRENT, type Vintage } from '../repositories/observations.ts';
import { findRelease } from '../repositories/releases.ts';

/** `release=ID` (must exist) or `as_of=DATE`, else the current values. */
export async function resolveVintage(
  db: Kysely<Database>,
  query: { release?: string; as_of?: string },
): Promise<Vintage> {
  if (query.release) {
    if (!(await findRelease(db, query.release))) {
      throw new Problem(404, 'unknown_release', `Unknown release "${query.release}". See /v1/releases.`, {
        parameter: 'release',
      });
    }
    return { kind: 'release', releaseId: query.release };
  }
  if (query.as_of) return { kind: 'as_of', date: query.as_of };
  return CURRENT;
}

export function describeVintage(vintage: Vintage) {
  if (vintage.kind === 'release') return { kind: 'release' as const, release: vintage.releaseId, as_of: null };
  if (vintage.kind === 'as_of') return { kind: 'as_of' as const, release: null, as_of: vintage.date };
  return { kind: 'current' as const, release: null, as_of: null };
}
