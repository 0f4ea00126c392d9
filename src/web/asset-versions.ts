import type { AssetProvider } from '../app-deps.ts';

/** An asset's version in a URL: the start of its content hash (its ETag), so new bytes get a new URL. */
export function assetVersion(etag: string): string {
  return etag.replace(/^W\/|"/g, '').slice(0, 16);
}

const ASSET_URL = /\/assets\/([A-Za-z0-9_.-]+)(?=["'])/g;

/**
 * Every `/assets/<name>` a page links gets `?v=<its content hash>`: the URL names those exact bytes,
 * so the assets route can let browsers keep them a year without asking again (immutable), and a
 * new deployment's files arrive under new URLs. A runtime that cannot fingerprint an asset (the
 * Worker, whose static assets are served beside the app) keeps the plain URL.
 */
export async function withAssetVersions(html: string, assets: AssetProvider | undefined): Promise<string> {
  if (!assets) return html;
  const names = [...new Set([...html.matchAll(ASSET_URL)].map((m) => m[1] as string))];
  const versions = new Map(
    await Promise.all(
      names.map(async (name) => {
        const etag = assets.etag
          ? await assets.etag(name).catch(() => null)
          : (await assets.get(name).catch(() => null))?.etag;
        return [name, etag ? assetVersion(etag) : null] as const;
      }),
    ),
  );
  return html.replace(ASSET_URL, (url, name: string) => {
    const version = versions.get(name);
    return version ? `${url}?v=${version}` : url;
  });
}
