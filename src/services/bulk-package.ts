import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate } from 'fflate';
import type { Kysely } from 'kysely';
import type { Database, IndicatorRow, ReleaseRow } from '../db/schema.ts';
import { COUNTRIES } from '../domain/countries.ts';
import { Problem } from '../http/problem.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { CURRENT, type Vintage, valuesFor } from '../repositories/observations.ts';
import { findRelease } from '../repositories/releases.ts';
import { listReleases, listSources } from '../repositories/sources.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** A bulk package: every current value (`all`) or every value of one release. */
export interface PackagePlan {
  id: string;
  vintage: Vintage;
  releases: ReleaseRow[];
  sources: Awaited<ReturnType<typeof listSources>>;
  indicators: IndicatorRow[];
}

export async function listPackages(db: Kysely<Database>) {
  const releases = await listReleases(db);
  return [
    { id: 'all', title: 'Every current value of every indicator', releases: releases.map((r) => r.id) },
    ...releases.map((r) => ({ id: r.id, title: `Every value of ${r.label}`, releases: [r.id] })),
  ];
}

export async function planPackage(db: Kysely<Database>, id: string): Promise<PackagePlan> {
  const all = await listReleases(db);
  const release = id === 'all' ? null : await findRelease(db, id);
  if (id !== 'all' && !release)
    throw new Problem(404, 'unknown_release', `No bulk package "${id}": use all or a release id from /v1/bulk.`, {
      parameter: 'package',
    });
  const releases = release ? [release] : all;
  const sourceIds = new Set(releases.map((r) => r.source_id));
  const sources = (await listSources(db)).filter((s) => sourceIds.has(s.id));
  const indicators = (await listIndicators(db)).filter((i) => sourceIds.has(i.source_id));
  const vintage: Vintage = release ? { kind: 'release', releaseId: release.id } : CURRENT;
  return { id, vintage, releases, sources, indicators };
}

export const OBSERVATION_FIELDS = [
  {
    name: 'indicator',
    type: 'string',
    description: 'Indicator code; see indicators.csv for its name, unit and scale.',
  },
  { name: 'iso3', type: 'string', description: 'ISO 3166-1 alpha-3 country code.' },
  { name: 'country', type: 'string', description: 'Country name in English.' },
  { name: 'country_vi', type: 'string', description: 'Tên quốc gia (Vietnamese country name).' },
  { name: 'year', type: 'integer', description: 'Year of the value; empty only for undated policy figures.' },
  {
    name: 'value',
    type: 'number',
    description: 'The value exactly as published (float64), in the unit of its indicator.',
  },
  { name: 'flag', type: 'string', description: 'zero-no-data, confidence-high/medium/low, or empty.' },
  { name: 'note', type: 'string', description: 'Note from the source or the maintainer.' },
  { name: 'release', type: 'string', description: 'The release the value comes from; see datapackage.json sources.' },
  { name: 'source', type: 'string', description: 'The source id.' },
] as const;

const INDICATOR_FIELDS = [
  { name: 'code', type: 'string' },
  { name: 'name_en', type: 'string' },
  { name: 'name_vi', type: 'string' },
  { name: 'theme', type: 'string' },
  { name: 'unit', type: 'string', description: 'Unit of every value of this indicator.' },
  { name: 'scale', type: 'string' },
  { name: 'higher_is_better', type: 'boolean', description: 'Empty for neutral measures.' },
  { name: 'decimals', type: 'integer' },
  { name: 'source', type: 'string' },
  { name: 'definition', type: 'string' },
  { name: 'definition_vi', type: 'string', description: "CivScope's Vietnamese translation of the definition." },
] as const;

const COUNTRY_BY_ISO3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));
const csvLines = (rows: unknown[][]) =>
  stringify(rows, { record_delimiter: 'windows', cast: { boolean: (v) => String(v) } });

/** The Frictionless Data Package descriptor (v2): resources with their Table Schemas and provenance. */
export function dataPackageDescriptor(plan: PackagePlan, created: string) {
  const licenses = plan.sources.map((s) => ({ title: `${s.name}: ${s.licence}`, path: s.url }));
  const sources = plan.releases.map((r) => {
    const s = plan.sources.find((x) => x.id === r.source_id);
    return { title: `${s?.name ?? r.source_id} — ${r.label}`, path: s?.url ?? '', version: r.id };
  });
  const table = (name: string, title: string, schema: object) => ({
    name,
    path: `${name}.csv`,
    type: 'table',
    title,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true },
    licenses,
    sources,
    schema,
  });
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: `civscope-${plan.id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    title: plan.id === 'all' ? 'CivScope: every current value' : `CivScope: release ${plan.id}`,
    description:
      'Civil-service indicators for the ASEAN+3 countries, exactly as their sources published them. / Các chỉ số công vụ của các nước ASEAN+3, đúng như nguồn đã công bố.',
    version: plan.releases.map((r) => r.id).join(' '),
    created,
    licenses,
    sources,
    releases: plan.releases.map((r) => ({
      id: r.id,
      source: r.source_id,
      label: r.label,
      published_on: r.published_on,
      file_name: r.file_name,
      sha256: r.sha256,
      file_url: `/v1/releases/${encodeURIComponent(r.id)}/file`,
    })),
    resources: [
      table('observations', 'Observations / Số liệu', {
        fields: OBSERVATION_FIELDS,
        missingValues: [''],
        primaryKey: ['indicator', 'iso3', 'year'],
        foreignKeys: [{ fields: ['indicator'], reference: { resource: 'indicators', fields: ['code'] } }],
      }),
      table('indicators', 'Indicators / Chỉ số', {
        fields: INDICATOR_FIELDS,
        missingValues: [''],
        primaryKey: ['code'],
      }),
    ],
  };
}

/** README.md of a package, in English then Vietnamese. */
export function packageReadme(plan: PackagePlan): string {
  const releases = plan.releases.map((r) => `- \`${r.id}\` — ${r.label} (${r.published_on}), sha256 \`${r.sha256}\``);
  const licences = plan.sources.map((s) => `- ${s.name} (${s.publisher}): ${s.licence}. ${s.citation}`);
  const what = plan.id === 'all' ? 'every current value (the newest release that has it)' : `every value of ${plan.id}`;
  return [
    `# CivScope data package: ${plan.id}`,
    '',
    `This package holds ${what} for the ASEAN+3 countries: \`observations.csv\` (one row per indicator, country and year), \`indicators.csv\` (name, unit, scale and direction of each indicator) and \`datapackage.json\` (Frictionless Data Package v2: Table Schemas, primary keys, licences, sources, release ids and the sha256 of each original file). CSV files are UTF-8, RFC 4180, CRLF line ends. Values are exactly as published (float64). The original file of a release: \`GET /v1/releases/{id}/file\`.`,
    '',
    '## Releases',
    ...releases,
    '',
    '## Licences and citations',
    ...licences,
    '',
    `# Gói dữ liệu CivScope: ${plan.id}`,
    '',
    `Gói này chứa ${plan.id === 'all' ? 'mọi giá trị hiện hành (từ bản phát hành mới nhất có giá trị đó)' : `mọi giá trị của bản phát hành ${plan.id}`} cho các nước ASEAN+3: \`observations.csv\` (mỗi dòng một chỉ số, một quốc gia, một năm), \`indicators.csv\` (tên, đơn vị, thang đo và chiều của mỗi chỉ số) và \`datapackage.json\` (Frictionless Data Package v2: lược đồ bảng, khoá chính, giấy phép, nguồn, mã bản phát hành và sha256 của tệp gốc). Tệp CSV mã hoá UTF-8 theo RFC 4180. Giá trị giữ nguyên như nguồn công bố. Tệp gốc của một bản phát hành: \`GET /v1/releases/{id}/file\`.`,
    '',
    'Bản phát hành và giấy phép: xem danh sách ở phần tiếng Anh phía trên.',
    '',
  ].join('\n');
}

/**
 * The package as a zip, streamed: observations are read one indicator at a time, so the request
 * holds at most one indicator's values (14 countries × its years) besides the zip's own buffers.
 */
export function packageZipStream(db: Kysely<Database>, plan: PackagePlan, created: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) controller.error(error);
        else {
          controller.enqueue(chunk);
          if (final) controller.close();
        }
      });
      const file = (name: string) => {
        const entry = new ZipDeflate(name, { level: 6 });
        zip.add(entry);
        return (text: string, last = false) => entry.push(encoder.encode(text), last);
      };
      try {
        const observations = file('observations.csv');
        observations(csvLines([OBSERVATION_FIELDS.map((f) => f.name)]));
        const countries = COUNTRIES.map((c) => c.iso3);
        for (const indicator of plan.indicators) {
          const rows = await valuesFor(db, { indicatorCodes: [indicator.code], countries, vintage: plan.vintage });
          if (rows.length === 0) continue;
          observations(csvLines(rows.map((r) => observationCells(r))));
        }
        observations('', true);
        file('indicators.csv')(
          csvLines([INDICATOR_FIELDS.map((f) => f.name), ...plan.indicators.map(indicatorCells)]),
          true,
        );
        file('datapackage.json')(`${JSON.stringify(dataPackageDescriptor(plan, created), null, 2)}\n`, true);
        file('README.md')(packageReadme(plan), true);
        zip.end();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

function observationCells(r: Awaited<ReturnType<typeof valuesFor>>[number]): unknown[] {
  const country = COUNTRY_BY_ISO3.get(r.iso3);
  return [
    r.indicator_code,
    r.iso3,
    country?.nameEn ?? '',
    country?.nameVi ?? '',
    r.year ?? '',
    r.value,
    r.flag ?? '',
    r.note ?? '',
    r.release_id,
    r.source_id,
  ];
}

function indicatorCells(i: IndicatorRow): unknown[] {
  return [
    i.code,
    i.name_en,
    i.name_vi,
    i.theme,
    i.unit,
    i.scale,
    i.higher_is_better ?? '',
    i.decimals,
    i.source_id,
    i.definition,
    i.definition_vi ?? '',
  ];
}
