export type { AssetProvider } from '../app-deps.ts';

export const ASSET_PATH = '/assets';
