import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';

/** The 14 ASEAN+3 countries, written out so the tests do not lean on the registry they check. */
export const REGISTRY = new Set([
  'BRN',
  'KHM',
  'IDN',
  'LAO',
  'MYS',
  'MMR',
  'PHL',
  'SGP',
  'THA',
  'VNM',
  'TLS',
  'CHN',
  'JPN',
  'KOR',
]);

/** A shipped release's source file parsed on its own (papaparse, BOM dropped), independently of the readers. */
export async function sourceRows(source: string, release: string) {
  const folder = path.join(DATASETS_DIR, source, release);
  const meta = await readReleaseMeta(path.join(folder, 'meta.yaml'));
  const text = (await readFile(path.join(folder, meta.file), 'utf8')).replace(/^\uFEFF/, '');
  const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  return { meta, data };
}
