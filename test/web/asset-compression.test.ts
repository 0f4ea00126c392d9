import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { useLoadedApp } from '../helpers/app.ts';

/**
 * Static JavaScript and CSS travel compressed: brotli where the browser takes it, else gzip, with
 * `Vary: Accept-Encoding` and a strong ETag per representation (a 304 for a revalidation).
 */
const ctx = useLoadedApp();
const app = () => createApp({ db: ctx.test.db, versions: dataVersionSource(ctx.test.db, 0), assets: nodeAssets() });

async function fetchAsset(name: string, headers: Record<string, string> = {}) {
  const response = await app().request(`/assets/${name}`, { headers });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('static assets, compressed', () => {
  it.each(['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'explorer.js', 'civscope.css'])(
    '%s: brotli under a third of its size, byte for byte the file once decoded',
    async (name) => {
      const plain = await fetchAsset(name);
      const br = await fetchAsset(name, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.response.headers.get('content-encoding')).toBe('br');
      expect(br.response.headers.get('vary')).toBe('Accept-Encoding');
      expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect(new Uint8Array(brotliDecompressSync(br.bytes))).toEqual(plain.bytes);
    },
  );

  it('gzip for a client without brotli, none for one that refuses both, one ETag per representation', async () => {
    const plain = await fetchAsset('vega.min.js', { 'accept-encoding': 'identity' });
    const gz = await fetchAsset('vega.min.js', { 'accept-encoding': 'gzip' });
    const refused = await fetchAsset('vega.min.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(gz.response.headers.get('content-encoding')).toBe('gzip');
    expect(new Uint8Array(gunzipSync(gz.bytes))).toEqual(plain.bytes);
    expect(refused.response.headers.get('content-encoding')).toBeNull();
    const tags = [plain, gz].map((r) => r.response.headers.get('etag'));
    expect(tags[0]).toMatch(/^"[\w-]{32}"$/);
    expect(tags[1]).toBe(tags[0]?.replace(/"$/, '-gzip"'));
  });

  it('revalidation with the ETag of the representation gets a 304 with no body', async () => {
    const first = await fetchAsset('explorer.js', { 'accept-encoding': 'br' });
    const again = await fetchAsset('explorer.js', {
      'accept-encoding': 'br',
      'if-none-match': first.response.headers.get('etag') as string,
    });
    expect(again.response.status).toBe(304);
    expect(again.bytes.length).toBe(0);
  });
});

describe('static assets under versioned URLs', () => {
  it('the explorer, embed and methods pages link every asset by its content hash', async () => {
    const { createHash } = await import('node:crypto');
    for (const page of ['/?lang=vi', '/embed/ranking?indicator=EGDI&group=ASEAN', '/methods?lang=vi']) {
      const html = await (await app().request(page)).text();
      const links = [...html.matchAll(/\/assets\/([\w.-]+)(\?v=[\w-]+)?["']/g)];
      expect(links.length, page).toBeGreaterThan(0);
      for (const [, name, version] of links) {
        const body = (await fetchAsset(name as string)).bytes;
        const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
        expect(version, `${page}: ${name}`).toBe(`?v=${hash}`);
      }
    }
  });

  it('a versioned URL may be kept a year without asking again; a plain or stale one for a day', async () => {
    const html = await (await app().request('/?lang=vi')).text();
    const url = /\/assets\/vega\.min\.js\?v=[\w-]+/.exec(html)?.[0] as string;
    const versioned = await app().request(url);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stale = await app().request('/assets/vega.min.js?v=an-older-hash');
    expect(stale.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await app().request('/assets/vega.min.js')).headers.get('cache-control')).toBe('public, max-age=86400');
  });
});
