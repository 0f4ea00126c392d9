import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { Problem, problemResponse } from './problem.ts';

/** Turns the first zod issue into a sentence that names the parameter. */
export function describeZodError(error: ZodError): { parameter: string; detail: string } {
  const issue = error.issues[0];
  // Query objects are strict: a misspelt parameter (contries=) is an error, not silently ignored.
  if (issue?.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    return {
      parameter: keys[0] ?? 'request',
      detail: `unknown parameter${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}; see /openapi.json for this route's parameters`,
    };
  }
  const parameter = issue?.path.map(String).join('.') || 'request';
  return { parameter, detail: `${parameter}: ${issue?.message ?? 'invalid value'}` };
}

/**
 * Every route group is built on this, so every validation failure anywhere becomes the same
 * problem+json response with code `invalid_parameter` and the parameter named.
 */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const { parameter, detail } = describeZodError(result.error as unknown as ZodError);
        return problemResponse(new Problem(400, 'invalid_parameter', detail, { parameter }), c.req.path);
      }
    },
  });
}
