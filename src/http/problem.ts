import type { Problem } from '../errors.ts';
import { STATIC_HEADERS } from './static-headers.ts';

export { Problem, type ProblemBody, type ProblemCode } from '../errors.ts';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_OUTAGE = 5;

/** The problem as application/problem+json; a `retry_after` (seconds) in it is also sent as Retry-After. */
export function problemResponse(problem: Problem, instance?: string): Response {
  const retryAfter = problem.extensions.retry_after;
  return new Response(JSON.stringify(problem.body(instance)), {
    status: problem.status,
    headers: {
      ...STATIC_HEADERS,
      'content-type': 'application/problem+json; charset=utf-8',
      ...(typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}),
    },
  });
}
