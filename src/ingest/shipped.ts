import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReleaseMeta, readReleaseMeta, releaseId } from './meta.ts';

export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url));

export interface ShippedRelease {
  id: string;
  folder: string;
  dataPath: string;
  publishedOn: string;
  meta: ReleaseMeta;
}

/** Every `datasets/<source>/<release>/meta.yaml`, oldest publication first. */
export async function listShippedReleases(root: string = DATASETS_DIR): Promise<ShippedRelease[]> {
  const found: ShippedRelease[] = [];
  for (const source of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    const sourceDir = path.join(root, source.name);
    for (const release of (await readdir(sourceDir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
      const folder = path.join(sourceDir, release.name);
      const meta = await readReleaseMeta(path.join(folder, 'meta.yaml'));
      found.push({
        id: releaseId(meta),
        folder,
        dataPath: path.join(folder, meta.file),
        publishedOn: meta.published_on,
        meta,
      });
    }
  }
  return found.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.id.localeCompare(b.id));
}
