import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import type { DataVersionSource } from '../../http/data-version.ts';
import { Problem } from '../../http/problem.ts';
import type { uploadReleaseRoute } from './admin.routes.ts';

async function fileField(
  form: Record<string, unknown>,
  name: 'meta' | 'data',
): Promise<{ text: string; bytes: Uint8Array; name: string }> {
  const value = form[name];
  if (!(value instanceof File)) {
    throw new Problem(
      400,
      'invalid_upload',
      `The form needs a file field "${name}" (${name === 'meta' ? 'meta.yaml' : 'the data file'}).`,
      { parameter: name },
    );
  }
  const bytes = new Uint8Array(await value.arrayBuffer());
  return { bytes, text: new TextDecoder().decode(bytes), name: value.name || name };
}

export const uploadRelease =
  (deps: AppDeps, versions: DataVersionSource): RouteHandler<typeof uploadReleaseRoute> =>
  async (c) => {
    // The admin key and the runtime were checked by the middleware in ./index.ts.
    const ingest = deps.ingest as NonNullable<AppDeps['ingest']>;
    let form: Record<string, unknown>;
    try {
      form = (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      throw new Problem(400, 'invalid_upload', 'The body is not a multipart/form-data form.');
    }
    const meta = await fileField(form, 'meta');
    const data = await fileField(form, 'data');
    const summary = await ingest({ metaText: meta.text, metaName: meta.name, data: data.bytes, dataName: data.name });
    versions.invalidate();
    return summary.status === 'loaded' ? c.json(summary, 201) : c.json(summary, 200);
  };
