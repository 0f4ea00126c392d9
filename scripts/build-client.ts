/**
 * Writes clients/typescript/schema.d.ts, the types of the partner client, from the OpenAPI
 * document the app serves (openapi-typescript 6: string output, no TypeScript compiler API, which
 * the project's TypeScript 7 does not offer). A test fails when the committed file is stale.
 * Usage: npm run build:client
 */
import { writeFile } from 'node:fs/promises';
import { clientSchemaTypes, CLIENT_SCHEMA_PATH } from './lib/client-schema.ts';

await writeFile(CLIENT_SCHEMA_PATH, await clientSchemaTypes());
console.log(`wrote ${CLIENT_SCHEMA_PATH}`);
