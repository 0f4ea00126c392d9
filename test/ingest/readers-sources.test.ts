import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readBipaProcessed } from '../../src/ingest/readers/bipa-processed.ts';
import { readIlostatBulk } from '../../src/ingest/readers/ilostat-bulk.ts';
import { readWorldBankBulk } from '../../src/ingest/readers/wb-bulk.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { testMeta } from '../helpers/release-folder.ts';

const fixture = (...parts: string[]) => path.join(import.meta.dirname, '..', 'fixtures', ...parts);
const ILOSTAT = fixture('ilostat-bulk', 'EMP_TEMP_SEX_INS_NB_A.csv');
const VDEM = fixture('bipa-processed', 'vdem_2023.csv');

async function tempCsv(name: string, text: string): Promise<string> {
  const file = path.join(tmpdir(), `civscope-${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(file, text);
  return file;
}

/** A copy of a fixture with one line replaced (1-based), to make one bad row in the real layout. */
async function withLine(file: string, line: number, text: string): Promise<string> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines[line - 1] = text;
  return tempCsv(path.basename(file), lines.join('\n'));
}

function metaWithKeys(keys: Record<string, string>, format: string) {
  const base = testMeta({ format });
  return releaseMetaSchema.parse({
    ...base,
    indicators: Object.entries(keys).map(([code, sourceKey]) => ({
      ...base.indicators[0],
      code,
      source_key: sourceKey,
    })),
  });
}

const ILO_META = metaWithKeys(
  {
    'ILO.EMP.PUB': 'EMP_TEMP_SEX_INS_NB|SEX_T|INS_SECTOR_PUB',
    'ILO.EMP.PUB.FE': 'EMP_TEMP_SEX_INS_NB|SEX_F|INS_SECTOR_PUB',
  },
  'ilostat-bulk',
);

describe('ilostat-bulk reader (ILOSTAT <INDICATOR>_A.csv)', () => {
  it('reads the series meta.yaml declares by indicator|sex|classif1 and counts the others as not loaded', async () => {
    const { rows, linesRead, notLoaded } = await readIlostatBulk(ILOSTAT, 'ilo.csv', ILO_META);
    expect(linesRead).toBe(10);
    expect(notLoaded).toBe(5); // AFG total, KHM total and private, TLS total and private
    expect(rows.map((r) => [r.line, r.indicatorCode, r.country, r.year, r.value])).toEqual([
      [3, 'ILO.EMP.PUB', { code: 'AFG' }, '2021', '642.833'],
      [5, 'ILO.EMP.PUB', { code: 'KHM' }, '2019', '569.921'],
      [8, 'ILO.EMP.PUB', { code: 'TLS' }, '2021', '89.606'],
      [10, 'ILO.EMP.PUB.FE', { code: 'TLS' }, '2021', '24.917'],
      [11, 'ILO.EMP.PUB', { code: 'X01' }, '2021', '1000'],
    ]);
  });

  it('validates to registry values, skipping Afghanistan and the X01 aggregate, with ILOSTAT source and status in the note', async () => {
    const { rows } = await readIlostatBulk(ILOSTAT, 'ilo.csv', ILO_META);
    const result = validateRows(rows, ILO_META, 'ilo.csv');
    expect(result.skipped['other country']).toBe(1); // AFG
    expect(result.skipped.aggregate).toBe(1); // X01
    expect(result.observations.map((o) => [o.indicatorCode, o.iso3, o.year, o.value, o.note])).toEqual([
      ['ILO.EMP.PUB', 'KHM', 2019, 569.921, 'ILOSTAT source BA:1321. Status B (break in series).'],
      ['ILO.EMP.PUB', 'TLS', 2021, 89.606, 'ILOSTAT source BA:3050.'],
      ['ILO.EMP.PUB.FE', 'TLS', 2021, 24.917, 'ILOSTAT source BA:3050.'],
    ]);
  });

  it('names line and column of a value that is not a number', async () => {
    const file = await withLine(
      ILOSTAT,
      8,
      '"TLS","BA:3050","EMP_TEMP_SEX_INS_NB","SEX_T","INS_SECTOR_PUB","2021",89.6.06,,,"R1:3513"',
    );
    const { rows } = await readIlostatBulk(file, 'bad-ilo.csv', ILO_META);
    expect(() => validateRows(rows, ILO_META, 'bad-ilo.csv')).toThrow(
      'bad-ilo.csv, line 8, column "obs_value": not a number ("89.6.06")',
    );
  });

  it('names line and column of a period that is not a year (a quarterly file read by mistake)', async () => {
    const file = await withLine(
      ILOSTAT,
      5,
      '"KHM","BA:1321","EMP_TEMP_SEX_INS_NB","SEX_T","INS_SECTOR_PUB","2019Q1",569.921,"B","I11:264","R1:3513"',
    );
    await expect(readIlostatBulk(file, 'bad-ilo.csv', ILO_META)).rejects.toThrow(
      'bad-ilo.csv, line 5, column "time": not an annual period ("2019Q1")',
    );
  });

  it('names the missing column of a file that is not an ILOSTAT bulk file, and needs its meta.yaml', async () => {
    const file = await tempCsv('ilo.csv', '"ref_area","indicator","time","value"\n"VNM","X","2020",1\n');
    await expect(readIlostatBulk(file, 'not-ilo.csv', ILO_META)).rejects.toThrow(
      /not-ilo\.csv, line 1: missing columns "source", "obs_value"/,
    );
    await expect(readIlostatBulk(ILOSTAT, 'ilo.csv')).rejects.toThrow(
      'ilo.csv: this format is read with its meta.yaml',
    );
  });
});

const VDEM_META = metaWithKeys(
  {
    'VDEM.V2EXCRPTPS': 'vdem_favours',
    'VDEM.V2EXTHFTPS': 'vdem_theft',
    'VDEM.V2CLRSPCT': 'vdem_impartial',
    'VDEM.V2STCRITRECADM': 'vdem_nepotism',
  },
  'bipa-processed',
);

describe('bipa-processed reader (the Blavatnik Index data_out/<source>_<year>.csv layout)', () => {
  it('maps variables to indicators, keeps the BOM-prefixed header, and skips countries outside the registry', async () => {
    const { rows, linesRead } = await readBipaProcessed(VDEM, 'vdem.csv', VDEM_META);
    expect(linesRead).toBe(5);
    const result = validateRows(rows, VDEM_META, 'vdem.csv');
    expect(result.skipped['other country']).toBe(3); // MEX twice, the Vatican's 1870 row
    expect(result.observations.map((o) => [o.line, o.indicatorCode, o.iso3, o.year, o.value])).toEqual([
      [4, 'VDEM.V2CLRSPCT', 'VNM', 2023, -0.876],
      [5, 'VDEM.V2STCRITRECADM', 'VNM', 2023, 0.376],
    ]);
  });

  it('stops on a variable meta.yaml does not declare, naming line and column', async () => {
    const file = await withLine(VDEM, 3, '"MEX",2023,"vdem_new_item",-0.281');
    await expect(readBipaProcessed(file, 'bad-vdem.csv', VDEM_META)).rejects.toThrow(
      'bad-vdem.csv, line 3, column "variable": variable "vdem_new_item" is not declared as a source_key in meta.yaml',
    );
  });

  it('stops on a country written as a name instead of an ISO3 code', async () => {
    const file = await withLine(VDEM, 4, '"Viet Nam",2023,"vdem_impartial",-0.876');
    await expect(readBipaProcessed(file, 'bad-vdem.csv', VDEM_META)).rejects.toThrow(
      'bad-vdem.csv, line 4, column "cc_iso3c": not an ISO 3166 alpha-3 code ("Viet Nam")',
    );
  });

  it('names line and column of a bad value and of a bad year', async () => {
    const badValue = await withLine(VDEM, 5, '"VNM",2023,"vdem_nepotism",0.37.6');
    const rows = (await readBipaProcessed(badValue, 'bad-vdem.csv', VDEM_META)).rows;
    expect(() => validateRows(rows, VDEM_META, 'bad-vdem.csv')).toThrow(
      'bad-vdem.csv, line 5, column "value": not a number ("0.37.6")',
    );
    const badYear = await withLine(VDEM, 5, '"VNM",23,"vdem_nepotism",0.376');
    const yearRows = (await readBipaProcessed(badYear, 'bad-vdem.csv', VDEM_META)).rows;
    expect(() => validateRows(yearRows, VDEM_META, 'bad-vdem.csv')).toThrow(/bad-vdem\.csv, line 5, column "year"/);
  });
});

describe('wb-bulk reader on a copy without the preamble (re-saved with BOM and CRLF)', () => {
  const file = fixture('wb-bulk-no-preamble', 'API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv');

  it('reads the header from line 1 and keeps quoted names with commas', async () => {
    const { rows, linesRead } = await readWorldBankBulk(file, 'inet.csv');
    expect(linesRead).toBe(5);
    const kor = rows.find((r) => 'code' in r.country && r.country.code === 'KOR' && r.year === '2023');
    expect(kor).toMatchObject({ line: 3, indicatorCode: 'IT.NET.USER.ZS', value: '97.416' });
  });

  it('validates to registry values, skipping Afghanistan and the World aggregate; empty cells give no row', async () => {
    const { rows } = await readWorldBankBulk(file, 'inet.csv');
    const meta = releaseMetaSchema.parse({
      ...testMeta({ format: 'wb-bulk' }),
      indicators: [{ ...testMeta().indicators[0], code: 'IT.NET.USER.ZS' }],
    });
    const result = validateRows(rows, meta, 'inet.csv');
    const vnm = result.observations.filter((o) => o.iso3 === 'VNM');
    expect(vnm.at(-1)).toMatchObject({ year: 2023, value: 78.08, line: 5 });
    const mmrYears = result.observations.filter((o) => o.iso3 === 'MMR').map((o) => o.year);
    expect(Math.max(...(mmrYears as number[]))).toBe(2021);
    expect(result.observations.find((o) => o.iso3 === 'MMR' && o.year === 2020)?.value).toBe(41.95429049);
    expect(result.observations.every((o) => ['KOR', 'MMR', 'VNM'].includes(o.iso3))).toBe(true);
  });
});
