/**
 * zod as the Worker bundles it: everything `import { z } from 'zod'` gives, except
 * `z.locales` — the error messages of 60-odd languages (260 KiB, about 60 KiB gzipped) that
 * CivScope never uses (English is registered by zod's schemas themselves). wrangler.toml aliases
 * `zod` to this file for the Worker only; Node and the tests use the package as published. It
 * mirrors zod/v4/classic/external.js, which `zod` re-exports, less its `locales` line.
 */
import * as z from './zod-external.ts';

export * from './zod-external.ts';
export { z, z as default };
