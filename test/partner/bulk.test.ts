import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();
const PROFILES = path.join(import.meta.dirname, '../fixtures/frictionless');

async function profileValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  // A CommonJS module: its function is the default export's `default` under TypeScript's view.
  const addFormats = (ajvFormats as unknown as { default: (a: Ajv) => Ajv }).default;
  addFormats(ajv);
  const load = async (name: string) => JSON.parse(await readFile(path.join(PROFILES, name), 'utf8'));
  return {
    dataPackage: ajv.compile(await load('datapackage.json')),
    dataResource: ajv.compile(await load('dataresource.json')),
    tableSchema: ajv.compile(await load('tableschema.json')),
  };
}

async function fetchPackage(url: string) {
  const response = await loaded.app.request(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const files = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(files[name]);
  return { bytes, files, text, descriptor: JSON.parse(text('datapackage.json')) };
}

type Row = Record<string, string>;
const parse = (text: string) => {
  const { data, errors } = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(errors).toEqual([]);
  return data;
};

describe('bulk Data Packages', () => {
  it('pulls every value of every indicator for ASEAN+3 in two requests, valid against the Data Package v2 profiles, equal to the API', async () => {
    const list = await getJson(loaded.app, '/v1/bulk');
    const all = (list.body.packages as { id: string; url: string }[]).find((p) => p.id === 'all');
    expect(all?.url).toBe('/v1/bulk/all');
    const started = performance.now();
    const pkg = await fetchPackage(all?.url as string);
    const ms = performance.now() - started;
    console.log(`bulk all: ${pkg.bytes.byteLength} bytes zipped in ${ms.toFixed(0)} ms`);
    expect(Object.keys(pkg.files).sort()).toEqual([
      'README.md',
      'countries.csv',
      'datapackage.json',
      'indicators.csv',
      'observations.csv',
      'releases.csv',
      'undated_observations.csv',
    ]);
    // The profiles do not check keys against the rows (nor does the npm datapackage library): here
    // every primary key is unique with no empty part, and every foreign key finds its row.
    const tables = Object.fromEntries(
      pkg.descriptor.resources.map((r: { name: string; path: string }) => [r.name, parse(pkg.text(r.path))]),
    ) as Record<string, Record<string, string>[]>;
    for (const resource of pkg.descriptor.resources as {
      name: string;
      schema: {
        primaryKey: string[];
        foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
      };
    }[]) {
      const rows = tables[resource.name] ?? [];
      const keys = rows.map((row) => resource.schema.primaryKey.map((f) => row[f] ?? ''));
      expect(
        keys.filter((k) => k.some((part) => part === '')),
        `${resource.name}: empty key`,
      ).toEqual([]);
      expect(new Set(keys.map((k) => k.join('|'))).size, `${resource.name}: key given twice`).toBe(rows.length);
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = new Set(
          (tables[fk.reference.resource] ?? []).map((row) => row[fk.reference.fields[0] as string]),
        );
        const broken = rows.filter((row) => !target.has(row[fk.fields[0] as string]));
        expect(broken.length, `${resource.name}.${fk.fields[0]} → ${fk.reference.resource}`).toBe(0);
      }
    }
    // Singapore's undated training mandate is in its own resource, not an observation without a year.
    expect(tables.undated_observations?.find((r) => r.iso3 === 'SGP' && r.indicator === 'TRN.MIN.HOURS')).toMatchObject(
      {
        value: '100',
        reference_url: expect.stringMatching(/^https:\/\/slidetodoc\.com\//),
      },
    );
    expect(tables.countries?.find((r) => r.iso3 === 'VNM')).toMatchObject({ m49: '704', name_vi: 'Việt Nam' });
    // Every licence has a name, a URL and a title; CC BY 4.0 by its Open Definition id.
    for (const licence of pkg.descriptor.licenses as { name: string; path: string; title: string }[]) {
      expect(licence.name).toMatch(/^[A-Za-z0-9.-]+$/);
      expect(licence.path).toMatch(/^https?:\/\//);
      expect(licence.title.length).toBeGreaterThan(5);
    }
    expect(pkg.descriptor.licenses).toContainEqual({
      name: 'CC-BY-4.0',
      path: 'https://creativecommons.org/licenses/by/4.0/',
      title: 'Worldwide Governance Indicators: CC BY 4.0',
    });

    const validate = await profileValidators();
    expect(validate.dataPackage(pkg.descriptor), JSON.stringify(validate.dataPackage.errors)).toBe(true);
    for (const resource of pkg.descriptor.resources) {
      expect(validate.dataResource(resource), JSON.stringify(validate.dataResource.errors)).toBe(true);
      expect(validate.tableSchema(resource.schema), JSON.stringify(validate.tableSchema.errors)).toBe(true);
    }
    // Release ids and the sha256 of each original file, as /v1/releases has them.
    const releases = (await getJson(loaded.app, '/v1/releases')).body.releases as { id: string; sha256: string }[];
    expect(pkg.descriptor.releases.map((r: { id: string; sha256: string }) => [r.id, r.sha256]).sort()).toEqual(
      releases.map((r) => [r.id, r.sha256]).sort(),
    );

    const rows = parse(pkg.text('observations.csv'));
    const header = pkg.text('observations.csv').split('\r\n')[0];
    expect(header).toBe(pkg.descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name).join(','));
    expect(rows.find((r) => r.iso3 === 'VNM')?.country_vi).toBe('Việt Nam');
    const indicators = parse(pkg.text('indicators.csv'));
    expect(new Set([...rows, ...(tables.undated_observations ?? [])].map((r) => r.indicator))).toEqual(
      new Set(indicators.map((i) => i.code)),
    );

    // Every value equals what /v1/observations serves for ASEAN+3 (checked indicator by indicator).
    const fromPackage = new Map(
      [...rows, ...(tables.undated_observations ?? [])].map((r) => [
        `${r.indicator}|${r.iso3}|${r.year ?? ''}`,
        [Number(r.value), r.release],
      ]),
    );
    let compared = 0;
    for (const { code } of indicators) {
      const { body } = await getJson(loaded.app, `/v1/observations?indicator=${code}&group=ASEAN%2B3`);
      for (const o of body.observations as { iso3: string; year: number | null; value: number; release: string }[]) {
        expect(fromPackage.get(`${code}|${o.iso3}|${o.year ?? ''}`)).toEqual([o.value, o.release]);
        compared += 1;
      }
    }
    expect(compared).toBe(rows.length + (tables.undated_observations?.length ?? 0));
    expect(pkg.text('README.md')).toContain('Gói dữ liệu CivScope');
  });

  it('a release package holds exactly that release, older values included', async () => {
    const pkg = await fetchPackage('/v1/bulk/wb-wdi:2023-12-gdp-per-capita');
    const rows = parse(pkg.text('observations.csv'));
    const release = (
      (await getJson(loaded.app, '/v1/releases?source=wb-wdi')).body.releases as { id: string; row_count: number }[]
    ).find((r) => r.id === 'wb-wdi:2023-12-gdp-per-capita');
    expect(rows.length).toBe(release?.row_count);
    expect(rows.every((r) => r.release === 'wb-wdi:2023-12-gdp-per-capita')).toBe(true);
    // KHM 2022 as the 2023-12 vintage published it (the 2025 vintage revised it to 2325.03050040841).
    expect(Number(rows.find((r) => r.iso3 === 'KHM' && r.year === '2022')?.value)).toBe(1759.60802346044);
  });

  it('serves the original file of a release byte for byte with its sha256', async () => {
    const response = await loaded.app.request('/v1/releases/wb-wdi:2024-02-12-population/file');
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const meta = await readFile(path.join(DATASETS_DIR, 'wb-wdi/2024-02-12-population/meta.yaml'), 'utf8');
    const fileName = /^file:\s*(\S+)/m.exec(meta)?.[1] ?? 'data.csv';
    const original = await readFile(path.join(DATASETS_DIR, 'wb-wdi/2024-02-12-population', fileName));
    expect(bytes.equals(original)).toBe(true);
    const sha = createHash('sha256').update(original).digest('hex');
    expect(response.headers.get('x-sha256')).toBe(sha);
    expect(response.headers.get('repr-digest')).toBe(
      `sha-256=:${createHash('sha256').update(original).digest('base64')}:`,
    );
    expect(response.headers.get('etag')).toBe(`"${sha}"`);
  });

  it('answers bad package and release names with problem+json', async () => {
    for (const [url, status, code] of [
      ['/v1/bulk/everything', 400, 'invalid_parameter'],
      ['/v1/bulk/wb-wdi:1999', 404, 'unknown_release'],
      ['/v1/releases/wb-wdi:1999/file', 404, 'unknown_release'],
      ['/v1/releases/..%2Fetc/file', 400, 'invalid_parameter'],
    ] as const) {
      const { status: got, body } = await getJson(loaded.app, url);
      expect([url, got, body.code]).toEqual([url, status, code]);
    }
  });
});
