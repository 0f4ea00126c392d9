import * as zod from 'zod';
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/edge/zod-without-locales.ts';

/**
 * The Worker's zod (wrangler.toml aliases `zod` to src/edge/zod-without-locales.ts) is the
 * package less its locales: the same names at the top and under `core`, the same objects, and
 * English messages. A zod upgrade that adds or moves an export fails here, not in production.
 */
describe("the Worker's zod without locales", () => {
  it('exports every name zod exports but `locales`, as the same objects', () => {
    expect(Object.keys(shim).sort()).toEqual(
      Object.keys(zod)
        .filter((k) => k !== 'locales')
        .sort(),
    );
    expect(Object.keys(shim.core).sort()).toEqual(
      Object.keys(zod.core)
        .filter((k) => k !== 'locales')
        .sort(),
    );
    for (const key of Object.keys(shim) as (keyof typeof shim)[])
      if (!['z', 'default', 'core'].includes(key)) expect(shim[key], key).toBe(zod[key as keyof typeof zod]);
  });

  it('still says what is wrong in English', () => {
    const result = shim.z.object({ year: shim.z.number().int() }).safeParse({ year: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected number, received string');
  });
});
