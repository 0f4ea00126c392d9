import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/domain/countries.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { currentDataVersion } from '../../src/repositories/data-version.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';
import { testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

// The streaming bulk load (issue 12 item 5): a file far larger than one batch (20,000 rows), parsed
// once, COPYed into staging and moved into place, must keep every value exact and every error's line.

let test: TestDatabase;
beforeAll(async () => {
  test = await createPreparedDatabase();
});
afterAll(async () => {
  await test?.close();
});

const HEADER = 'source,indicator_code,indicator_name,country_iso3,year,value,unit,note';
const ISO3 = COUNTRIES.map((c) => c.iso3);
const YEARS = Array.from({ length: 50 }, (_, i) => 1975 + i);
const INDICATORS = Math.ceil(50_000 / (ISO3.length * YEARS.length));
const code = (k: number) => `STREAM.${String(k).padStart(3, '0')}`;

/** Value text for row i: plain decimals, 17 significant digits, negatives and exponents. */
function valueText(i: number): string {
  if (i % 4 === 0) return `${i}.25`;
  if (i % 4 === 1) return `0.${String(i).padStart(6, '0')}12345678901`;
  if (i % 4 === 2) return `-${i}e-3`;
  return `${i}E2`;
}

interface Generated {
  text: string;
  values: Map<string, string>;
  lineOf: Map<string, number>;
}

/**
 * One row per indicator x country x year. Every 1,000th row carries a quoted note spanning two lines
 * (with a comma), so file lines and records drift apart the further down the file an error is.
 */
function generate(edit?: (i: number, cells: string[]) => void): Generated {
  const lines = [HEADER];
  const values = new Map<string, string>();
  const lineOf = new Map<string, number>();
  let line = 1;
  let i = 0;
  for (let k = 0; k < INDICATORS; k++)
    for (const iso3 of ISO3)
      for (const year of YEARS) {
        const note = i % 1000 === 999 ? '"Revised, see\nthe annex"' : '';
        const cells = ['S', code(k), 'Streamed', iso3, String(year), valueText(i), 'points', note];
        edit?.(i, cells);
        lines.push(cells.join(','));
        line += 1;
        values.set(`${code(k)}|${iso3}|${year}`, valueText(i));
        lineOf.set(`${code(k)}|${iso3}|${year}`, line);
        if (note) line += 1;
        i++;
      }
  return { text: `${lines.join('\n')}\n`, values, lineOf };
}

function meta(release: string) {
  const indicator = testMeta().indicators[0];
  return testMeta({
    source: { ...testMeta().source, id: 'stream-source' },
    release,
    indicators: Array.from({ length: INDICATORS }, (_, k) => ({ ...indicator, code: code(k) })),
    value_notes_vi: [{ note: 'Revised, see\nthe annex', vi: 'Đã điều chỉnh, xem\nphụ lục' }],
  });
}

async function snapshot() {
  return {
    observations: await countObservations(test.db),
    releases: (await test.db.selectFrom('release').select('id').execute()).length,
    version: await currentDataVersion(test.db),
  };
}

describe('the streaming bulk load of a large tidy file', () => {
  it('fails a bad value 45,000 rows in at its line, and writes nothing', async () => {
    const bad = generate((i, cells) => {
      if (i === 45_000) cells[5] = '4.5.1';
    });
    const line = bad.lineOf.get(`${code(Math.floor(45_000 / 700))}|${ISO3[Math.floor((45_000 % 700) / 50)]}|1975`);
    expect(line).toBe(45_000 + 2 + 45); // header, 0-based row, 45 two-line notes above it
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, await writeReleaseFolder(meta('bad'), bad.text))).rejects.toThrow(
      `data.csv, line ${line}, column "value": not a number ("4.5.1")`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('fails a key given twice deep in the file, naming both lines, and writes nothing', async () => {
    // Row 40,001 repeats row 40,000's country and year (VNM..., shifted by one year back).
    const twice = generate((i, cells) => {
      if (i === 40_001) cells[4] = String(Number(cells[4]) - 1);
    });
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, await writeReleaseFolder(meta('twice'), twice.text))).rejects.toThrow(
      /data\.csv, line 40043: a second value for STREAM\.057 \w{3} 1975 \(first at line 40042\)/,
    );
    expect(await snapshot()).toEqual(before);
    // A dry run, which moves nothing into the table whose unique key catches it, says the same.
    await expect(
      ingestReleaseFolder(test.db, await writeReleaseFolder(meta('twice'), twice.text), { dryRun: true }),
    ).rejects.toThrow(/data\.csv, line 40043: a second value for STREAM\.057 \w{3} 1975 \(first at line 40042\)/);
  });

  it('reports the first error in file order when a file has two: a key given twice, then a bad value', async () => {
    // Row 10,001 repeats row 10,000's key; row 45,000 has a malformed value.
    const both = generate((i, cells) => {
      if (i === 10_001) cells[4] = String(Number(cells[4]) - 1);
      if (i === 45_000) cells[5] = '4.5.1';
    });
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, await writeReleaseFolder(meta('both'), both.text))).rejects.toThrow(
      /data\.csv, line 10013: a second value for STREAM\.014 \w{3} 1975 \(first at line 10012\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('reports the first error in file order when a file has two: a bad value, then a key given twice', async () => {
    const both = generate((i, cells) => {
      if (i === 10_001) cells[5] = '4.5.1';
      if (i === 45_001) cells[4] = String(Number(cells[4]) - 1);
    });
    const before = await snapshot();
    await expect(ingestReleaseFolder(test.db, await writeReleaseFolder(meta('both'), both.text))).rejects.toThrow(
      /data\.csv, line 10013, column "value": not a number \("4\.5\.1"\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('loads 50,400 rows with every value exactly Number() of its text', async () => {
    const { text, values } = generate();
    const summary = await ingestReleaseFolder(test.db, await writeReleaseFolder(meta('good'), text));
    expect(summary).toMatchObject({ status: 'loaded', linesRead: 50_400, loaded: 50_400 });
    expect(summary.diff?.counts).toEqual({ added: 50_400, changed: 0, removed: 0 });
    const rows = await test.db
      .selectFrom('observation')
      .select(['indicator_code', 'iso3', 'year', 'value', 'note'])
      .where('release_id', '=', 'stream-source:good')
      .execute();
    expect(rows).toHaveLength(50_400);
    const wrong = rows.filter((r) => r.value !== Number(values.get(`${r.indicator_code}|${r.iso3}|${r.year}`)));
    expect(wrong).toEqual([]);
    // By hand: row 0 is STREAM.000, the first country, 1975, "0.25"; row 1 is 0.00000112345678901;
    // row 2 is -2e-3; row 3 is 3E2; row 999 (a note row) is 999E2.
    const at = (k: number, c: number, y: number) =>
      rows.find((r) => r.indicator_code === code(k) && r.iso3 === ISO3[c] && r.year === y);
    expect(at(0, 0, 1975)?.value).toBe(0.25);
    expect(at(0, 0, 1976)?.value).toBe(0.00000112345678901);
    expect(at(0, 0, 1977)?.value).toBe(-0.002);
    expect(at(0, 0, 1978)?.value).toBe(300);
    expect(at(1, 5, 2024)).toMatchObject({ value: 99900, note: 'Revised, see\nthe annex' });
    expect(at(71, 13, 2024)?.value).toBe(5039900); // row 50,399 = 4k+3
  });
});
