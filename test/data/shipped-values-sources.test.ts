import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { REGISTRY, sourceRows } from '../helpers/shipped-source.ts';

// The releases of issue 10's new sources (ILOSTAT, the Blavatnik Index's processed ILOSTAT, V-Dem
// and GovTech files, WDI Internet users): every stored value is Number() of its source text, read
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
