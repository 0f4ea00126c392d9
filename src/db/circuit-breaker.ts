import { isDatabaseUnavailable } from './unavailable.ts';

/** Thrown instead of waiting on a database known to be unreachable; maps to 503 like a refused connection. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}

/**
 * A circuit breaker in front of the pool. Closed: queries run as usual. The first "cannot reach
 * the database" error opens it: for `cooldownMs` every query fails at once, without touching
 * the driver (whose reconnect backoff would otherwise hold each request for seconds). Then it is
 * half-open: queries run again, each with `probeTimeoutMs` to answer; one success closes it,
 * a failure or a timeout opens it again. So during an outage every request gets its 503 within
 * `probeTimeoutMs`, and the first query after the database returns closes the circuit: no restart.
 */
export class CircuitBreaker {
  #openUntil = 0;
  #tripped = false;
  readonly #cooldownMs: number;
  readonly #probeTimeoutMs: number;

  constructor(options: { cooldownMs?: number; probeTimeoutMs?: number } = {}) {
    this.#cooldownMs = options.cooldownMs ?? 1000;
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 500;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (!this.#tripped) return 'closed';
    return performance.now() < this.#openUntil ? 'open' : 'half-open';
  }

  async run<T>(query: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open') throw new DatabaseUnavailableError('The database is unreachable (retrying shortly).');
    try {
      const result = state === 'half-open' ? await this.#withDeadline(query()) : await query();
      this.#tripped = false;
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) this.#trip();
      throw error;
    }
  }

  #trip(): void {
    this.#tripped = true;
    this.#openUntil = performance.now() + this.#cooldownMs;
  }

  #withDeadline<T>(pending: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DatabaseUnavailableError('The database did not answer in time.')),
        this.#probeTimeoutMs,
      );
    });
    // The abandoned query may still settle later; its outcome no longer matters.
    pending.catch(() => {});
    return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
  }
}
