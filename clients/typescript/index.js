import createClient from 'openapi-fetch';

/** A client for one CivScope server; every path, parameter and response is typed (see index.d.ts). */
export function createCivScopeClient(baseUrl, options = {}) {
  return createClient({ ...options, baseUrl });
}
