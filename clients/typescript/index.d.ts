import type createClient from 'openapi-fetch';
import type { components, operations, paths } from './schema.d.ts';

export type { components, operations, paths };

/** Options of openapi-fetch (headers, a custom fetch…), without the base URL given separately. */
export type CivScopeClientOptions = Omit<NonNullable<Parameters<typeof createClient<paths>>[0]>, 'baseUrl'>;

/** A client for one CivScope server, e.g. createCivScopeClient('https://civscope.example.org'). */
export declare function createCivScopeClient(
  baseUrl: string,
  options?: CivScopeClientOptions,
): ReturnType<typeof createClient<paths>>;
