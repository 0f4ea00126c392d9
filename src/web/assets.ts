/**
 * Browser assets served by the app (the API reference today; the chart libraries next). The
 * runtime supplies them: Node reads them from installed packages, so nothing comes from a CDN.
 */
export interface AssetProvider {
  get(name: string): Promise<{ body: Uint8Array; contentType: string } | null>;
}

export const ASSET_PATH = '/assets';
