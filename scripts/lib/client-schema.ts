import { fileURLToPath } from 'node:url';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../../src/app.ts';
import { connectPglite } from '../../src/db/pglite.ts';

export const CLIENT_SCHEMA_PATH = fileURLToPath(new URL('../../clients/typescript/schema.d.ts', import.meta.url));

/** The TypeScript types of the app's OpenAPI document, as the client package ships them. */
export async function clientSchemaTypes(): Promise<string> {
  // The document does not depend on data: an empty in-memory database is enough to build the app.
  const database = await connectPglite();
  try {
    const document = (await (await createApp({ db: database.db }).request('/openapi.json')).json()) as OpenAPI3;
    return await openapiTS(document, { exportType: false });
  } finally {
    await database.close();
  }
}
