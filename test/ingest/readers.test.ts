import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { parseReleaseMeta, releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readTidy } from '../../src/ingest/readers/tidy.ts';
import { readUnEgov } from '../../src/ingest/readers/un-egov.ts';
import { readWorldBankBulk } from '../../src/ingest/readers/wb-bulk.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { TIDY_HEADER, testMeta } from '../helpers/release-folder.ts';

const fixture = (...parts: string[]) => path.join(import.meta.dirname, '..', 'fixtures', ...parts);

async function tempCsv(name: string, text: string): Promise<string> {
  const file = path.join(tmpdir(), `civscope-${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(file, text);
  return file;
}

function metaWith(
  indicators: { code: string; unit?: string; ranked_of?: Record<string, number> }[],
  extra: Record<string, unknown> = {},
) {
  const base = testMeta(extra);
  return releaseMetaSchema.parse({
    // The Vietnamese of the notes these tests' rows carry: a note without one stops the release.
    value_notes_vi: [
      { note: 'A note, with a comma', vi: 'Một ghi chú, có dấu phẩy' },
      { note: 'a note\nover two lines', vi: 'một ghi chú\ntrên hai dòng' },
      { note: 'x', vi: 'x' },
    ],
    ...base,
    indicators: indicators.map((i) => ({ ...base.indicators[0], ...i, unit: i.unit ?? 'points' })),
  });
}

describe('wb-bulk reader (World Bank API_<code>_DS2 file)', () => {
  it('skips the 4 preamble lines, reshapes year columns to rows, and keeps line numbers', async () => {
    const { rows, linesRead } = await readWorldBankBulk(
      fixture('wb-bulk', 'API_SP.POP.TOTL_DS2_en_csv_v2_79.csv'),
      'wb.csv',
    );
    expect(linesRead).toBe(5);
    const tha2019 = rows.find((r) => 'code' in r.country && r.country.code === 'THA' && r.year === '2019');
    expect(tha2019).toMatchObject({ line: 6, indicatorCode: 'SP.POP.TOTL', value: '71307763', valueColumn: '2019' });
  });

  it('treats an empty cell as missing: Viet Nam 2022 produces no row', async () => {
    const { rows } = await readWorldBankBulk(fixture('wb-bulk', 'API_SP.POP.TOTL_DS2_en_csv_v2_79.csv'), 'wb.csv');
    const vnmYears = rows.filter((r) => 'code' in r.country && r.country.code === 'VNM').map((r) => r.year);
    expect(vnmYears).toEqual(['2019', '2020', '2021']);
  });

  it('validates to registry values, skipping the World aggregate and Afghanistan as outside the registry', async () => {
    const { rows } = await readWorldBankBulk(fixture('wb-bulk', 'API_SP.POP.TOTL_DS2_en_csv_v2_79.csv'), 'wb.csv');
    const result = validateRows(rows, metaWith([{ code: 'SP.POP.TOTL' }]), 'wb.csv');
    expect(result.observations).toHaveLength(11); // THA 4 + TLS 4 + VNM 3
    expect(result.skipped['other country']).toBe(4); // AFG
    expect(result.skipped.aggregate).toBe(4); // WLD
    expect(result.observations.find((o) => o.iso3 === 'VNM' && o.year === 2021)?.value).toBe(97468029);
  });

  it('names the missing column of a file that is not a World Bank bulk file', async () => {
    const file = await tempCsv('bulk.csv', 'a\nb\nc\nd\n"Country","Code","1960"\n"Viet Nam","VNM","1"\n');
    await expect(readWorldBankBulk(file, 'bad-bulk.csv')).rejects.toThrow(
      /bad-bulk\.csv, line 5: missing columns "Country Name"/,
    );
  });
});

describe('un-egov reader (EGOV_DATA_<year>.csv)', () => {
  it('reshapes the six index columns into six indicators per country', async () => {
    const { rows, linesRead } = await readUnEgov(fixture('un-egov', 'EGOV_DATA_2022.csv'), 'egov.csv');
    expect(linesRead).toBe(6);
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r.line === 4).map((r) => [r.indicatorCode, r.value])).toEqual([
      ['EGDI_RANK', '12'],
      ['EGDI', '0.91330'],
      ['EPI', '0.97730'],
      ['OSI', '0.96200'],
      ['HCI', '0.90210'],
      ['TII', '0.87580'],
    ]);
  });

  it('resolves UN country names, skips Afghanistan, and reports the unresolvable Micronesia by line', async () => {
    const { rows } = await readUnEgov(fixture('un-egov', 'EGOV_DATA_2022.csv'), 'egov.csv');
    const meta = metaWith(['EGDI', 'EGDI_RANK', 'EPI', 'OSI', 'HCI', 'TII'].map((code) => ({ code })));
    // Loaded with the explicit permission (--allow-unresolved): without it the release stops (bad-files.test.ts).
    const result = validateRows(rows, meta, 'egov.csv', true);
    expect(new Set(result.observations.map((o) => o.iso3))).toEqual(new Set(['KOR', 'LAO', 'SGP', 'VNM']));
    expect(result.observations.find((o) => o.iso3 === 'SGP' && o.indicatorCode === 'EGDI')?.value).toBe(0.9133);
    expect(result.skipped['other country']).toBe(6);
    expect(result.skipped['unresolved country']).toBe(6);
    expect(result.unresolved[0]).toEqual({ line: 7, text: 'Micronesia (Federated States of)' });
  });

  it("gives a world rank how many it ranks among, from meta.yaml's ranked_of for its year, and stops at a rank beyond it", async () => {
    const { rows } = await readUnEgov(fixture('un-egov', 'EGOV_DATA_2022.csv'), 'egov.csv');
    const ranks = rows.filter((r) => r.indicatorCode === 'EGDI_RANK');
    const meta = metaWith([{ code: 'EGDI_RANK', ranked_of: { '2022': 193 } }]);
    const { observations } = validateRows(ranks, meta, 'egov.csv', true);
    // Singapore 12th of 193 in 2022 (the fixture's line 4).
    expect(observations.find((o) => o.iso3 === 'SGP')).toMatchObject({ value: 12, rankOf: 193 });
    expect(observations.every((o) => o.rankOf === 193)).toBe(true);
    const tooFew = metaWith([{ code: 'EGDI_RANK', ranked_of: { '2022': 10 } }]);
    expect(() => validateRows(ranks, tooFew, 'egov.csv', true)).toThrow(
      /egov\.csv, line \d+, column "E-Government Rank": \d+ is not a rank among the 10 countries meta.yaml says EGDI_RANK ranked in 2022/,
    );
    // A year meta.yaml gives no count for: no count, as before.
    const other = validateRows(ranks, metaWith([{ code: 'EGDI_RANK', ranked_of: { '2024': 193 } }]), 'egov.csv', true);
    expect(other.observations.every((o) => o.rankOf === undefined)).toBe(true);
  });
});

describe('tidy reader and validation', () => {
  it('parses values in float64 exactly as written, including the optional note and reference_url', async () => {
    const file = await tempCsv(
      'tidy.csv',
      `${TIDY_HEADER},reference_url,note\nS,TEST.IND,Test,VNM,2022,0.4789949953556061,points,https://example.org/a,"A note, with a comma"\n`,
    );
    const { rows } = await readTidy(file, 'tidy.csv');
    const [obs] = validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'tidy.csv').observations;
    expect(obs).toEqual({
      indicatorCode: 'TEST.IND',
      iso3: 'VNM',
      year: 2022,
      value: 0.4789949953556061,
      flag: null,
      note: 'A note, with a comma',
      noteVi: 'Một ghi chú, có dấu phẩy',
      referenceUrl: 'https://example.org/a',
      line: 2,
    });
  });

  it('names file, line and column for a non-numeric value', async () => {
    const file = await tempCsv(
      'tidy.csv',
      `${TIDY_HEADER}\nS,TEST.IND,Test,VNM,2021,1.5,points\nS,TEST.IND,Test,VNM,2022,abc,points\n`,
    );
    const { rows } = await readTidy(file, 'bad.csv');
    expect(() => validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'bad.csv')).toThrow(
      'bad.csv, line 3, column "value": not a number ("abc")',
    );
  });

  it('names the line of a malformed year and of an undeclared indicator', async () => {
    const file = await tempCsv('tidy.csv', `${TIDY_HEADER}\nS,TEST.IND,Test,VNM,20x2,1,points\n`);
    const { rows } = await readTidy(file, 'year.csv');
    expect(() => validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'year.csv')).toThrow(
      /year\.csv, line 2, column "year"/,
    );
    const other = await tempCsv(
      'tidy.csv',
      `${TIDY_HEADER}\nS,TEST.IND,Test,VNM,2020,1,points\nS,OTHER,Test,VNM,2020,1,points\n`,
    );
    const parsed = await readTidy(other, 'ind.csv');
    expect(() => validateRows(parsed.rows, metaWith([{ code: 'TEST.IND' }]), 'ind.csv')).toThrow(
      /ind\.csv, line 3, column "indicator_code": indicator "OTHER" is not declared/,
    );
  });

  it('refuses an undated value unless the release allows undated policy figures', async () => {
    const file = await tempCsv('tidy.csv', `${TIDY_HEADER}\nS,TEST.IND,Test,SGP,,100,points\n`);
    const { rows } = await readTidy(file, 'undated.csv');
    expect(() => validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'undated.csv')).toThrow(/line 2, column "year"/);
    const allowed = validateRows(rows, metaWith([{ code: 'TEST.IND' }], { allow_undated: true }), 'undated.csv');
    expect(allowed.observations[0]).toMatchObject({ iso3: 'SGP', year: null, value: 100 });
  });

  it('refuses two values for the same country-year in one release, naming both lines', async () => {
    const file = await tempCsv(
      'tidy.csv',
      `${TIDY_HEADER}\nS,TEST.IND,Test,VNM,2020,1,points\nS,TEST.IND,Test,VNM,2020,2,points\n`,
    );
    const { rows } = await readTidy(file, 'dup.csv');
    expect(() => validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'dup.csv')).toThrow(
      /line 3: a second value .* \(first at line 2\)/,
    );
  });

  it('names the missing column of a tidy file', async () => {
    const file = await tempCsv('tidy.csv', 'source,indicator_code,country_iso3,year,value\nS,TEST.IND,VNM,2020,1\n');
    await expect(readTidy(file, 'cols.csv')).rejects.toThrow(
      /cols\.csv, line 1: missing columns "indicator_name", "unit"/,
    );
  });

  it('counts blank lines and quoted fields spanning lines when it names a line', async () => {
    const text = `${TIDY_HEADER},note\nS,TEST.IND,Test,VNM,2020,1,points,"a note\nover two lines"\n\nS,TEST.IND,Test,THA,2020,oops,points,x\n`;
    const file = await tempCsv('tidy.csv', text);
    const { rows } = await readTidy(file, 'lines.csv');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(() => validateRows(rows, metaWith([{ code: 'TEST.IND' }]), 'lines.csv')).toThrow(
      'lines.csv, line 5, column "value": not a number ("oops")',
    );
  });

  it('names the line and the first missing column of a row with too few fields', async () => {
    const file = await tempCsv('tidy.csv', `${TIDY_HEADER}\nS,TEST.IND,Test,VNM,2020,1,points\nS,TEST.IND,Test,VNM\n`);
    const error = await readTidy(file, 'ragged.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).location).toEqual({ file: 'ragged.csv', line: 3, column: 'year' });
  });

  it('flags values a meta.yaml rule names, only when the value matches', async () => {
    const file = await tempCsv(
      'tidy.csv',
      `${TIDY_HEADER}\nS,TEST.IND,Test,TLS,2003,0,points\nS,TEST.IND,Test,TLS,2004,0.2,points\n`,
    );
    const { rows } = await readTidy(file, 'flags.csv');
    const meta = metaWith([{ code: 'TEST.IND' }], {
      flags: [
        {
          indicator: 'TEST.IND',
          countries: ['TLS'],
          years: [2003, 2004],
          value: 0,
          flag: 'zero-no-data',
          note: 'Probably no data.',
          note_vi: 'Có lẽ không có số liệu.',
        },
      ],
    });
    const [first, second] = validateRows(rows, meta, 'flags.csv').observations;
    expect(first).toMatchObject({
      year: 2003,
      flag: 'zero-no-data',
      note: 'Probably no data.',
      noteVi: 'Có lẽ không có số liệu.',
    });
    expect(second).toMatchObject({ year: 2004, flag: null, note: null });
  });

  it('notes a unit that differs from the indicator unit instead of losing it', async () => {
    const file = await tempCsv('tidy.csv', `${TIDY_HEADER}\nS,TEST.IND,Test,CHN,2016,90,class hours per year\n`);
    const { rows } = await readTidy(file, 'unit.csv');
    const [obs] = validateRows(rows, metaWith([{ code: 'TEST.IND', unit: 'hours per year' }]), 'unit.csv').observations;
    expect(obs?.note).toBe('Unit as published: class hours per year.');
    // In Vietnamese the published unit is quoted as the file writes it, unless value_notes_vi translates it.
    expect(obs?.noteVi).toBe('Đơn vị như nguồn công bố: "class hours per year".');
  });
});

describe('meta.yaml', () => {
  it('refuses an unknown format, naming the field', () => {
    const yaml = JSON.stringify(testMeta({ format: 'xlsx' }));
    expect(() => parseReleaseMeta(yaml, 'meta.yaml')).toThrow(/meta\.yaml: field format: /);
  });

  it('reads a numeric release label as text', () => {
    const meta = parseReleaseMeta(JSON.stringify(testMeta({ release: 2024 })), 'meta.yaml');
    expect(meta.release).toBe('2024');
  });
});
