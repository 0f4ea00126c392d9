import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './app-deps.ts';
import { bodyEtag } from './http/body-etag.ts';
import { type DataVersionSource, dataVersionSource } from './http/data-version.ts';
import { keepReferenceRows } from './services/reference-rows.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { Problem, type ProblemCode, problemResponse, RETRY_AFTER_OUTAGE } from './http/problem.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestId, requestLog } from './http/request-log.ts';
import { clientAddressResolver, TRUST_NOBODY } from './http/client-address.ts';
import { staticHeaders } from './http/static-headers.ts';
import { dataCache, memoryResponseStore, type ResponseStore } from './http/response-cache.ts';
import { createRouter } from './http/router.ts';
import { allowedMethodsFor } from './http/method-not-allowed.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { aggregatesRoutes } from './routes/aggregates/index.ts';
import { briefsRoutes } from './routes/briefs/index.ts';
import { bulkRoutes } from './routes/bulk/index.ts';
import { changesRoutes } from './routes/changes/index.ts';
import { chartsRoutes } from './routes/charts/index.ts';
import { compareRoutes } from './routes/compare/index.ts';
import { compositeRoutes } from './routes/composite/index.ts';
import { efficiencyRoutes } from './routes/efficiency/index.ts';
import { countriesRoutes } from './routes/countries/index.ts';
import { groupsRoutes } from './routes/groups/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { themesRoutes } from './routes/themes/index.ts';
import { indicatorsRoutes } from './routes/indicators/index.ts';
import { methodsRoutes } from './routes/methods/index.ts';
import { observationsRoutes } from './routes/observations/index.ts';
import { profilesRoutes } from './routes/profiles/index.ts';
import { rankingsRoutes } from './routes/rankings/index.ts';
import { sourcesRoutes } from './routes/sources/index.ts';
import { contentSecurityPolicy } from './web/content-security.ts';
import { docsRoutes } from './web/docs.ts';
import { embedRoutes } from './web/embed.ts';
import { explorerRoutes } from './web/explorer-page.ts';
import { methodsPageRoutes } from './web/methods-page.ts';

export const API_VERSION = '1.0.0';

/** Stable codes for the statuses Hono and its middleware throw as bare HTTPExceptions. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ProblemCode>> = {
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const ADMIN_RATE_LIMIT = { limit: 20, windowMs: 60_000 };

/**
 * The runtime-free app: the same object serves Node (src/node.ts) and Workers (src/worker.ts).
 * Route groups are chained so `AppType` carries every route for `hono/client`.
 */
export function createApp(deps: AppDeps) {
  const versions = deps.versions ?? dataVersionSource(deps.db);
  keepReferenceRows(deps.db, versions);
  const store = deps.responseStore ?? memoryResponseStore();
  const app = createRouter();
  useMiddleware(app, deps, versions, store);

  const routes = app
    .route('/', healthRoutes(deps))
    .route('/', countriesRoutes())
    .route('/', groupsRoutes(deps))
    .route('/', indicatorsRoutes(deps))
    .route('/', themesRoutes(deps))
    .route('/', sourcesRoutes(deps))
    .route('/', observationsRoutes(deps))
    .route('/', rankingsRoutes(deps))
    .route('/', compareRoutes(deps))
    .route('/', profilesRoutes(deps))
    .route('/', aggregatesRoutes(deps))
    .route('/', compositeRoutes(deps))
    .route('/', efficiencyRoutes(deps))
    .route('/', briefsRoutes(deps))
    .route('/', changesRoutes(deps))
    .route('/', bulkRoutes(deps))
    .route('/', chartsRoutes(deps))
    .route('/', methodsRoutes())
    .route('/', adminRoutes(deps, versions))
    .route('/', docsRoutes(deps))
    .route('/', embedRoutes(deps))
    .route('/', explorerRoutes(deps, { documents: deps.briefDocuments !== undefined }))
    .route('/', methodsPageRoutes(deps.assets));

  describeApi(routes);
  routes.notFound(unknownRouteHandler(allowedMethodsFor(routes.routes)));
  routes.onError(errorHandler(deps));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** Request ids, logging, static headers, rate limits, CSP and the response cache, in that order. */
function useMiddleware(
  app: ReturnType<typeof createRouter>,
  deps: AppDeps,
  versions: DataVersionSource,
  store: ResponseStore,
): void {
  app.use('*', requestId());
  if (deps.log) app.use('*', requestLog(deps.log));
  app.use('*', staticHeaders());
  const clientKey = clientAddressResolver(deps.proxyTrust ?? TRUST_NOBODY);
  // The admin route has its own, always-on limit: wrong keys end in 429, not in endless 403s.
  app.use('/v1/admin/*', rateLimit(deps.adminRateLimit ?? ADMIN_RATE_LIMIT, clientKey, 'admin'));
  if (deps.rateLimit) {
    const limiter = rateLimit(deps.rateLimit, clientKey);
    // Load-balancer probes are not public traffic; the admin route is limited above.
    app.use('*', (c, next) =>
      c.req.path === '/health' || c.req.path === '/ready' || c.req.path.startsWith('/v1/admin/')
        ? next()
        : limiter(c, next),
    );
  }
  app.use('/openapi.json', bodyEtag('public, max-age=300'));
  app.use('/', contentSecurityPolicy({ frameAncestors: "'self'" }));
  app.use('/docs', contentSecurityPolicy({ frameAncestors: "'self'" }));
  app.use('/embed/*', contentSecurityPolicy({ frameAncestors: '*' }));
  app.use('/v1/briefs/*', contentSecurityPolicy({ frameAncestors: "'self'" }));
  app.use('/v1/*', dataCache(versions, store, deps.now, deps.build, deps.publicOrigin));
}

/** The OpenAPI 3.1 document at /openapi.json. */
function describeApi(routes: ReturnType<typeof createRouter>): void {
  routes.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An admin key; the server stores only its sha256.',
  });
  routes.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'CivScope API',
      version: API_VERSION,
      description: 'Comparable civil-service indicators for the ASEAN+3 countries, with their sources and releases.',
      license: {
        name: 'API description CC BY 4.0; data under the licence of each source, stated in every response',
        url: 'https://creativecommons.org/licenses/by/4.0/',
      },
    },
    servers: [{ url: '/', description: 'This CivScope server' }],
    // Public read-only API: no authentication (the admin route declares its own).
    security: [],
  });
}

/** 405 with Allow for a known path and another method; 404 otherwise; both problem+json. */
function unknownRouteHandler(allowedMethods: (path: string) => string[]) {
  return (c: Context) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      const response = problemResponse(
        new Problem(405, 'method_not_allowed', `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}.`),
        c.req.path,
      );
      response.headers.set('allow', [...allowed, 'OPTIONS'].join(', '));
      return response;
    }
    return problemResponse(
      new Problem(404, 'not_found', `No route for ${c.req.method} ${c.req.path}. See /openapi.json.`),
      c.req.path,
    );
  };
}

/** Every error ends as problem+json: Problems as they are, an unreachable database as 503, the rest 500 (logged). */
function errorHandler(deps: AppDeps) {
  return (error: Error, c: Context) => {
    if (error instanceof Problem) return problemResponse(error, c.req.path);
    if (isDatabaseUnavailable(error)) {
      deps.log?.({ level: 'warn', msg: 'database unavailable', path: c.req.path, error: String(error) });
      const response = problemResponse(
        new Problem(503, 'service_unavailable', 'The database cannot be reached right now; retry shortly.'),
        c.req.path,
      );
      response.headers.set('retry-after', String(RETRY_AFTER_OUTAGE));
      return response;
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = HTTP_EXCEPTION_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_parameter');
      return problemResponse(new Problem(status, code, error.message || 'Request refused'), c.req.path);
    }
    (deps.log ?? ((r) => console.error(JSON.stringify(r))))({
      level: 'error',
      msg: 'unhandled error',
      path: c.req.path,
      error: String(error),
      stack: (error as Error).stack,
    });
    return problemResponse(
      new Problem(500, 'internal_error', 'An unexpected error occurred; it has been logged.'),
      c.req.path,
    );
  };
}
