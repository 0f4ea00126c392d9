import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReleaseMeta, releaseId } from '../../src/ingest/meta.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { REGISTRY, sourceRows } from '../helpers/shipped-source.ts';

let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

async function storedValue(indicator: string, iso3: string, year: number, release: string) {
  const row = await test.db
    .selectFrom('observation')
    .select(['value', 'flag', 'note'])
    .where('indicator_code', '=', indicator)
    .where('iso3', '=', iso3)
    .where('year', '=', year)
    .where('release_id', '=', release)
    .executeTakeFirst();
  return row;
}

describe('the shipped releases', () => {
  it('load 21,731 observations from 25 releases of 13 sources', async () => {
    // 1008 + 12534 + 811 + 882 + 763 + 56 + 10, + BIPA 2024 516 + QoG Expert Survey 2020 152,
    // + ILOSTAT 260 + 47, BSG-derived ILOSTAT 52 + 67, V-Dem 117, BSG-derived GovTech 98, Internet users 472,
    // + WWBI 3.1 715, Global Findex 2025 295, training harmonised 11, WGI 2026 756 + 1680,
    // + ITU mobile phone ownership 101, Viet Nam's training minimum since Decree 89/2021 1,
    // + Global Findex 2025 all-adult rows of ASEAN+3 326, Brunei's 100-hour training policy 1
    expect(await countObservations(test.db)).toBe(21731);
    expect((await test.db.selectFrom('release').select('id').execute()).length).toBe(25);
    expect((await test.db.selectFrom('source').select('id').execute()).length).toBe(13);
  });

  it('keep the checked figures: EGDI 2022 SGP 0.9133 and VNM EGDI 2020 0.6667', async () => {
    expect((await storedValue('EGDI', 'SGP', 2022, 'un-egov:2024'))?.value).toBe(0.9133); // source text "0.91330"
    expect((await storedValue('EGDI', 'VNM', 2020, 'un-egov:2024'))?.value).toBe(0.6667);
    expect((await storedValue('EGDI_RANK', 'SGP', 2024, 'un-egov:2024'))?.value).toBe(3);
  });

  it('keep SGP GE.EST 2022 at the full precision of the WGI 2024 release', async () => {
    // wgidataset.xlsx 2024 update; the 2023 release had 2.14483.
    expect((await storedValue('GE.EST', 'SGP', 2022, 'wb-wgi:2024'))?.value).toBe(2.144235610961914);
  });

  it('keep both GDP-per-capita vintages of KHM 2022 as separate releases', async () => {
    expect((await storedValue('NY.GDP.PCAP.CD', 'KHM', 2022, 'wb-wdi:2023-12-gdp-per-capita'))?.value).toBe(
      1759.60802346044,
    );
    expect((await storedValue('NY.GDP.PCAP.CD', 'KHM', 2022, 'wb-wdi:2025-03-24-gdp-per-capita'))?.value).toBe(
      2325.03050040841,
    );
  });

  it('map WGI Timor-Leste rows to TLS, with no values for 1996, 1998 or 2000', async () => {
    const years = await test.db
      .selectFrom('observation')
      .select('year')
      .where('indicator_code', '=', 'GE.EST')
      .where('iso3', '=', 'TLS')
      .orderBy('year')
      .execute();
    expect(years[0]?.year).toBe(2002);
  });

  it('flag the zeros that mean "no data" and only those', async () => {
    const flagged = await test.db
      .selectFrom('observation')
      .select(['indicator_code', 'iso3', 'year', 'value'])
      .where('flag', '=', 'zero-no-data')
      .orderBy('indicator_code')
      .orderBy('iso3')
      .orderBy('year')
      .execute();
    expect(flagged.map((f) => `${f.indicator_code} ${f.iso3} ${f.year} ${f.value}`)).toEqual([
      'HCI TLS 2003 0',
      'HCI TLS 2004 0',
      'TII MMR 2012 0',
      'TII TLS 2003 0',
      'TII TLS 2004 0',
      'TII TLS 2005 0',
    ]);
  });

  it('keep training mandates as policy figures with a confidence flag, undated ones without a year', async () => {
    const rows = await test.db
      .selectFrom('observation')
      .selectAll()
      .where('release_id', '=', 'civscope-training:2026-11')
      .execute();
    expect(rows).toHaveLength(10);
    // Every mandate has a confidence flag, but China's 90 class hours among clock hours, flagged other-unit.
    expect(
      rows.filter((r) => !r.flag?.startsWith('confidence-')).map((r) => [r.iso3, r.indicator_code, r.flag]),
    ).toEqual([['CHN', 'TRN.MIN.HOURS', 'other-unit']]);
    const sgp = rows.find((r) => r.iso3 === 'SGP' && r.indicator_code === 'TRN.MIN.HOURS');
    expect(sgp).toMatchObject({ year: null, value: 100, flag: 'confidence-low' });
    expect(sgp?.reference_url).toMatch(/^https:\/\/slidetodoc\.com\//);
  });

  it("date Viet Nam's statutory training minimum: 1 in 2018 (Circular 01/2018), 0 from 2021 (Decree 89/2021 annulled it)", async () => {
    const rows = await test.db
      .selectFrom('observation')
      .select(['year', 'value', 'release_id', 'reference_url'])
      .where('indicator_code', '=', 'TRN.STAT.SET')
      .where('iso3', '=', 'VNM')
      .orderBy('year')
      .execute();
    expect(rows.map((r) => [r.year, r.value, r.release_id])).toEqual([
      [2018, 1, 'civscope-training:2026-12'],
      [2021, 0, 'civscope-training:2026-12-07'],
    ]);
    expect(rows[1]?.reference_url).toMatch(/^https:\/\/english\.luatvietnam\.vn\/decree-no-89-2021-nd-cp/);
  });

  it('give every indicator a theme, unit, scale, definition and source', async () => {
    const indicators = await test.db.selectFrom('indicator').selectAll().execute();
    // ... + ITU phone ownership 1, + the Findex government-payment and digital-payment series 10
    expect(indicators.length).toBe(
      6 + 36 + 14 + 2 + 7 + 53 + 20 + 4 + 3 + 5 + 8 + 9 + 7 + 1 + 34 + 9 + 2 + 36 + 1 + 10,
    );
    for (const i of indicators) {
      expect(i.definition.length, i.code).toBeGreaterThan(20);
      expect(i.unit, i.code).not.toBe('');
    }
  });

  it('serve every value exactly as the source file writes it', async () => {
    let compared = 0;
    for (const release of await listShippedReleases()) {
      const meta = await readReleaseMeta(path.join(release.folder, 'meta.yaml'));
      if (meta.format !== 'tidy') continue;
      const text = await readFile(path.join(release.folder, meta.file), 'utf8');
      const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
      const stored = await test.db
        .selectFrom('observation')
        .select(['indicator_code', 'iso3', 'year', 'value'])
        .where('release_id', '=', releaseId(meta))
        .execute();
      const byKey = new Map(stored.map((s) => [`${s.indicator_code}|${s.iso3}|${s.year ?? ''}`, s.value]));
      expect(byKey.size).toBe(data.length);
      for (const row of data) {
        const iso3 = row.country_iso3 === 'TMP' ? 'TLS' : row.country_iso3;
        const key = `${row.indicator_code}|${iso3}|${row.year}`;
        // Number() of the source text is the float64 the text denotes; equality is exact.
        expect(byKey.get(key), key).toBe(Number(row.value));
        compared++;
      }
    }
    expect(compared).toBe(16077); // + Viet Nam's training minimum since Decree 89/2021, Brunei's 100-hour policy
  });

  it('serve every BIPA 2024 value, rank and rank label exactly as bipa2024_all_data.csv writes them', async () => {
    const { meta, data } = await sourceRows('bsg-bipa', '2024');
    const codeOf = new Map(meta.indicators.map((i) => [i.source_key, i.code]));
    const stored = await storedRows('bsg-bipa:2024');
    const expected = data.filter((row) => REGISTRY.has(row.cc_iso3c ?? '') && !row.structure_id?.includes('.'));
    expect(expected).toHaveLength(516);
    expect(stored.size).toBe(516);
    for (const row of expected) {
      const key = `${codeOf.get(row.structure_id)}|${row.cc_iso3c}|2024`;
      expect(stored.get(key), key).toEqual({
        value: Number(row.value),
        rank: Number(row.rank),
        rank_label: row.rank_label,
      });
    }
  });

  it('serve every QoG Expert Survey 2020 value exactly as qog_exp_agg_20.csv writes it, and no empty cell', async () => {
    const { meta, data } = await sourceRows('qog-expert-survey', '2020');
    const stored = await storedRows('qog-expert-survey:2020');
    let compared = 0;
    for (const row of data.filter((r) => REGISTRY.has(r.ccodealp ?? ''))) {
      for (const indicator of meta.indicators) {
        const text = row[indicator.source_key ?? ''] ?? '';
        const key = `${indicator.code}|${row.ccodealp}|${row.year}`;
        expect(stored.get(key)?.value, key).toBe(text === '' ? undefined : Number(text));
        if (text !== '') compared++;
      }
    }
    expect(compared).toBe(152);
    expect(stored.size).toBe(152);
  });
});

async function storedRows(releaseId: string) {
  const rows = await test.db
    .selectFrom('observation')
    .select(['indicator_code', 'iso3', 'year', 'value', 'rank', 'rank_label'])
    .where('release_id', '=', releaseId)
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.indicator_code}|${r.iso3}|${r.year}`,
      { value: r.value, rank: r.rank, rank_label: r.rank_label },
    ]),
  );
}
