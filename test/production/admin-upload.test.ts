import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/http/admin-auth.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { uploadIngester } from '../../src/ingest/upload.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';

const KEY = 'civscope-admin-test-key-7f3a9c';
/** Uploads must state their file's sha256 (issue 11): the broken files below carry their own. */
const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');
const BROKEN_ROW =
  'source,indicator_code,indicator_name,country_iso3,year,value,unit\nX,NY.GDP.PCAP.CD,x,VNM,2020,100,US$\nX,NY.GDP.PCAP.CD,x,THA,2020,12,5,US$\n';
const NOT_A_NUMBER =
  'source,indicator_code,indicator_name,country_iso3,year,value,unit\nX,NY.GDP.PCAP.CD,x,VNM,2020,1.5e,US$\n';
const release = (...parts: string[]) =>
  path.resolve(import.meta.dirname, '../../datasets/wb-wdi/2025-03-24-gdp-per-capita', ...parts);

let test: TestDatabase;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  test = await createPreparedDatabase();
  app = createApp({
    db: test.db,
    versions: dataVersionSource(test.db, 60_000), // a long TTL: the upload itself must invalidate it
    ingest: uploadIngester(test.db),
    adminKeyHashes: [await sha256Hex(KEY)],
    uploadMaxBytes: 64 * 1024,
    log: (record) => logged.push(JSON.stringify(record)),
  });
});
afterAll(async () => {
  await test?.close();
});

async function upload(files: { meta?: string; data?: string | Uint8Array }, authorization?: string) {
  const form = new FormData();
  if (files.meta !== undefined) form.set('meta', new File([files.meta], 'meta.yaml'));
  if (files.data !== undefined) form.set('data', new File([files.data as BlobPart], 'data.csv'));
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await app.request('/v1/admin/releases', { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /v1/admin/releases', () => {
  it('refuses a request without a key with 401, and a wrong key with 403', async () => {
    const meta = await readFile(release('meta.yaml'), 'utf8');
    expect(await upload({ meta, data: 'x' })).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    expect(await upload({ meta, data: 'x' }, 'Bearer not-the-key')).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    expect(await countObservations(test.db)).toBe(0);
  });

  it('never writes the key into the logs', () => {
    expect(logged.join('\n')).not.toContain('not-the-key');
    expect(logged.join('\n')).not.toContain(KEY);
  });

  it('loads a good upload in one transaction, and the next GET sees the new data at once', async () => {
    const before = await app.request('/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM');
    expect(before.status).toBe(400); // the indicator does not exist yet
    const { status, body } = await upload(
      { meta: await readFile(release('meta.yaml'), 'utf8'), data: await readFile(release('data.csv')) },
      `Bearer ${KEY}`,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      release: 'wb-wdi:2025-03-24-gdp-per-capita',
      status: 'loaded',
      lines_read: 56,
      loaded: 56,
    });
    const after = await app.request('/v1/observations?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2022&to=2022');
    expect(((await after.json()) as { observations: { value: number }[] }).observations[0]?.value).toBe(
      2325.03050040841,
    );
  });

  it('answers 200 "unchanged" for the same file again', async () => {
    const { status, body } = await upload(
      { meta: await readFile(release('meta.yaml'), 'utf8'), data: await readFile(release('data.csv')) },
      `Bearer ${KEY}`,
    );
    expect(status).toBe(200);
    expect(body.status).toBe('unchanged');
  });

  it('refuses a bad upload with 422 naming the line and column, and leaves the database unchanged', async () => {
    const meta = (await readFile(release('meta.yaml'), 'utf8'))
      .replace(/^release: .*$/m, 'release: broken')
      .replace(/^sha256: .*$/m, `sha256: ${sha256Of(BROKEN_ROW)}`);
    const data = BROKEN_ROW;
    const before = await countObservations(test.db);
    const { status, body } = await upload({ meta, data }, `Bearer ${KEY}`);
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'invalid_upload', file: 'data.csv', line: 3 });
    expect(await countObservations(test.db)).toBe(before);
  });

  it('names a non-numeric value by line and column', async () => {
    const meta = (await readFile(release('meta.yaml'), 'utf8'))
      .replace(/^release: .*$/m, 'release: broken-2')
      .replace(/^sha256: .*$/m, `sha256: ${sha256Of(NOT_A_NUMBER)}`);
    const data = NOT_A_NUMBER;
    const { status, body } = await upload({ meta, data }, `Bearer ${KEY}`);
    expect(status).toBe(422);
    expect(body).toMatchObject({ line: 2, column: 'value' });
    expect(body.detail).toContain('line 2, column "value": not a number ("1.5e")');
  });

  it('refuses a form without the data file, and a meta.yaml that is not valid', async () => {
    expect(await upload({ meta: 'release: x' }, `Bearer ${KEY}`)).toMatchObject({
      status: 400,
      body: { code: 'invalid_upload', parameter: 'data' },
    });
    expect(await upload({ meta: 'format: [unclosed', data: 'a,b\n' }, `Bearer ${KEY}`)).toMatchObject({
      status: 422,
      body: { code: 'invalid_upload' },
    });
  });

  it('refuses an upload over the size limit with 413', async () => {
    const { status, body } = await upload({ meta: 'x', data: new Uint8Array(128 * 1024) }, `Bearer ${KEY}`);
    expect(status).toBe(413);
    expect(body.code).toBe('payload_too_large');
  });

  it('answers 501 where uploads are not available (the edge)', async () => {
    const edge = createApp({ db: test.db, adminKeyHashes: [await sha256Hex(KEY)] });
    const response = await edge.request('/v1/admin/releases', {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(501);
  });
});
