/**
 * Errors that mean "the database cannot be reached right now" (connection refused, reset, timed
 * out, closed), as opposed to a bug. They become 503 problem+json; the drivers reconnect by
 * themselves on a later query, so the service recovers without a restart.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'DATABASE_UNAVAILABLE', // the circuit breaker (circuit-breaker.ts)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (
      /connect(ion)? (refused|terminated|timeout)|Connection closed|PGlite is closed|Network connection lost/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}
