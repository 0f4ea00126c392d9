import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedReleases } from '../../src/boot/prepare.ts';
import { hasVietnameseUnit, unitLabel } from '../../src/charts/locale.ts';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { createTestApp, getJson } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

describe('definitions and caveats in Vietnamese', () => {
  it('exist for every indicator of every shipped release, one Vietnamese caveat per English one', async () => {
    const untranslated: string[] = [];
    let indicators = 0;
    for (const release of await listShippedReleases()) {
      for (const indicator of release.meta.indicators) {
        indicators++;
        const done = indicator.definition_vi !== null && indicator.caveats_vi?.length === indicator.caveats.length;
        if (!done) untranslated.push(`${release.id} ${indicator.code}`);
      }
    }
    expect(untranslated).toEqual([]);
    expect(indicators).toBeGreaterThan(170);
  });

  it('give every unit of every shipped indicator a Vietnamese axis label: a Vietnamese chart never shows an English unit', async () => {
    const units = new Set<string>();
    for (const release of await listShippedReleases()) for (const i of release.meta.indicators) units.add(i.unit);
    expect([...units].filter((unit) => !hasVietnameseUnit(unit))).toEqual([]);
    expect(unitLabel('ratio to the global median', 'vi')).toBe('tỷ số so với trung vị toàn cầu');
  });

  it('reach every indicator the API serves: /v1/indicators has a Vietnamese definition for each', async () => {
    const app = createTestApp(test);
    const { status, body } = await getJson(app, '/v1/indicators');
    expect(status).toBe(200);
    const list = (body as { indicators: { code: string; definition_vi: string | null }[] }).indicators;
    expect(list.filter((i) => !i.definition_vi).map((i) => i.code)).toEqual([]);
    // A Blavatnik Index indicator, newly translated: its definition names the metrics in Vietnamese.
    const { body: gender } = await getJson(app, '/v1/indicators/BIPA.INC_GENDER');
    expect(gender.definition_vi).toContain('tổng hợp từ 3 biến đo');
  });

  it('are served beside the English on /v1/indicators/{code}, the English unchanged', async () => {
    const app = createTestApp(test);
    const { status, body } = await getJson(app, '/v1/indicators/SP.POP.TOTL');
    expect(status).toBe(200);
    const indicator = body;
    expect(indicator.definition).toBe('All residents regardless of legal status or citizenship, mid-year estimates.');
    expect(indicator.definition_vi).toBe(
      'Toàn bộ cư dân, không phân biệt tình trạng pháp lý hay quốc tịch; ước tính giữa năm.',
    );
    expect(indicator.caveats).toEqual(['Revised in each WDI vintage.']);
    expect(indicator.caveats_vi).toEqual(['Được điều chỉnh trong mỗi phiên bản WDI.']);
  });

  it('reach a database whose releases were loaded before the translations existed', async () => {
    await test.db
      .updateTable('indicator')
      .set({ definition_vi: null, caveats_vi: null, definition: 'an older wording' })
      .where('code', '=', 'BI.WAG.TOTL.GD.ZS')
      .execute();
    await loadShippedReleases(test.db); // what start-up runs: nothing to load, metadata refreshed
    const row = await test.db
      .selectFrom('indicator')
      .select(['definition', 'definition_vi', 'caveats_vi'])
      .where('code', '=', 'BI.WAG.TOTL.GD.ZS')
      .executeTakeFirstOrThrow();
    expect(row.definition).toBe(
      'General government compensation of employees as a percentage of gross domestic product.',
    );
    expect(row.definition_vi).toBe(
      'Chi phí tiền lương, tiền công cho người lao động của khu vực chính phủ chung, tính theo phần trăm tổng sản phẩm quốc nội.',
    );
    expect(row.caveats_vi).toEqual([
      'Được điều chỉnh giữa các phiên bản WWBI (KHM 2009: 4,89 ở v1, 4,26 ở v3; TLS 2010: 2,58 ở v1, 10,38 ở v3).',
      'Không có số liệu cho CHN; VNM chỉ có giai đoạn 2015-2019.',
    ]);
  });

  it('refuse a meta.yaml whose Vietnamese caveats do not match the English ones in number', async () => {
    const shipped = (await listShippedReleases()).find((r) => r.id.startsWith('wb-wdi:2024-02-12'));
    const text = await readFile(path.join(shipped?.folder as string, 'meta.yaml'), 'utf8');
    const folder = await mkdtemp(path.join(tmpdir(), 'civscope-meta-'));
    const broken = text.replace(
      /caveats_vi:\n {6}- "Được điều chỉnh trong mỗi phiên bản WDI."/,
      'caveats_vi:\n      - "Một."\n      - "Hai."',
    );
    expect(broken).not.toBe(text);
    await writeFile(path.join(folder, 'meta.yaml'), broken);
    await expect(readReleaseMeta(path.join(folder, 'meta.yaml'))).rejects.toThrow(
      'SP.POP.TOTL: 2 Vietnamese caveats for 1 English ones',
    );
  });
});
