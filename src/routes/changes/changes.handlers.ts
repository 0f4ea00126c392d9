import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { nextLink } from '../../http/next-link.ts';
import { tableResponse } from '../../http/table.ts';
import { changesSinceLoaded, changesSincePublished } from '../../services/changes.ts';
import type { changesRoute } from './changes.routes.ts';

const PUBLISHED_NOTE =
  'Compared by publication date: what the sources had published by then against what they say now. A release published before that date but loaded later is not included; use since_loaded to sync. / So sánh theo ngày công bố; để đồng bộ hãy dùng since_loaded.';
const LOADED_NOTE =
  'Every value loaded after this time, whatever its publication date, in load order. Send sync_token as since_loaded next time. / Mọi giá trị được nạp sau thời điểm này; lần sau gửi sync_token làm since_loaded.';

const LOADED_HEADER = ['loaded_at', 'release', 'source', 'published_on', 'indicator', 'iso3', 'year', 'value'];
const CHANGE_HEADER = ['source', 'change', 'indicator', 'iso3', 'year', 'before', 'after', 'release'];

export const changes =
  (deps: AppDeps): RouteHandler<typeof changesRoute> =>
  async (c) => {
    const q = c.req.valid('query');
    const out = q.since_loaded
      ? await loadedPage(deps, {
          since: q.since_loaded,
          cursor: q.cursor,
          limit: q.limit,
          indicators: q.indicators,
          countries: q.countries,
        })
      : await publishedPage(deps, q);
    const headers = nextLink(c.req.url, out.body.next_cursor);
    if (q.format !== 'json') {
      const provenance = await provenanceFor(deps.db, out.releaseIds);
      const table = { name: 'changes', header: out.header, rows: out.rows, provenance };
      return (await tableResponse(
        table,
        { format: q.format, bom: q.bom, style: q.style },
        deps.spreadsheet,
        headers,
      )) as never;
    }
    return c.json(out.body, 200, headers);
  };

async function loadedPage(
  deps: AppDeps,
  q: { since: string; cursor?: string; limit: number; indicators?: string[]; countries?: string[] },
) {
  const page = await changesSinceLoaded(deps.db, q);
  const observations = page.rows.map((r) => ({
    loaded_at: r.loaded_at,
    release: r.release_id,
    source: r.source_id,
    published_on: r.published_on,
    indicator: r.indicator_code,
    iso3: r.iso3,
    year: r.year,
    value: r.value,
    flag: r.flag,
    note: r.note,
    note_vi: r.note_vi,
    current: r.current,
  }));
  return {
    body: {
      since: { basis: 'loaded_at' as const, release: null, date: null, loaded_at: q.since, note: LOADED_NOTE },
      new_releases: [...new Set(observations.map((o) => o.release))],
      count: observations.length,
      next_cursor: page.nextCursor,
      sync_token: page.syncToken,
      method_revisions: [],
      changes: [],
      observations,
    },
    header: [...LOADED_HEADER, 'flag', 'note', 'note_vi', 'current'],
    rows: observations.map((o) => [
      ...LOADED_HEADER.map((h) => o[h as keyof typeof o] ?? ''),
      o.flag ?? '',
      o.note ?? '',
      o.note_vi ?? '',
      o.current,
    ]),
    releaseIds: observations.map((o) => o.release),
  };
}

async function publishedPage(
  deps: AppDeps,
  q: {
    since?: string;
    since_release?: string;
    cursor?: string;
    limit: number;
    method_revisions?: 'summary' | 'list';
  },
) {
  const page = await changesSincePublished(deps.db, q);
  return {
    body: {
      since: {
        basis: 'published_on' as const,
        release: q.since_release ?? null,
        date: page.cutoff.date,
        loaded_at: null,
        note: PUBLISHED_NOTE,
      },
      new_releases: page.cutoff.newReleases,
      count: page.rows.length,
      next_cursor: page.nextCursor,
      sync_token: null,
      method_revisions: page.methodRevisions,
      changes: page.rows,
      observations: [],
    },
    header: CHANGE_HEADER,
    rows: page.rows.map((r) => CHANGE_HEADER.map((h) => r[h as keyof typeof r] ?? '')),
    releaseIds: page.rows.flatMap((r) => (r.release ? [r.release] : [])),
  };
}
