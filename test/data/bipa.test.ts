import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { readBipaLong } from '../../src/ingest/readers/bipa-long.ts';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { validateRows } from '../../src/ingest/validate.ts';

const folder = path.join(DATASETS_DIR, 'bsg-bipa', '2024');

async function csv(name: string) {
  const text = (await readFile(path.join(folder, name), 'utf8')).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}

async function loaded() {
  const meta = await readReleaseMeta(path.join(folder, 'meta.yaml'));
  const { rows } = await readBipaLong(path.join(folder, meta.file), meta.file, meta);
  return { meta, observations: validateRows(rows, meta, meta.file).observations };
}

describe('the Blavatnik Index 2024 release', () => {
  it('loads index and domain values and ranks equal to bipa2024_index_domains_wide.csv for all 10 countries', async () => {
    const { observations } = await loaded();
    const wide = (await csv('bipa2024_index_domains_wide.csv')).filter((r) =>
      observations.some((o) => o.iso3 === r.cc_iso3c),
    );
    expect(wide.map((r) => r.cc_iso3c).sort()).toEqual([
      'CHN',
      'IDN',
      'KHM',
      'KOR',
      'MMR',
      'MYS',
      'PHL',
      'SGP',
      'THA',
      'VNM',
    ]);
    const columns = {
      index: 'BIPA.INDEX',
      strled: 'BIPA.STRLED',
      pubpol: 'BIPA.PUBPOL',
      natdel: 'BIPA.NATDEL',
      pplprc: 'BIPA.PPLPRC',
    };
    let compared = 0;
    for (const row of wide) {
      for (const [prefix, code] of Object.entries(columns)) {
        const o = observations.find((x) => x.iso3 === row.cc_iso3c && x.indicatorCode === code);
        expect({ value: o?.value, rank: o?.rank }, `${code} ${row.cc_iso3c}`).toEqual({
          value: Number(row[`${prefix}_value`]),
          rank: Number(row[`${prefix}_rank`]),
        });
        compared++;
      }
    }
    expect(compared).toBe(50);
    // Viet Nam, by hand from the wide file: index 0.54, rank 62 (tied, "=62"), of the 120 countries
    // the long file ranks on structure 0 (120 lines with a rank).
    expect(observations.find((o) => o.iso3 === 'VNM' && o.indicatorCode === 'BIPA.INDEX')).toMatchObject({
      value: 0.54,
      rank: 62,
      rankLabel: '=62',
      rankOf: 120,
    });
  });

  it('records the hierarchy as data_structure.csv publishes it: level, and parent one level up', async () => {
    const { meta } = await loaded();
    const structure = new Map((await csv('data_structure.csv')).map((r) => [r.structure_id, r]));
    const byCode = new Map(meta.indicators.map((i) => [i.code, i]));
    expect(meta.indicators).toHaveLength(53); // 1 index, 4 domains, 16 themes, 32 indicators with values
    for (const indicator of meta.indicators) {
      const published = structure.get(indicator.source_key ?? '');
      expect(indicator.level, indicator.code).toBe(published?.level);
      expect(indicator.name_en, indicator.code).toContain(
        indicator.level === 'index' ? 'Blavatnik Index' : published?.label,
      );
      const parentId = indicator.parent ? byCode.get(indicator.parent)?.source_key : undefined;
      // ABBCC: an indicator's theme is ABB00, a theme's domain A0000, a domain's parent the index 0.
      const id = Number(indicator.source_key);
      const expected =
        id === 0 ? undefined : id % 10000 === 0 ? 0 : id % 100 === 0 ? id - (id % 10000) : id - (id % 100);
      expect(parentId === undefined ? undefined : Number(parentId), indicator.code).toBe(expected);
    }
    expect(meta.indicators.filter((i) => i.level === 'indicator')).toHaveLength(32);
    expect(meta.indicators.every((i) => i.rank_scope?.en.includes('120 countries'))).toBe(true);
  });
});
