import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { diffValues, type ValueChange } from '../domain/diff.ts';
import { decodeKeyCursor, encodeKeyCursor } from '../http/cursor.ts';
import { isRealTimestamp } from '../http/params.ts';
import { Problem } from '../http/problem.ts';
import { type LoadedRow, observationsLoadedSince } from '../repositories/observation-feed.ts';
import { currentValuesOfSource, type StoredValue } from '../repositories/observation-writes.ts';
import { findRelease } from '../repositories/releases.ts';
import { listReleases } from '../repositories/sources.ts';
import { requireIndicators } from './require-indicator.ts';
import { requireCountries } from './selection.ts';

/** Later than any publication date: "everything published so far". */
const NOW = '9999-12-31';

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/**
 * The sync feed: every observation loaded after `since` (a timestamp), in load order, one page
 * of at most `limit` rows. A release published long ago but loaded today is in it. The returned
 * `syncToken` is the load time to send as `since_loaded` next time: the last row's, or `since`
 * when nothing new was loaded.
 */
export async function changesSinceLoaded(
  db: Kysely<Database>,
  q: { since: string; cursor?: string; limit: number; indicators?: string[]; countries?: string[] },
): Promise<Page<LoadedRow> & { syncToken: string }> {
  const key = q.cursor ? decodeKeyCursor(q.cursor, 'ssssn') : null;
  const after = key
    ? {
        loadedAt: key[0] as string,
        releaseId: key[1] as string,
        indicatorCode: key[2] as string,
        iso3: key[3] as string,
        year: key[4] as number | null,
      }
    : null;
  if (after && !isRealTimestamp(after.loadedAt))
    throw new Problem(400, 'invalid_parameter', 'cursor is not a cursor this API issued for this query.', {
      parameter: 'cursor',
    });
  if (q.indicators) await requireIndicators(db, q.indicators);
  if (q.countries) requireCountries(q.countries);
  const rows = await observationsLoadedSince(db, {
    since: q.since,
    after,
    limit: q.limit + 1,
    indicatorCodes: q.indicators,
    countries: q.countries,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? encodeKeyCursor([last.loaded_at, last.release_id, last.indicator_code, last.iso3, last.year])
      : null;
  return { rows: page, nextCursor, syncToken: last?.loaded_at ?? after?.loadedAt ?? q.since };
}

export interface PublishedChange {
  source: string;
  change: 'added' | 'changed' | 'removed';
  indicator: string;
  iso3: string;
  year: number | null;
  before: number | null;
  after: number | null;
  release: string | null;
}

type ChangeKey = [string, string, string, number];
const keyOf = (c: PublishedChange): ChangeKey => [c.source, c.indicator, c.iso3, c.year ?? -1];
/** Byte order, as the database sorts codes (collation "C"). */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareKeys = (a: ChangeKey, b: ChangeKey) =>
  byCode(a[0], b[0]) || byCode(a[1], b[1]) || byCode(a[2], b[2]) || a[3] - b[3];

/**
 * A release published since the cutoff that re-estimates history with a new method (meta.yaml's
 * `method_revision`): its revised values are counted here instead of listed one by one, so the
 * real changes are not buried under thousands of re-estimates.
 */
export interface MethodRevision {
  release: string;
  source: string;
  label: string;
  published_on: string;
  note: { en: string; vi: string };
  /** Values it changed: the method's doing, not listed unless `method_revisions=list`. */
  changed: number;
}

/** Where the comparison starts: a release's publication date (its source only) or a date. */
async function publicationCutoff(db: Kysely<Database>, q: { since?: string; since_release?: string }) {
  const releases = await listReleases(db);
  if (q.since_release) {
    const release = await findRelease(db, q.since_release);
    if (!release)
      throw new Problem(404, 'unknown_release', `Unknown release "${q.since_release}". See /v1/releases.`, {
        parameter: 'since_release',
      });
    const newer = releases.filter((r) => r.source_id === release.source_id && r.published_on > release.published_on);
    return {
      date: release.published_on,
      sourceIds: [release.source_id],
      newReleases: newer.map((r) => r.id),
      revisions: newer.filter((r) => r.method_revision_en !== null),
    };
  }
  const date = q.since as string;
  const newer = releases.filter((r) => r.published_on > date);
  return {
    date,
    sourceIds: [...new Set(newer.map((r) => r.source_id))].sort(),
    newReleases: newer.map((r) => r.id),
    revisions: newer.filter((r) => r.method_revision_en !== null),
  };
}

/** One indicator's changes between the cutoff and now: a bounded set (one indicator of one source). */
async function indicatorChanges(db: Kysely<Database>, source: string, indicator: string, cutoff: string) {
  const keyed = (rows: StoredValue[]) =>
    rows.map((r) => ({ indicatorCode: r.indicator_code, iso3: r.iso3, year: r.year, value: r.value }));
  const args = { sourceId: source, indicatorCodes: [indicator] };
  const before = await currentValuesOfSource(db, { ...args, publishedOn: cutoff });
  const after = await currentValuesOfSource(db, { ...args, publishedOn: NOW });
  const releaseOf = new Map(after.map((r) => [`${r.iso3}|${r.year}`, r.release_id]));
  const diff = diffValues(keyed(before), keyed(after));
  const present = (change: PublishedChange['change'], list: ValueChange[]) =>
    list.map((ch) => ({
      source,
      change,
      indicator,
      iso3: ch.iso3,
      year: ch.year,
      before: ch.before,
      after: ch.after,
      release: ch.after === null ? null : (releaseOf.get(`${ch.iso3}|${ch.year}`) ?? null),
    }));
  return [...present('added', diff.added), ...present('changed', diff.changed), ...present('removed', diff.removed)]
    .map((c) => ({ c, k: keyOf(c) }))
    .sort((a, b) => compareKeys(a.k, b.k));
}

/**
 * Values added, changed and removed since a publication date, source by source and indicator by
 * indicator, one page at a time: the request holds one indicator's values and one page.
 */
export async function changesSincePublished(
  db: Kysely<Database>,
  q: {
    since?: string;
    since_release?: string;
    cursor?: string;
    limit: number;
    method_revisions?: 'summary' | 'list';
  },
) {
  const cutoff = await publicationCutoff(db, q);
  const start = q.cursor ? (decodeKeyCursor(q.cursor, 'sssn') as ChangeKey) : null;
  const revisionIds = new Set(cutoff.revisions.map((r) => r.id));
  const summarised = (c: PublishedChange) =>
    q.method_revisions !== 'list' && c.change === 'changed' && c.release !== null && revisionIds.has(c.release);
  const indicatorsOf = async (source: string) =>
    (await db.selectFrom('indicator').select('code').where('source_id', '=', source).orderBy('code').execute()).map(
      (i) => i.code,
    );
  // A source with a method revision is diffed in full for the revision counts anyway: each of its
  // indicators is diffed once per request (WGI's 72 were diffed twice, 2 s of the main thread).
  const revisedSources = new Set(cutoff.revisions.map((r) => r.source_id));
  const diffed = new Map<string, Awaited<ReturnType<typeof indicatorChanges>>>();
  const changesOf = async (source: string, code: string) => {
    const known = diffed.get(`${source}|${code}`);
    if (known) return known;
    const changes = await indicatorChanges(db, source, code, cutoff.date);
    if (revisedSources.has(source)) diffed.set(`${source}|${code}`, changes);
    return changes;
  };
  const rows: PublishedChange[] = [];
  let more = false;
  for (const source of cutoff.sourceIds) {
    if (start && source < start[0]) continue;
    for (const code of await indicatorsOf(source)) {
      if (start && source === start[0] && code < start[1]) continue;
      for (const { c, k } of await changesOf(source, code)) {
        if (start && compareKeys(k, start) <= 0) continue;
        if (summarised(c)) continue;
        if (rows.length === q.limit) {
          more = true;
          break;
        }
        rows.push(c);
      }
      if (more) break;
    }
    if (more) break;
  }
  const last = rows.at(-1);
  const methodRevisions = await revisionCounts(cutoff, indicatorsOf, changesOf);
  return { cutoff, rows, methodRevisions, nextCursor: more && last ? encodeKeyCursor(keyOf(last)) : null };
}

/** Each method revision since the cutoff, with the number of values it changed. */
async function revisionCounts(
  cutoff: Awaited<ReturnType<typeof publicationCutoff>>,
  indicatorsOf: (source: string) => Promise<string[]>,
  changesOf: (source: string, code: string) => ReturnType<typeof indicatorChanges>,
): Promise<MethodRevision[]> {
  const revisions: MethodRevision[] = [];
  for (const r of cutoff.revisions) {
    let changed = 0;
    for (const code of await indicatorsOf(r.source_id))
      for (const { c } of await changesOf(r.source_id, code))
        if (c.change === 'changed' && c.release === r.id) changed++;
    revisions.push({
      release: r.id,
      source: r.source_id,
      label: r.label,
      published_on: r.published_on,
      note: { en: r.method_revision_en ?? '', vi: r.method_revision_vi ?? r.method_revision_en ?? '' },
      changed,
    });
  }
  return revisions;
}
