import type { MiddlewareHandler } from 'hono';

export type LogRecord = Record<string, unknown>;
export type Logger = (record: LogRecord) => void;

/** One JSON object per line on stdout: what log collectors expect. */
export const jsonLogger: Logger = (record) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...record }));
};

/**
 * A request id on every response, logging or not: the caller's X-Request-Id when it is a plain
 * token, else a new UUID.
 */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId' as never, id as never);
    // Set before the handler builds its response (see static-headers.ts); responses built
    // outside the context (problems, cached bodies) get it afterwards.
    c.header('x-request-id', id);
    await next();
    if (c.res.headers.get('x-request-id') !== id) c.res.headers.set('x-request-id', id);
  };
}

/** One structured log line per request. Headers are never logged, so credentials cannot leak into logs. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const id = c.get('requestId' as never) as string;
    const started = performance.now();
    await next();
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      request_id: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
