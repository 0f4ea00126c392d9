import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { REGISTRY, sourceRows } from '../helpers/shipped-source.ts';

// The releases of issue 10's new sources (ILOSTAT, the Blavatnik Index's processed ILOSTAT, V-Dem
// and GovTech files, WDI Internet users, WWBI 3.1): every stored value is Number() of its source text, read
// here with papaparse alone, independently of the readers.

let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

async function sourceRowsByKey(source: string, release: string) {
  const { meta, data } = await sourceRows(source, release);
  const codeOf = new Map(meta.indicators.map((i) => [i.source_key ?? i.code, i.code]));
  return { data, codeOf };
}

async function storedValues(release: string): Promise<Map<string, number>> {
  const rows = await test.db
    .selectFrom('observation')
    .select(['indicator_code', 'iso3', 'year', 'value'])
    .where('release_id', '=', release)
    .execute();
  return new Map(rows.map((r) => [`${r.indicator_code}|${r.iso3}|${r.year}`, r.value]));
}

describe('the ILOSTAT bulk releases', () => {
  it.each([
    ['2024-06-06-employment-by-sector', 260],
    ['2024-06-06-public-employment-by-level', 47],
  ])('serve every declared series of %s exactly as obs_value writes it (%i values)', async (release, count) => {
    const { data, codeOf } = await sourceRowsByKey('ilo-ilostat', release);
    const stored = await storedValues(`ilo-ilostat:${release}`);
    let compared = 0;
    for (const row of data) {
      const key = [row.indicator, row.sex, row.classif1].filter((p) => p !== undefined).join('|');
      const code = codeOf.get(key);
      if (!code || !REGISTRY.has(row.ref_area ?? '') || (row.obs_value ?? '') === '') continue;
      expect(stored.get(`${code}|${row.ref_area}|${row.time}`), key).toBe(Number(row.obs_value));
      compared++;
    }
    expect(compared).toBe(count);
    expect(stored.size).toBe(count);
  });

  it('keep Viet Nam 2022 public-sector employment at 4232.779 thousand, from the labour force survey', async () => {
    const row = await test.db
      .selectFrom('observation')
      .select(['value', 'note'])
      .where('release_id', '=', 'ilo-ilostat:2024-06-06-employment-by-sector')
      .where('indicator_code', '=', 'ILO.EMP.PUB')
      .where('iso3', '=', 'VNM')
      .where('year', '=', 2022)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ value: 4232.779, note: 'ILOSTAT source BA:1788.' });
  });
});

describe('the Blavatnik Index processed source-data releases', () => {
  it.each([
    ['bsg-ilostat-derived', '2024-bipa', 52],
    ['bsg-ilostat-derived', '2024-bipa-context', 67],
    ['vdem', 'v14-bipa', 117],
    ['bsg-gtmi-derived', '2022-bipa', 98],
  ])('serve every %s:%s value exactly as the file writes it (%i values)', async (source, release, count) => {
    const { data, codeOf } = await sourceRowsByKey(source, release);
    const stored = await storedValues(`${source}:${release}`);
    const expected = data.filter((row) => REGISTRY.has(row.cc_iso3c ?? ''));
    for (const row of expected) {
      const key = `${codeOf.get(row.variable ?? '')}|${row.cc_iso3c}|${row.ref_year}`;
      expect(stored.get(key), key).toBe(Number(row.value));
    }
    expect(expected).toHaveLength(count);
    expect(stored.size).toBe(count);
  });

  it('derive the women’s share of Viet Nam’s public employees exactly from the ILOSTAT counts shipped beside it', async () => {
    const raw = await storedValues('ilo-ilostat:2024-06-06-employment-by-sector');
    const women = raw.get('ILO.EMP.PUB.FE|VNM|2022') ?? Number.NaN;
    const men = raw.get('ILO.EMP.PUB.MA|VNM|2022') ?? Number.NaN;
    const derived = await storedValues('bsg-ilostat-derived:2024-bipa');
    expect(women / (women + men)).toBe(0.5260487259079673);
    expect(derived.get('BSG.ILO.PSE_FEMALE|VNM|2022')).toBe(women / (women + men));
  });

  it('hold V-Dem for 2023 only, for every country but Brunei, which V-Dem does not code', async () => {
    const rows = await test.db
      .selectFrom('observation')
      .select(['iso3', 'year'])
      .distinct()
      .where('release_id', '=', 'vdem:v14-bipa')
      .execute();
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2023]));
    expect(rows.map((r) => r.iso3).sort()).toEqual([...REGISTRY].filter((c) => c !== 'BRN').sort());
  });
});

describe('the WDI Internet users release', () => {
  it('serves every non-empty year cell of the 14 countries exactly as the copy writes it', async () => {
    const { data } = await sourceRowsByKey('wb-wdi', '2024-11-internet-users');
    const stored = await storedValues('wb-wdi:2024-11-internet-users');
    let compared = 0;
    for (const row of data.filter((r) => REGISTRY.has(r['Country Code'] ?? ''))) {
      for (const [column, cell] of Object.entries(row)) {
        if (!/^\d{4}$/.test(column) || cell === '') continue;
        expect(stored.get(`IT.NET.USER.ZS|${row['Country Code']}|${column}`), `${row['Country Code']} ${column}`).toBe(
          Number(cell),
        );
        compared++;
      }
    }
    expect(compared).toBe(472);
    expect(stored.size).toBe(472);
    expect(stored.get('IT.NET.USER.ZS|VNM|2023')).toBe(78.08);
  });
});

describe('the WWBI 3.1 release (the DataBank workbook)', () => {
  /** Every value of the declared series for our countries, read with ExcelJS, independently of the reader. */
  async function workbookValues(): Promise<Map<string, number>> {
    const folder = path.join(DATASETS_DIR, 'wb-wwbi', 'v3.1-2024-09');
    const meta = await readReleaseMeta(path.join(folder, 'meta.yaml'));
    const declared = new Set(meta.indicators.map((i) => i.code));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, meta.file));
    const sheet = workbook.getWorksheet('Data');
    const header = (sheet?.getRow(1).values ?? []) as unknown[];
    const values = new Map<string, number>();
    sheet?.eachRow((row, number) => {
      const cells = row.values as unknown[];
      if (number === 1 || !REGISTRY.has(String(cells[2])) || !declared.has(String(cells[4]))) return;
      cells.forEach((cell, column) => {
        if (column > 4 && typeof cell === 'number') values.set(`${cells[4]}|${cells[2]}|${header[column]}`, cell);
      });
    });
    return values;
  }

  it('serves every value of the 34 declared series for our countries exactly as the workbook stores it, and nothing else', async () => {
    const expected = await workbookValues();
    const stored = await storedValues('wb-wwbi:v3.1-2024-09');
    for (const [key, value] of expected) expect(stored.get(key), key).toBe(value);
    expect(expected.size).toBe(715);
    expect(stored.size).toBe(715);
  }, 60_000);

  it('keeps Viet Nam’s figures as published: median age 34 (2019), women 29.6% of public managers, economists at 0.33 of the global median', async () => {
    const stored = await storedValues('wb-wwbi:v3.1-2024-09');
    expect(stored.get('BI.PWK.AGES.PB.MD|VNM|2019')).toBe(34);
    expect(stored.get('BI.PWK.PUBS.SN.FE.ZS|VNM|2019')).toBe(0.29566842317581177);
    expect(stored.get('BI.PWK.CMPA.GE.MD|VNM|2017')).toBe(0.3270693222716909);
    expect(stored.get('BI.WAG.CPRS.PB.ZS|VNM|2019')).toBe(2.799999952316284);
  });

  it('leaves the 14 series of the April 2024 release to it: their current values still come from v3-2024-04', async () => {
    const rows = await test.db
      .selectFrom('observation')
      .select('indicator_code')
      .distinct()
      .where('release_id', '=', 'wb-wwbi:v3.1-2024-09')
      .where('indicator_code', 'in', ['BI.WAG.TOTL.GD.ZS', 'BI.EMP.TOTL.PB.ZS', 'BI.WAG.PREM.PB.GP'])
      .execute();
    expect(rows).toEqual([]);
    const described = await test.db
      .selectFrom('indicator')
      .select('definition')
      .where('code', '=', 'BI.WAG.TOTL.GD.ZS')
      .executeTakeFirstOrThrow();
    expect(described.definition).toBe(
      'General government compensation of employees as a percentage of gross domestic product.',
    );
  });
});

describe('the Global Findex 2025 release', () => {
  it('serves every declared series, all adults and by gender, exactly as the file writes it (295 values)', async () => {
    const { data, codeOf } = await sourceRowsByKey('wb-findex', '2025');
    const stored = await storedValues('wb-findex:2025');
    const suffix: Record<string, string> = { 'all/all': '', 'gender/women': '@women', 'gender/men': '@men' };
    let compared = 0;
    for (const row of data) {
      const breakdown = suffix[`${row.group}/${row.group2}`];
      if (breakdown === undefined || !REGISTRY.has(row.codewb ?? '')) continue;
      for (const [key, code] of codeOf) {
        const [column = '', group] = key.split('@');
        if ((group ? `@${group}` : '') !== breakdown) continue;
        const text = row[column] ?? 'NA';
        if (text === 'NA') continue;
        expect(stored.get(`${code}|${row.codewb}|${row.year}`), `${code} ${row.codewb} ${row.year}`).toBe(Number(text));
        compared++;
      }
    }
    expect(compared).toBe(295);
    expect(stored.size).toBe(295);
  });

  it("keeps Viet Nam's 2024 bill payments by phone or internet at 0.455035807 (45.5 % of adults)", async () => {
    expect((await storedValues('wb-findex:2025')).get('FINDEX.FIN26A|VNM|2024')).toBe(0.455035807);
  });
});

describe('the ITU DataHub mobile phone ownership release', () => {
  it('serves every ASEAN+3 value exactly as dataValue writes it (101 values), with its data source', async () => {
    const { data, codeOf } = await sourceRowsByKey('itu-datahub', '2025-12-mobile-phone-ownership');
    const stored = await storedValues('itu-datahub:2025-12-mobile-phone-ownership');
    let compared = 0;
    for (const row of data) {
      const code = codeOf.get(row.seriesCode ?? '');
      if (!code || !REGISTRY.has(row.entityIso ?? '')) continue;
      expect(stored.get(`${code}|${row.entityIso}|${row.dataYear}`), `${row.entityIso} ${row.dataYear}`).toBe(
        Number(row.dataValue),
      );
      compared++;
    }
    expect(compared).toBe(101);
    expect(stored.size).toBe(101);
  });
});

describe('the WGI 2026 update', () => {
  it('serves every declared 2025 aggregate (estimate, bounds, score, sources) exactly as the file writes it (756 values)', async () => {
    const { data, codeOf } = await sourceRowsByKey('wb-wgi', '2026');
    const stored = await storedValues('wb-wgi:2026');
    let compared = 0;
    for (const row of data) {
      if (!REGISTRY.has(row.economy_code ?? '')) continue;
      for (const [key, code] of codeOf) {
        const [dimension, column = ''] = key.split('|');
        if (dimension !== row.dimension || (row[column] ?? '') === '') continue;
        expect(stored.get(`${code}|${row.economy_code}|${row.year}`), `${code} ${row.economy_code}`).toBe(
          Number(row[column]),
        );
        compared++;
      }
    }
    expect(compared).toBe(756);
    expect(stored.size).toBe(756);
  });

  it('serves every 2005-2024 estimate exactly as the file writes it (1,680 values)', async () => {
    const { data, codeOf } = await sourceRowsByKey('wb-wgi', '2026-estimates');
    const stored = await storedValues('wb-wgi:2026-estimates');
    let compared = 0;
    for (const row of data) {
      if (!REGISTRY.has(row.iso3 ?? '')) continue;
      for (const [column, code] of codeOf) {
        if ((row[column] ?? '') === '') continue;
        expect(stored.get(`${code}|${row.iso3}|${row.year}`), `${code} ${row.iso3} ${row.year}`).toBe(
          Number(row[column]),
        );
        compared++;
      }
    }
    expect(compared).toBe(1680);
    expect(stored.size).toBe(1680);
  });

  it("serves the 2026 update by default and the 2024 update exactly with release=, for Singapore's Government Effectiveness 2022", async () => {
    // Read by hand from the source text (da1/inputs/wgi.csv, row SGP,2022) and from wgidataset.xlsx 2024.
    const current = await test.db
      .selectFrom('observation')
      .select(['value', 'release_id'])
      .where('indicator_code', '=', 'GE.EST')
      .where('iso3', '=', 'SGP')
      .where('year', '=', 2022)
      .orderBy('release_id')
      .execute();
    expect(current).toEqual([
      { value: 2.144235610961914, release_id: 'wb-wgi:2024' },
      { value: 2.0829036, release_id: 'wb-wgi:2026-estimates' },
    ]);
  });

  it("keeps Viet Nam's 2025 Government Effectiveness: estimate 0.1762386, score 55.951043299999995 of 100, 11 sources", async () => {
    const values = await storedValues('wb-wgi:2026');
    expect(values.get('GE.EST|VNM|2025')).toBe(0.1762386);
    expect(values.get('GE.SCORE|VNM|2025')).toBe(55.951043299999995);
    expect(values.get('GE.NO.SRC|VNM|2025')).toBe(11);
  });
});
