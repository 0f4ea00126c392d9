import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { diffValues, type ValueChange } from '../../domain/diff.ts';
import { csvResponse, toCsv } from '../../http/csv.ts';
import { Problem } from '../../http/problem.ts';
import { currentValuesOfSource, type StoredValue } from '../../repositories/observation-writes.ts';
import { findRelease } from '../../repositories/releases.ts';
import { listReleases } from '../../repositories/sources.ts';
import type { changesRoute } from './changes.routes.ts';

/** Later than any publication date: "everything published so far". */
const NOW = '9999-12-31';

const keyed = (rows: StoredValue[]) =>
  rows.map((r) => ({ indicatorCode: r.indicator_code, iso3: r.iso3, year: r.year, value: r.value }));

export const changes =
  (deps: AppDeps): RouteHandler<typeof changesRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    let cutoff: string;
    let sourceIds: string[];
    const releases = await listReleases(deps.db);
    if (query.since_release) {
      const release = await findRelease(deps.db, query.since_release);
      if (!release)
        throw new Problem(404, 'unknown_release', `Unknown release "${query.since_release}". See /v1/releases.`, {
          parameter: 'since_release',
        });
      cutoff = release.published_on;
      sourceIds = [release.source_id];
    } else {
      cutoff = query.since as string;
      sourceIds = [...new Set(releases.filter((r) => r.published_on > cutoff).map((r) => r.source_id))];
    }
    const sources = [];
    for (const sourceId of sourceIds.sort()) {
      const indicatorCodes = (
        await deps.db.selectFrom('indicator').select('code').where('source_id', '=', sourceId).execute()
      ).map((i) => i.code);
      const before = await currentValuesOfSource(deps.db, { sourceId, indicatorCodes, publishedOn: cutoff });
      const after = await currentValuesOfSource(deps.db, { sourceId, indicatorCodes, publishedOn: NOW });
      const releaseOf = new Map(after.map((r) => [`${r.indicator_code}|${r.iso3}|${r.year}`, r.release_id]));
      const diff = diffValues(keyed(before), keyed(after));
      const present = (list: ValueChange[]) =>
        list.map((ch) => ({
          indicator: ch.indicatorCode,
          iso3: ch.iso3,
          year: ch.year,
          before: ch.before,
          after: ch.after,
          release: ch.after === null ? null : (releaseOf.get(`${ch.indicatorCode}|${ch.iso3}|${ch.year}`) ?? null),
        }));
      sources.push({
        source: sourceId,
        new_releases: releases.filter((r) => r.source_id === sourceId && r.published_on > cutoff).map((r) => r.id),
        counts: {
          added: diff.added.length,
          changed: diff.changed.length,
          removed: diff.removed.length,
          unchanged: diff.unchanged,
        },
        added: present(diff.added),
        changed: present(diff.changed),
        removed: present(diff.removed),
      });
    }
    if (query.format === 'csv') {
      const header = ['source', 'change', 'indicator', 'iso3', 'year', 'before', 'after', 'release'];
      const body = sources.flatMap((s) =>
        (['added', 'changed', 'removed'] as const).flatMap((kind) =>
          s[kind].map((ch) => [
            s.source,
            kind,
            ch.indicator,
            ch.iso3,
            ch.year ?? '',
            ch.before ?? '',
            ch.after ?? '',
            ch.release ?? '',
          ]),
        ),
      );
      return csvResponse(toCsv(header, body), 'changes.csv') as never;
    }
    return c.json({ since: { release: query.since_release ?? null, date: cutoff }, sources }, 200);
  };
