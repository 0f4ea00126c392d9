/** A route as Hono lists it (`app.routes`). */
interface RouteEntry {
  method: string;
  path: string;
}

/**
 * For a request no route answered: the methods that do answer its path (`GET, HEAD` for a read
 * route), so a POST to a GET route is a 405 with Allow, not a 404. Middleware (method `ALL`,
 * wildcard paths) is not a route.
 */
export function allowedMethodsFor(routes: readonly RouteEntry[]): (path: string) => string[] {
  let table: { pattern: RegExp; method: string }[] | null = null;
  return (path) => {
    table ??= routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({
        method: r.method.toUpperCase(),
        pattern: new RegExp(
          `^${r.path
            .split('/')
            .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/')}/?$`,
        ),
      }));
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
