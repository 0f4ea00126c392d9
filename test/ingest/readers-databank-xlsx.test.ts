import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { releaseMetaSchema } from '../../src/ingest/meta.ts';
import { readWorldBankDatabankXlsx } from '../../src/ingest/readers/wb-databank-xlsx.ts';
import { validateRows } from '../../src/ingest/validate.ts';
import { testMeta } from '../helpers/release-folder.ts';

// The fixture is the WWBI 3.1 workbook with its Data sheet cut to five rows, every other part of the
// archive as published (test/fixtures/README.md): rows 30499 (VNM, economists against clerks),
// 32721 (VNM survey sample counts, a series the meta does not declare), 38584 (AFG, outside our
// countries), 38763 (TLS) and 38781 (VNM) of median age of public paid employees.
const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'wb-databank-xlsx', 'wwbi-v3.1-extract.xlsx');

function metaDeclaring(...codes: string[]) {
  const base = testMeta({ format: 'wb-databank-xlsx' });
  return releaseMetaSchema.parse({
    ...base,
    indicators: codes.map((code) => ({ ...base.indicators[0], code })),
  });
}

const META = metaDeclaring('BI.PWK.AGES.PB.MD', 'BI.WAG.CPRS.PB.GE.ZS');

/** A copy of the fixture with its Data sheet's XML changed by `edit`, to make one bad cell in the real layout. */
async function withSheet(edit: (xml: string) => string): Promise<string> {
  const files = unzipSync(await readFile(FIXTURE));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
  const edited = edit(sheet);
  expect(edited).not.toBe(sheet);
  files['xl/worksheets/sheet1.xml'] = strToU8(edited);
  const file = path.join(tmpdir(), `civscope-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(file, zipSync(files));
  return file;
}

describe('wb-databank-xlsx reader (World Bank DataBank Excel export)', () => {
  it('reshapes the Data sheet to one row per value, with the workbook row, the year column and the text of the number', async () => {
    const { rows, linesRead, notLoaded } = await readWorldBankDatabankXlsx(FIXTURE, 'wwbi.xlsx', META);
    expect(linesRead).toBe(5);
    expect(notLoaded).toBe(8); // the eight sample counts of row 32721
    expect(
      rows.map((r) => [r.line, r.indicatorCode, 'code' in r.country ? r.country.code : '', r.year, r.value]),
    ).toEqual([
      [30499, 'BI.WAG.CPRS.PB.GE.ZS', 'VNM', '2017', '1.0158522634417393'],
      [38584, 'BI.PWK.AGES.PB.MD', 'AFG', '2007', '37'],
      [38584, 'BI.PWK.AGES.PB.MD', 'AFG', '2011', '32'],
      [38584, 'BI.PWK.AGES.PB.MD', 'AFG', '2013', '31'],
      [38584, 'BI.PWK.AGES.PB.MD', 'AFG', '2019', '32'],
      [38763, 'BI.PWK.AGES.PB.MD', 'TLS', '2010', '39'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2007', '38'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2008', '37'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2010', '36'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2012', '37'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2014', '36'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2016', '37'],
      [38781, 'BI.PWK.AGES.PB.MD', 'VNM', '2019', '34'],
    ]);
  });

  it('validates to registry values, skipping Afghanistan as another country', async () => {
    const { rows } = await readWorldBankDatabankXlsx(FIXTURE, 'wwbi.xlsx', META);
    const result = validateRows(rows, META, 'wwbi.xlsx');
    expect(result.skipped['other country']).toBe(4);
    expect(result.observations.map((o) => [o.indicatorCode, o.iso3, o.year, o.value])).toEqual([
      ['BI.WAG.CPRS.PB.GE.ZS', 'VNM', 2017, 1.0158522634417393],
      ['BI.PWK.AGES.PB.MD', 'TLS', 2010, 39],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2007, 38],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2008, 37],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2010, 36],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2012, 37],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2014, 36],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2016, 37],
      ['BI.PWK.AGES.PB.MD', 'VNM', 2019, 34],
    ]);
  });

  it('reads a number written with an exponent as the number it denotes', async () => {
    const file = await withSheet((xml) => xml.replace('<v>1.0158522634417393</v>', '<v>1.0158522634417393E-2</v>'));
    const { rows } = await readWorldBankDatabankXlsx(file, 'wwbi.xlsx', META);
    const [economist] = validateRows(rows, META, 'wwbi.xlsx').observations;
    expect(economist?.value).toBe(0.010158522634417393);
  });

  it('stops at a series the workbook does not document in its Series sheet, naming the row', async () => {
    // Row 32721's series code becomes an inline string no Series row lists.
    const file = await withSheet((xml) =>
      xml.replace(
        '<c r="D32721" t="s"><v>1848</v></c>',
        '<c r="D32721" t="inlineStr"><is><t>BI.PWK.PUBS.XX</t></is></c>',
      ),
    );
    await expect(readWorldBankDatabankXlsx(file, 'wwbi.xlsx', META)).rejects.toThrow(
      'wwbi.xlsx, line 32721, column "Indicator Code": series "BI.PWK.PUBS.XX" is not in the Series sheet',
    );
  });

  it('stops at a value in a column the header gives no year', async () => {
    const file = await withSheet((xml) =>
      xml.replace('<c r="X38781"><v>34</v></c>', '<c r="X38781"><v>34</v></c><c r="AB38781"><v>35</v></c>'),
    );
    await expect(readWorldBankDatabankXlsx(file, 'wwbi.xlsx', META)).rejects.toThrow(
      'wwbi.xlsx, line 38781, column "AB": a value in a column without a year in the header',
    );
  });

  it('stops at a header that is not a DataBank export: a year column that is not a year, a missing Country Code', async () => {
    const notYear = await withSheet((xml) =>
      xml.replace('<c r="V1" s="3"><v>2017</v></c>', '<c r="V1" t="inlineStr"><is><t>2017 [YR2017]</t></is></c>'),
    );
    await expect(readWorldBankDatabankXlsx(notYear, 'wwbi.xlsx', META)).rejects.toThrow(
      'wwbi.xlsx, line 1, column "V": expected a year, found "2017 [YR2017]"',
    );
    const noCode = await withSheet((xml) =>
      xml.replace('<c r="B1" t="s"><v>259</v></c>', '<c r="B1" t="inlineStr"><is><t>ISO</t></is></c>'),
    );
    await expect(readWorldBankDatabankXlsx(noCode, 'wwbi.xlsx', META)).rejects.toThrow(
      'wwbi.xlsx, line 1, column "B": expected the header "Country Code", found "ISO"',
    );
  });

  it('stops when meta.yaml declares a series the workbook does not have, and without meta.yaml', async () => {
    await expect(readWorldBankDatabankXlsx(FIXTURE, 'wwbi.xlsx', metaDeclaring('BI.PWK.AGES.PB.MDX'))).rejects.toThrow(
      'wwbi.xlsx: meta.yaml declares BI.PWK.AGES.PB.MDX, not in the Series sheet',
    );
    await expect(readWorldBankDatabankXlsx(FIXTURE, 'wwbi.xlsx')).rejects.toThrow(
      'wwbi.xlsx: this format is read with its meta.yaml',
    );
  });

  it('refuses a file that is not an .xlsx archive, and a workbook without a Data sheet', async () => {
    const csv = path.join(tmpdir(), `civscope-${Date.now()}-not.xlsx`);
    await writeFile(csv, 'Country Name,Country Code\nViet Nam,VNM\n');
    await expect(readWorldBankDatabankXlsx(csv, 'not.xlsx', META)).rejects.toThrow('not.xlsx: not an .xlsx archive');
    const files = unzipSync(await readFile(FIXTURE));
    files['xl/workbook.xml'] = strToU8(
      strFromU8(files['xl/workbook.xml'] as Uint8Array).replace('name="Data"', 'name="Daten"'),
    );
    const renamed = path.join(tmpdir(), `civscope-${Date.now()}-renamed.xlsx`);
    await writeFile(renamed, zipSync(files));
    await expect(readWorldBankDatabankXlsx(renamed, 'wwbi.xlsx', META)).rejects.toThrow(
      'wwbi.xlsx: no sheet "Data" (sheets: Daten, Country, Series)',
    );
  });
});
