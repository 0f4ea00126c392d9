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
  { name: 'iso3', type: 'string', description: 'ISO 3166-1 alpha-3 country code; see countries.csv.' },
  { name: 'country', type: 'string', description: 'Country name in English.' },
  { name: 'country_vi', type: 'string', description: 'Tên quốc gia (Vietnamese country name).' },
  { name: 'year', type: 'integer', description: 'Year of the value.', constraints: { required: true } },
  {
    name: 'value',
    type: 'number',
    description: 'The value exactly as published (float64), in the unit of its indicator.',
  },
  { name: 'flag', type: 'string', description: 'zero-no-data, confidence-high/medium/low, or empty.' },
  { name: 'note', type: 'string', description: 'Note from the source or the maintainer.' },
  { name: 'note_vi', type: 'string', description: "The note in Vietnamese (CivScope's translation)." },
  { name: 'release', type: 'string', description: 'The release the value comes from; see releases.csv.' },
  { name: 'source', type: 'string', description: 'The source id.' },
  {
    name: 'reference_url',
    type: 'string',
    description: 'The public text a policy figure comes from (training mandates); empty for statistical series.',
  },
] as const;

/**
 * Values whose source text states no year (policy figures): kept apart so that the observations'
 * primary key (indicator, iso3, year) has no empty part; one per indicator and country.
 */
const UNDATED_FIELDS = OBSERVATION_FIELDS.filter((f) => f.name !== 'year');

const COUNTRY_FIELDS = [
  { name: 'iso3', type: 'string', description: 'ISO 3166-1 alpha-3.' },
  { name: 'iso2', type: 'string' },
  { name: 'm49', type: 'string', description: 'UN M49 numeric code, as text (leading zeros).' },
  { name: 'name_en', type: 'string' },
  { name: 'name_vi', type: 'string' },
] as const;

const RELEASE_FIELDS = [
  { name: 'id', type: 'string', description: 'source:release, as in /v1/releases.' },
  { name: 'source', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'label_vi', type: 'string', description: "The label in Vietnamese (CivScope's translation)." },
  { name: 'published_on', type: 'date' },
  { name: 'file_name', type: 'string' },
  { name: 'sha256', type: 'string', description: 'Of the original file, served at file_url.' },
  { name: 'file_url', type: 'string', description: 'Path of the original file on this API.' },
  { name: 'licence', type: 'string' },
] as const;

const CC_BY_4 = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

/**
 * A source's licence as a Data Package licence: `name` an Open Definition id where the licence
 * has one (CC BY 4.0), otherwise the source's own terms named after it, with `path` the URL
 * where they are stated and `title` the source's own words.
 */
export function packageLicence(source: { id: string; url: string; licence: string; name: string }) {
  const title = `${source.name}: ${source.licence}`;
  if (/\bCC[ -]BY[ -]4\.0\b/i.test(source.licence) && !/\bNC\b/.test(source.licence)) return { ...CC_BY_4, title };
  const path = /^https?:\/\//.test(source.url) ? source.url : CC_BY_4.path;
  return { name: `${source.id}-terms`, path, title };
}

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

const OBSERVATION_KEYS = [
  { fields: ['indicator'], reference: { resource: 'indicators', fields: ['code'] } },
  { fields: ['iso3'], reference: { resource: 'countries', fields: ['iso3'] } },
  { fields: ['release'], reference: { resource: 'releases', fields: ['id'] } },
];

/** The Frictionless Data Package descriptor (v2): resources with their Table Schemas and provenance. */
export function dataPackageDescriptor(plan: PackagePlan, created: string) {
  const licenses = plan.sources.map(packageLicence);
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
        foreignKeys: OBSERVATION_KEYS,
      }),
      table('undated_observations', 'Values with no stated year / Số liệu không nêu năm', {
        fields: UNDATED_FIELDS,
        missingValues: [''],
        primaryKey: ['indicator', 'iso3'],
        foreignKeys: OBSERVATION_KEYS,
      }),
      table('indicators', 'Indicators / Chỉ số', {
        fields: INDICATOR_FIELDS,
        missingValues: [''],
        primaryKey: ['code'],
      }),
      table('countries', 'Countries / Quốc gia', { fields: COUNTRY_FIELDS, primaryKey: ['iso3'] }),
      table('releases', 'Releases / Bản phát hành', { fields: RELEASE_FIELDS, primaryKey: ['id'] }),
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
    `This package holds ${what} for the ASEAN+3 countries: \`observations.csv\` (one row per indicator, country and year), \`undated_observations.csv\` (policy figures whose text states no year, one per indicator and country), \`indicators.csv\` (name, unit, scale and direction of each indicator), \`countries.csv\` (codes and English and Vietnamese names), \`releases.csv\` (each release with its sha256 and licence) and \`datapackage.json\` (Frictionless Data Package v2: Table Schemas, primary keys, licences, sources, release ids and the sha256 of each original file). CSV files are UTF-8, RFC 4180, CRLF line ends. Values are exactly as published (float64). The original file of a release: \`GET /v1/releases/{id}/file\`.`,
    '',
    '## Releases',
    ...releases,
    '',
    '## Licences and citations',
    ...licences,
    '',
    `# Gói dữ liệu CivScope: ${plan.id}`,
    '',
    `Gói này chứa ${plan.id === 'all' ? 'mọi giá trị hiện hành (từ bản phát hành mới nhất có giá trị đó)' : `mọi giá trị của bản phát hành ${plan.id}`} cho các nước ASEAN+3: \`observations.csv\` (mỗi dòng một chỉ số, một quốc gia, một năm), \`undated_observations.csv\` (số liệu chính sách không nêu năm), \`indicators.csv\` (tên, đơn vị, thang đo và chiều của mỗi chỉ số), \`countries.csv\` (mã và tên quốc gia bằng tiếng Anh và tiếng Việt), \`releases.csv\` (mỗi bản phát hành với sha256 và giấy phép) và \`datapackage.json\` (Frictionless Data Package v2: lược đồ bảng, khoá chính, giấy phép, nguồn, mã bản phát hành và sha256 của tệp gốc). Tệp CSV mã hoá UTF-8 theo RFC 4180. Giá trị giữ nguyên như nguồn công bố. Tệp gốc của một bản phát hành: \`GET /v1/releases/{id}/file\`.`,
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
        const undated: unknown[][] = [UNDATED_FIELDS.map((f) => f.name)];
        const countries = COUNTRIES.map((c) => c.iso3);
        for (const indicator of plan.indicators) {
          const rows = await valuesFor(db, { indicatorCodes: [indicator.code], countries, vintage: plan.vintage });
          const dated = rows.filter((r) => r.year !== null);
          if (dated.length > 0) observations(csvLines(dated.map((r) => observationCells(r))));
          for (const r of rows) if (r.year === null) undated.push(observationCells(r).filter((_, i) => i !== 4));
        }
        observations('', true);
        file('undated_observations.csv')(csvLines(undated), true);
        file('countries.csv')(
          csvLines([
            COUNTRY_FIELDS.map((f) => f.name),
            ...COUNTRIES.map((c) => [c.iso3, c.iso2, c.m49, c.nameEn, c.nameVi]),
          ]),
          true,
        );
        const licenceOf = new Map(plan.sources.map((s) => [s.id, s.licence]));
        file('releases.csv')(
          csvLines([
            RELEASE_FIELDS.map((f) => f.name),
            ...plan.releases.map((r) => [
              r.id,
              r.source_id,
              r.label,
              r.label_vi ?? '',
              r.published_on,
              r.file_name,
              r.sha256,
              `/v1/releases/${encodeURIComponent(r.id)}/file`,
              licenceOf.get(r.source_id) ?? '',
            ]),
          ]),
          true,
        );
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
    r.note_vi ?? '',
    r.release_id,
    r.source_id,
    r.reference_url ?? '',
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
