import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { sourceRows } from '../helpers/shipped-source.ts';

/**
 * wb-findex:2025-asean3-rows: the all-adult rows of the World Bank's GlobalFindexDatabase2025.csv
 * for the 12 surveyed ASEAN+3 economies, all 437 columns, copied as text from a full-precision
 * copy that could not be fetched whole (so its sha256 cannot be checked here). What can be checked,
 * is: every row agrees with the independent 35-column extract of the same file (wb-findex:2025)
 * to that extract's rounding, and the file's own identities between series hold in every row, so a
 * value copied wrong in a loaded series breaks an equation. Then every served value is Number() of
 * its cell.
 */
const RELEASE = '2025-asean3-rows';
/** Identities with every term present, counted over the 57 rows (a term is NA in many early or suppressed cells). */
const EXPECTED_CHECKS = 199;
/** Non-NA cells of the 10 loaded series in the 57 rows. */
const EXPECTED_VALUES = 326;
let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

const COUNTRIES = ['KHM', 'CHN', 'IDN', 'JPN', 'KOR', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM'];
/** The waves each economy has, as the World Bank file has them (Viet Nam's 2021 wave is dated 2022). */
const EXPECTED_KEYS = [2011, 2014, 2017, 2021, 2024].flatMap((wave) =>
  COUNTRIES.filter(
    (iso3) => !((wave === 2011 || wave === 2024) && iso3 === 'MMR') && !(wave === 2014 && iso3 === 'LAO'),
  ).map((iso3) => `${iso3} ${wave === 2021 && iso3 === 'VNM' ? 2022 : wave}`),
);

async function extractRows() {
  const text = await readFile(
    path.join(DATASETS_DIR, 'wb-findex', '2025', 'GlobalFindexDatabase2025-extract.csv'),
    'utf8',
  );
  const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  return new Map(data.filter((r) => r.group === 'all' && r.group2 === 'all').map((r) => [`${r.codewb} ${r.year}`, r]));
}

const num = (row: Record<string, string>, column: string) => {
  const text = row[column];
  if (text === undefined) throw new Error(`no column ${column}`);
  return text === 'NA' ? null : Number(text);
};

describe('the Global Findex 2025 all-adult rows of ASEAN+3', () => {
  it('holds the 57 all-adult rows of the 12 surveyed economies in every wave, 437 columns each, in the file’s order', async () => {
    const { data } = await sourceRows('wb-findex', RELEASE);
    const text = await readFile(
      path.join(DATASETS_DIR, 'wb-findex', RELEASE, 'GlobalFindexDatabase2025-asean3-all-adults.csv'),
      'utf8',
    );
    const lines = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
    expect(lines.map((l) => l.length)).toEqual(new Array(58).fill(437));
    expect(new Set(lines[0]).size).toBe(437);
    expect(data.map((r) => `${r.codewb} ${r.year}`)).toEqual(EXPECTED_KEYS);
    expect(data.every((r) => r.group === 'all' && r.group2 === 'all')).toBe(true);
  });

  it('agrees with the 35-column extract of the same file on every shared cell, to the extract’s rounding', async () => {
    const { data } = await sourceRows('wb-findex', RELEASE);
    const extract = await extractRows();
    let cells = 0;
    for (const row of data) {
      const other = extract.get(`${row.codewb} ${row.year}`);
      expect(other, `${row.codewb} ${row.year}`).toBeDefined();
      for (const [column, short] of Object.entries(other ?? {})) {
        const full = row[column];
        if (
          ['countrynewwb', 'codewb', 'year', 'regionwb24_hi', 'incomegroupwb24', 'group', 'group2'].includes(column)
        ) {
          expect(full, column).toBe(short);
        } else if (short === 'NA' || short === '') {
          expect(full, `${row.codewb} ${row.year} ${column}`).toBe('NA');
        } else {
          // The extract keeps 9 significant digits: the full value rounds to the extract's last decimal.
          const decimals = short.split('.')[1]?.length ?? 0;
          expect(Math.abs(Number(full) - Number(short)), `${row.codewb} ${row.year} ${column}`).toBeLessThanOrEqual(
            0.5 * 10 ** -decimals + 1e-15,
          );
        }
        cells++;
      }
    }
    expect(cells).toBe(57 * 35);
  });

  it('keeps the file’s own identities in every row: shares of recipients and payers, unions between parts and sums', async () => {
    const { data } = await sourceRows('wb-findex', RELEASE);
    let checked = 0;
    for (const row of data) {
      const at = `${row.codewb} ${row.year}`;
      const ratio = (share: string, part: string, whole: string) => {
        const [s, p, w] = [num(row, share), num(row, part), num(row, whole)];
        if (s === null || p === null || w === null) return;
        expect(s, `${at} ${share}`).toBeCloseTo(p / w, 12);
        checked++;
      };
      ratio('fing2p_acc_s', 'fing2p_acc', 'fing2p');
      ratio('fin9b_s', 'fin9b', 'fiaccount_t_d');
      ratio('fin31a_31b_s', 'fin31a_31b', 'fin30');
      const union = (total: string, parts: string[]) => {
        const t = num(row, total);
        const p = parts.map((c) => num(row, c));
        if (t === null || p.some((v) => v === null)) return;
        const values = p as number[];
        expect(t, `${at} ${total}`).toBeGreaterThanOrEqual(Math.max(...values) - 1e-12);
        expect(t, `${at} ${total}`).toBeLessThanOrEqual(values.reduce((a, b) => a + b, 0) + 1e-12);
        checked++;
      };
      union('g20_any', ['g20_made', 'g20_received']);
      union('fing2p', ['fin32_33', 'fin37_38']);
      union('fing2p_acc', ['fin32_33_acc', 'fin37_38_39_acc']);
      union('fin31a_31b', ['fin31a', 'fin31b']);
    }
    expect(checked).toBe(EXPECTED_CHECKS);
  });

  it('serves every loaded series exactly as the file writes it', async () => {
    const { meta, data } = await sourceRows('wb-findex', RELEASE);
    const rows = await test.db
      .selectFrom('observation')
      .select(['indicator_code', 'iso3', 'year', 'value'])
      .where('release_id', '=', `wb-findex:${RELEASE}`)
      .execute();
    const stored = new Map(rows.map((r) => [`${r.indicator_code}|${r.iso3}|${r.year}`, r.value]));
    let compared = 0;
    for (const row of data)
      for (const indicator of meta.indicators) {
        const text = row[indicator.source_key ?? ''] ?? 'NA';
        if (text === 'NA') continue;
        expect(stored.get(`${indicator.code}|${row.codewb}|${row.year}`), `${indicator.code} ${row.codewb}`).toBe(
          Number(text),
        );
        compared++;
      }
    expect(compared).toBe(EXPECTED_VALUES);
    expect(stored.size).toBe(EXPECTED_VALUES);
  });

  it('answers the question the service is named for: how Viet Nam’s adults receive government payments and pay digitally', async () => {
    const value = async (code: string, year: number) =>
      (
        await test.db
          .selectFrom('observation')
          .select('value')
          .where('release_id', '=', `wb-findex:${RELEASE}`)
          .where('indicator_code', '=', code)
          .where('iso3', '=', 'VNM')
          .where('year', '=', year)
          .executeTakeFirst()
      )?.value;
    // Read by hand from the Viet Nam 2024 line (offset 1,948,233 of the source copy, see EXTRACTION.md):
    // 7.5 % of adults received a government payment, 4.1 % into an account; 62.4 % paid or were paid
    // digitally; 61.6 % checked a balance by phone or internet; 56.3 % of bill payers paid digitally.
    expect(await value('FINDEX.FING2P', 2024)).toBe(0.0748513352066193);
    expect(await value('FINDEX.FING2P_ACC', 2024)).toBe(0.0411525091280229);
    expect(await value('FINDEX.G20_ANY', 2024)).toBe(0.623785137676218);
    expect(await value('FINDEX.FIN9B', 2024)).toBe(0.615743887659676);
    expect(await value('FINDEX.FIN31A_31B_S', 2024)).toBe(0.5632752642684872);
    // Too few Vietnamese recipients in 2024 for the share of recipients: the World Bank gives NA, so do we.
    expect(await value('FINDEX.FING2P_ACC_S', 2024)).toBeUndefined();
    // The 2021 wave was fielded in Viet Nam in 2022: the year is the file's.
    expect(await value('FINDEX.G20_ANY', 2022)).toBe(0.459787014976052);
    expect(await value('FINDEX.G20_ANY', 2021)).toBeUndefined();
  });
});
