import { z } from 'zod';
import { validateProxyList } from './http/client-address.ts';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['0', '1', 'true', 'false'])
    .default(fallback)
    .transform((v) => v === '1' || v === 'true');

/** The environment, parsed once per entry point. Unknown variables are ignored. */
export const envSchema = z.object({
  /** `production` turns on the rate limit by default. */
  CIVSCOPE_ENV: z.enum(['development', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… switches from the embedded PGlite to a Postgres server. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Where the embedded database keeps its files. */
  CIVSCOPE_DATA_DIR: z.string().default('.data/pglite'),
  /**
   * The embedded database's shared_buffers (Postgres units; default in src/db/pglite.ts); a data
   * directory much larger than the shipped one wants more.
   */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]*(kB|MB|GB)$/, 'a Postgres memory size such as 32MB or 1GB')
    .optional(),
  /** Skip loading the shipped releases at start-up (production loads through the ingest CLI). */
  CIVSCOPE_SKIP_SHIPPED: flag('false'),
  /** Requests per client per minute on public routes; 0 turns the limit off. Default: 300 in production, off otherwise. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  /**
   * Our own reverse proxies, whose X-Forwarded-For is believed: comma-separated addresses, CIDRs or
   * `loopback`, `private`, `linklocal`. `off` (default): the socket's address is the client.
   */
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((text) =>
      text.trim().toLowerCase() === 'off'
        ? []
        : text
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      const problem = validateProxyList(entries);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /**
   * The origin absolute URLs in responses are built from (https://civscope.example.org). Unset: the
   * request's Host in development; root-relative URLs in production, so a Host header cannot reach a cache.
   */
  PUBLIC_ORIGIN: z
    .url({ error: 'PUBLIC_ORIGIN must be an origin such as https://civscope.example.org' })
    .transform((url) => new URL(url).origin)
    .optional(),
  /** Admin requests per client per minute, whatever RATE_LIMIT_PER_MINUTE says: wrong keys get 429, not endless 403s. */
  ADMIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Comma-separated sha256 (hex) of the admin keys. Generate one: `printf %s "$KEY" | sha256sum`. */
  ADMIN_KEY_SHA256: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/, 'each admin key hash must be 64 hex characters (sha256)'))),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Keep finished responses (in-process LRU on Node, Cache API on Workers). `false` for benchmarks of the uncached path. */
  RESPONSE_CACHE: flag('true'),
  /** One JSON log line per request. */
  LOG_REQUESTS: flag('true'),
  /** How long the data version (part of every ETag) may be reused before re-reading it, in ms. */
  DATA_VERSION_TTL_MS: z.coerce.number().int().min(0).default(1000),
  // Below the 30 s a process manager (Kubernetes, systemd) usually waits before SIGKILL, and long
  // enough for a queue of chart renders on a loaded machine to finish.
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (DATABASE_URL=) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The rate limit in force: explicit setting, else on (300/min) in production only. */
export function rateLimitOf(
  env: Pick<Env, 'RATE_LIMIT_PER_MINUTE' | 'CIVSCOPE_ENV'>,
): { limit: number; windowMs: number } | undefined {
  const limit = env.RATE_LIMIT_PER_MINUTE ?? (env.CIVSCOPE_ENV === 'production' ? 300 : 0);
  return limit > 0 ? { limit, windowMs: 60_000 } : undefined;
}

/** Where absolute URLs come from: the configured origin; the Host header only in development. */
export function publicOriginOf(env: Pick<Env, 'PUBLIC_ORIGIN' | 'CIVSCOPE_ENV'>): string | 'request' | undefined {
  return env.PUBLIC_ORIGIN ?? (env.CIVSCOPE_ENV === 'development' ? 'request' : undefined);
}
