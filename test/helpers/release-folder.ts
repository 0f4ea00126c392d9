import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** A minimal valid meta.yaml for a test release; override any field. */
export function testMeta(overrides: Record<string, unknown> = {}) {
  return {
    source: {
      id: 'test-source',
      name: 'Test source',
      publisher: 'CivScope tests',
      url: 'https://example.org/test',
      licence: 'CC0',
      name_vi: 'Nguồn thử nghiệm',
      publisher_vi: 'Bộ kiểm thử CivScope',
      licence_vi: 'CC0',
      citation: 'CivScope test fixture.',
    },
    release: 'r1',
    label: 'Test release 1',
    format: 'tidy',
    published_on: '2024-01-01',
    indicators: [
      {
        code: 'TEST.IND',
        name_en: 'Test indicator',
        name_vi: 'Chỉ số thử nghiệm',
        theme: 'context',
        unit: 'points',
        scale: 'score',
        higher_is_better: true,
        decimals: 2,
        definition: 'A value used only by tests.',
        caveats: [],
      },
    ],
    ...overrides,
  };
}

export const TIDY_HEADER = 'source,indicator_code,indicator_name,country_iso3,year,value,unit';

/** Writes meta.yaml and data.csv into a new temporary folder and returns its path. */
export async function writeReleaseFolder(
  meta: Record<string, unknown>,
  data: string,
  dataFile = 'data.csv',
): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'civscope-release-'));
  await writeFile(path.join(folder, 'meta.yaml'), stringify(meta));
  await writeFile(path.join(folder, dataFile), data);
  return folder;
}
