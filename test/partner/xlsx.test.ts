import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { DATA_SHEET, SOURCES_SHEET } from '../../src/render/xlsx.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';
import { requireSystemTool, skipWithoutTool } from '../helpers/system-tools.ts';

const loaded = useLoadedApp();

/** Debian's python3-openpyxl reads the workbook: an independent reader, not the library that wrote it. */
const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))
`;

async function openWorkbook(url: string) {
  const started = performance.now();
  const response = await loaded.app.request(url);
  const ms = performance.now() - started;
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'civscope-xlsx-')), 'table.xlsx');
  await writeFile(file, new Uint8Array(await response.arrayBuffer()));
  const sheets = JSON.parse(
    execFileSync(requireSystemTool('python3:openpyxl'), ['-c', READ, file], { encoding: 'utf8' }),
  ) as Record<string, unknown[][]>;
  const [header, ...rows] = sheets[DATA_SHEET] as [string[], ...unknown[][]];
  const column = (name: string) => rows.map((r) => r[header.indexOf(name)] ?? null);
  return { sheets, header, rows, column, ms };
}

const json = async (url: string) => (await getJson(loaded.app, url)).body;
type Body = Record<string, unknown>;
/** The objects of one array in a JSON body, and one field of each. */
const pluck = (body: Body, list: string, field: string) => (body[list] as Body[]).map((item) => item[field] ?? null);

/** Each table endpoint: its JSON URL, the data-sheet column to compare and the same numbers from the JSON. */
const CASES: [string, string, (body: Body) => unknown[]][] = [
  ['/v1/observations?indicator=EGDI&group=ASEAN&from=2020', 'value', (b) => pluck(b, 'observations', 'value')],
  ['/v1/rankings?indicator=GE.EST&group=ASEAN%2B3&year=2022', 'value', (b) => pluck(b, 'ranking', 'value')],
  [
    '/v1/compare?indicators=EGDI,OSI&group=ASEAN&year=2024',
    'OSI',
    (b) =>
      (b.rows as { cells: Record<string, { value: number } | undefined> }[]).map((r) => r.cells.OSI?.value ?? null),
  ],
  ['/v1/profiles/VNM?group=ASEAN', 'value', (b) => pluck(b, 'indicators', 'value')],
  ['/v1/aggregates?indicator=EGDI&group=ASEAN&stat=mean', 'mean', (b) => pluck(b, 'years', 'value')],
  ['/v1/composite?indicators=EGDI,GE.EST&group=ASEAN&year=2022', 'score', (b) => pluck(b, 'scores', 'score')],
  ['/v1/changes?since_release=wb-wdi:2024-02-12-population', 'after', (b) => pluck(b, 'changes', 'after')],
];

describe.skipIf(skipWithoutTool('python3:openpyxl'))('format=xlsx on every table endpoint', () => {
  it.each(CASES)('%s opens with openpyxl and its numbers equal the JSON', async (url, columnName, numbers) => {
    const expected = numbers(await json(url));
    const book = await openWorkbook(`${url}&format=xlsx`);
    console.log(`xlsx ${url}: ${book.rows.length} rows in ${book.ms.toFixed(0)} ms`);
    expect(expected.length).toBeGreaterThan(0);
    expect(book.column(columnName)).toEqual(expected);
    expect(expected.every((v) => v === null || typeof v === 'number')).toBe(true);
    const sources = book.sheets[SOURCES_SHEET] as unknown[][];
    expect(sources[0]).toEqual([
      'release',
      'label',
      'published_on',
      'sha256',
      'source',
      'publisher',
      'licence',
      'citation',
      'url',
      'indicators',
    ]);
    expect(sources.length).toBeGreaterThan(1);
  });

  it('keeps Vietnamese names: country_vi beside the English name', async () => {
    const book = await openWorkbook('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024&format=xlsx');
    expect(book.header.slice(0, 5)).toEqual(['indicator', 'rank', 'iso3', 'country', 'country_vi']);
    expect(book.rows.find((r) => r[2] === 'VNM')?.[4]).toBe('Việt Nam');
  });

  it('CSV with bom=true starts with the UTF-8 byte order mark; without it, none', async () => {
    const url = '/v1/observations?indicator=EGDI&countries=VNM&year=2024&format=csv';
    const withBom = new Uint8Array(await (await loaded.app.request(`${url}&bom=true`)).arrayBuffer());
    const without = new Uint8Array(await (await loaded.app.request(url)).arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...without.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.slice(3)).toEqual(without);
  });

  it('answers 501 problem+json where no spreadsheet writer is installed (the Worker)', async () => {
    const edge = createApp({ db: loaded.test.db });
    const response = await edge.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024&format=xlsx');
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ code: 'not_implemented' });
  });
});

describe('the workbook a person opens (style=reader)', () => {
  it('names what it measures on both sheets: the indicator column on the data sheet, the indicators of each source on the sources sheet', async () => {
    const { sheets, header, rows } = await openWorkbook(
      '/v1/rankings?indicator=GE.EST&group=ASEAN&lang=vi&format=xlsx&style=reader',
    );
    expect(header.slice(0, 7)).toEqual([
      'Chỉ số',
      'Đơn vị',
      'Thứ hạng',
      'Mã ISO3',
      'Quốc gia',
      'Quốc gia (tiếng Anh)',
      'Giá trị',
    ]);
    expect(rows[0]?.slice(0, 7)).toEqual([
      'Hiệu quả của Chính phủ: ước lượng',
      'điểm quản trị (khoảng -2,5 đến 2,5)',
      1,
      'SGP',
      'Xin-ga-po',
      'Singapore',
      2.0921,
    ]);
    const [sourcesHeader, ...sources] = sheets[SOURCES_SHEET] as [string[], ...unknown[][]];
    expect(sourcesHeader.at(-1)).toBe('indicators');
    expect(sources.map((r) => r.at(-1))).toEqual([
      'GE.EST: Government Effectiveness: Estimate / Hiệu quả của Chính phủ: ước lượng',
    ]);
  });
});
