import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { DATASETS_DIR } from '../../src/ingest/shipped.ts';
import { createTestApp, getJson } from '../helpers/app.ts';
import { createPreparedDatabase, type TestDatabase } from '../helpers/database.ts';

/** Release A is published 2025-03-24; release B, loaded after it, was published 2023-12. */
const A = path.join(DATASETS_DIR, 'wb-wdi/2025-03-24-gdp-per-capita');
const B = path.join(DATASETS_DIR, 'wb-wdi/2023-12-gdp-per-capita');

let test: TestDatabase;
let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  test = await createPreparedDatabase();
  app = createTestApp(test);
});
afterAll(async () => {
  await test?.close();
});

interface LoadedObservation {
  loaded_at: string;
  release: string;
  indicator: string;
  iso3: string;
  year: number | null;
  value: number;
  current: boolean;
}

/** A partner's sync loop: follow next_cursor to the end; keep the sync_token for next time. */
async function sync(since: string, limit: number) {
  const rows: LoadedObservation[] = [];
  let url: string | null = `/v1/changes?since_loaded=${encodeURIComponent(since)}&limit=${limit}`;
  let pages = 0;
  let token = since;
  while (url) {
    const { status, body, headers } = await getJson(app, url);
    expect([status, body.detail]).toEqual([200, undefined]);
    pages += 1;
    rows.push(...(body.observations as LoadedObservation[]));
    token = body.sync_token as string;
    const link = headers.get('link');
    url = body.next_cursor
      ? `/v1/changes?since_loaded=${encodeURIComponent(since)}&limit=${limit}&cursor=${body.next_cursor}`
      : null;
    expect(link === null).toBe(url === null);
    if (url) expect(link).toContain(`cursor=${body.next_cursor}`);
  }
  return { rows, pages, token };
}

const keyOf = (r: LoadedObservation) => `${r.release}|${r.indicator}|${r.iso3}|${r.year}`;

describe('incremental sync by load time', () => {
  it('delivers an older-published release loaded later, nothing twice, in pages that chain to the end', async () => {
    const a = await ingestReleaseFolder(test.db, A);
    const first = await sync('2000-01-01T00:00:00Z', 20);
    expect(first.rows.length).toBe(a.loaded);
    expect(first.pages).toBe(Math.ceil(a.loaded / 20));
    expect(new Set(first.rows.map((r) => r.release))).toEqual(new Set(['wb-wdi:2025-03-24-gdp-per-capita']));

    const b = await ingestReleaseFolder(test.db, B);
    const second = await sync(first.token, 100);
    // Every value of B arrives, none of A again, no row twice.
    expect(second.rows.length).toBe(b.loaded);
    expect(second.rows.every((r) => r.release === 'wb-wdi:2023-12-gdp-per-capita')).toBe(true);
    const all = [...first.rows, ...second.rows].map(keyOf);
    expect(new Set(all).size).toBe(all.length);
    expect(second.pages).toBe(Math.ceil(b.loaded / 100) + (b.loaded % 100 === 0 ? 1 : 0));
    // KHM 2022: B published 1759.60802346044, A (newer publication) 2325.03050040841, which stays current.
    const khm = (rows: LoadedObservation[]) => rows.find((r) => r.iso3 === 'KHM' && r.year === 2022);
    expect(khm(second.rows)).toMatchObject({ value: 1759.60802346044, current: false });
    expect(khm(first.rows)).toMatchObject({ value: 2325.03050040841, current: true });
    // B's 2019 values are not in A: they are current.
    expect(second.rows.find((r) => r.iso3 === 'KHM' && r.year === 2019)?.current).toBe(true);

    const third = await sync(second.token, 100);
    expect(third).toMatchObject({ rows: [], pages: 1, token: second.token });
  });

  it('since= compares publication dates and says so: B, published in 2023, is not "since 2024-06-01"', async () => {
    const { body } = await getJson(app, '/v1/changes?since=2024-06-01');
    expect(body.since).toMatchObject({ basis: 'published_on', date: '2024-06-01', loaded_at: null });
    expect(body.new_releases).toEqual(['wb-wdi:2025-03-24-gdp-per-capita']);
    const releases = new Set((body.changes as { release: string | null }[]).map((ch) => ch.release));
    expect(releases.has('wb-wdi:2023-12-gdp-per-capita')).toBe(false);
  });

  it('refuses a bad timestamp, two bases at once, and a forged cursor', async () => {
    for (const [url, parameter] of [
      ['/v1/changes?since_loaded=yesterday', 'since_loaded'],
      ['/v1/changes?since_loaded=2026-02-30T00:00:00Z', 'since_loaded'],
      ['/v1/changes?since_loaded=2026-01-01T00:00:00Z&since=2024-01-01', 'since'],
      ['/v1/changes?since_loaded=2026-01-01T00:00:00Z&cursor=abc', 'cursor'],
      ['/v1/changes?since_loaded=2026-01-01T00:00:00Z&limit=0', 'limit'],
    ] as const) {
      const { status, body, contentType } = await getJson(app, url);
      expect([url, status, contentType?.split(';')[0]]).toEqual([url, 400, 'application/problem+json']);
      expect(body).toMatchObject({ code: 'invalid_parameter', parameter });
    }
  });
});

describe('sync narrowed to what a partner mirrors', () => {
  it('since_loaded with countries= and indicators= delivers only those rows, in the same load order', async () => {
    const all = await sync('2000-01-01T00:00:00Z', 1000);
    const { body } = await getJson(
      app,
      '/v1/changes?since_loaded=2000-01-01T00:00:00Z&countries=VNM,KHM&indicators=NY.GDP.PCAP.CD&limit=1000',
    );
    const narrowed = body.observations as LoadedObservation[];
    const expected = all.rows.filter((r) => r.iso3 === 'VNM' || r.iso3 === 'KHM');
    // Both GDP-per-capita vintages hold Cambodia and Viet Nam: 2020-2023 in A, more years in B.
    expect(narrowed.map(keyOf)).toEqual(expected.map(keyOf));
    expect(narrowed.length).toBeGreaterThan(8);
    expect(new Set(narrowed.map((r) => r.iso3))).toEqual(new Set(['KHM', 'VNM']));
  });

  it('refuses an unknown country or indicator, and narrowing a publication-date comparison', async () => {
    const since = '/v1/changes?since_loaded=2000-01-01T00:00:00Z';
    const country = await getJson(app, `${since}&countries=VNM,XXX`);
    expect([country.status, country.body.code]).toEqual([400, 'unknown_country']);
    const indicator = await getJson(app, `${since}&indicators=NOPE`);
    expect([indicator.status, indicator.body.code]).toEqual([400, 'unknown_indicator']);
    const published = await getJson(app, '/v1/changes?since=2024-01-01&countries=VNM');
    expect(published.status).toBe(400);
    expect(published.body).toMatchObject({ code: 'invalid_parameter', parameter: 'countries' });
  });
});
