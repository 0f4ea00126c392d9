import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { readReleaseMeta } from '../../src/ingest/meta.ts';
import { readBipaLong } from '../../src/ingest/readers/bipa-long.ts';
import { readQogWide } from '../../src/ingest/readers/qog-wide.ts';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { validateRows } from '../../src/ingest/validate.ts';

const fixture = (...parts: string[]) => path.join(import.meta.dirname, '..', 'fixtures', ...parts);
const bipaMeta = () => readReleaseMeta(path.join(DATASETS_DIR, 'bsg-bipa', '2024', 'meta.yaml'));
const qogMeta = () => readReleaseMeta(path.join(DATASETS_DIR, 'qog-expert-survey', '2020', 'meta.yaml'));

async function tempCsv(text: string): Promise<string> {
  const file = path.join(tmpdir(), `civscope-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, text);
  return file;
}

const BIPA_HEADER = '\uFEFF"cc_iso3c","structure_id","value","rank","rank_n","rank_label"';

describe('bipa-long reader (bipa2024_all_data.csv)', () => {
  it('reads the BOM-prefixed quoted header and counts metrics as not loaded; an excerpt ranking fewer than its ranks stops', async () => {
    const meta = await bipaMeta();
    const read = await readBipaLong(fixture('bipa-long', 'bipa2024_all_data.csv'), 'bipa.csv', meta);
    expect(read.linesRead).toBe(6);
    expect(read.notLoaded).toBe(1); // the metric 10102.01
    // The fixture is six lines of the 14,411: a rank of 62 among the 3 countries it ranks on the
    // Index says the file was cut short, and the release stops rather than print "62nd of 3".
    expect(() => validateRows(read.rows, meta, 'bipa.csv')).toThrow(
      'bipa.csv, line 4, column "rank": rank 62 with 3 ranked',
    );
  });

  it('counts how many countries each element ranks, every country of the file included', async () => {
    const meta = await bipaMeta();
    const file = await tempCsv(
      `${BIPA_HEADER}\n"SGP",0,0.85,1,1,"1"\n"NOR",0,0.84,2,1,"2"\n"VNM",0,0.54,3,1,"3"\n"VNM",40000,0.51,1,1,"1"\n"VNM",10102.01,0.53,12,16,"=12"\n`,
    );
    const { observations, skipped } = validateRows((await readBipaLong(file, 'bipa.csv', meta)).rows, meta, 'bipa.csv');
    expect(skipped['other country']).toBe(1); // NOR: not loaded, but counted among the ranked
    expect(observations.map((o) => [o.indicatorCode, o.iso3, o.rank, o.rankLabel, o.rankOf, o.line])).toEqual([
      ['BIPA.INDEX', 'SGP', 1, '1', 3, 2],
      ['BIPA.INDEX', 'VNM', 3, '3', 3, 4],
      ['BIPA.PPLPRC', 'VNM', 1, '1', 1, 5],
    ]);
  });

  it('stops at a structure id meta.yaml does not declare, naming line and column', async () => {
    const file = await tempCsv(`${BIPA_HEADER}\n"VNM",0,0.54,62,5,"=62"\n"VNM",40101,0.5,1,1,"1"\n`);
    await expect(readBipaLong(file, 'bad.csv', await bipaMeta())).rejects.toThrow(
      'bad.csv, line 3, column "structure_id": structure id 40101 is not declared in meta.yaml',
    );
  });

  it('stops at a country code that resolves to nothing', async () => {
    const file = await tempCsv(`${BIPA_HEADER}\n"Viet Nam",0,0.54,62,5,"=62"\n`);
    await expect(readBipaLong(file, 'bad.csv', await bipaMeta())).rejects.toThrow(
      'bad.csv, line 2, column "cc_iso3c": not an ISO 3166 alpha-3 code ("Viet Nam")',
    );
  });

  it('refuses a rank label that contradicts the rank, and a value that is not a number', async () => {
    const meta = await bipaMeta();
    const label = await readBipaLong(await tempCsv(`${BIPA_HEADER}\n"VNM",0,0.54,62,5,"=61"\n`), 'bad.csv', meta);
    expect(() => validateRows(label.rows, meta, 'bad.csv')).toThrow(
      'bad.csv, line 2, column "rank_label": label "=61" does not match rank 62',
    );
    const value = await readBipaLong(await tempCsv(`${BIPA_HEADER}\n"VNM",0,high,62,5,"=62"\n`), 'bad.csv', meta);
    expect(() => validateRows(value.rows, meta, 'bad.csv')).toThrow('bad.csv, line 2, column "value": not a number');
  });

  it('needs the edition year from meta.yaml, since the file has none', async () => {
    const meta = { ...(await bipaMeta()), edition_year: undefined };
    await expect(readBipaLong(fixture('bipa-long', 'bipa2024_all_data.csv'), 'bipa.csv', meta)).rejects.toThrow(
      IngestError,
    );
  });
});

describe('qog-wide reader (qog_exp_agg_20.csv)', () => {
  it('reshapes variables to rows, resolves Hong Kong by name, skips empty cells and outside countries', async () => {
    const meta = await qogMeta();
    const read = await readQogWide(fixture('qog-wide', 'qog_exp_agg_20.csv'), 'qog.csv', meta);
    expect(read.linesRead).toBe(4);
    const { observations, skipped, unresolved } = validateRows(read.rows, meta, 'qog.csv');
    expect(unresolved).toEqual([]);
    expect(skipped['other country']).toBe(20 + 20); // Afghanistan and Hong Kong (by name): 20 variables each
    const vnm = observations.filter((o) => o.iso3 === 'VNM');
    expect(vnm).toHaveLength(17); // impar2 and its two bounds are empty for Viet Nam
    expect(vnm.find((o) => o.indicatorCode === 'QOG.EXP.PROFF2')).toMatchObject({
      year: 2020,
      value: -0.2764680625075007,
    });
    expect(observations.find((o) => o.iso3 === 'SGP' && o.indicatorCode === 'QOG.EXP.IMPAR2')?.value).toBe(
      0.9210739943638429,
    );
    expect(vnm.some((o) => o.indicatorCode.startsWith('QOG.EXP.IMPAR2'))).toBe(false);
  });

  it('stops at a variable meta.yaml does not declare', async () => {
    const file = await tempCsv(
      'year,cname,ccode,ccodecow,ccodewb,ccodealp,oecd,eu27,region,proff2,training_hours\n2020,Vietnam,704,816,704,VNM,No,No,7,-.27,12\n',
    );
    await expect(readQogWide(file, 'bad.csv', await qogMeta())).rejects.toThrow(
      'bad.csv, line 1: column "training_hours" is not declared as a source_key in meta.yaml',
    );
  });

  it('stops at a country that resolves to nothing, and at a value that is not a number', async () => {
    const meta = await qogMeta();
    const head = 'year,cname,ccode,ccodecow,ccodewb,ccodealp,oecd,eu27,region,proff2\n';
    const nowhere = await readQogWide(await tempCsv(`${head}2020,Atlantis,,,,,No,No,0,.5\n`), 'bad.csv', meta);
    expect(() => validateRows(nowhere.rows, meta, 'bad.csv')).toThrow(
      'bad.csv, line 2: country "Atlantis" resolves to no known country',
    );
    const text = await readQogWide(
      await tempCsv(`${head}2020,Vietnam,704,816,704,VNM,No,No,7,n.a.\n`),
      'bad.csv',
      meta,
    );
    expect(() => validateRows(text.rows, meta, 'bad.csv')).toThrow('bad.csv, line 2, column "proff2": not a number');
  });
});
