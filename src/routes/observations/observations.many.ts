import type { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { decodeKeyCursor, encodeKeyCursor } from '../../http/cursor.ts';
import { provenanceTable, tableIndicators, tableResponse } from '../../http/table.ts';
import { observationSets, type SetPoint, wideRows } from '../../services/observation-sets.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { describeVintage } from '../../services/vintage.ts';
import { inLanguage, presentIndicator } from '../presenters.ts';
import { observationSetsSdmxCsv, observationsTable } from './observations.formats.ts';
import type { observationsQuery } from './observations.routes.ts';

/** The query of /v1/observations with several indicators. */
type ManyQuery = z.output<typeof observationsQuery>;

const yearKey = (year: number | null) => year ?? Number.POSITIVE_INFINITY;

/** One page of rows after the cursor (the key of the last row served), and the cursor of the next page. */
function page<T>(
  rows: readonly T[],
  key: (row: T) => (string | number | null)[],
  shape: string,
  query: ManyQuery,
): { rows: T[]; next: string | null } {
  let out = [...rows];
  if (query.cursor) {
    const after = decodeKeyCursor(query.cursor, shape);
    // Keys compare position by position: strings by code point, years with undated last.
    const compare = (a: (string | number | null)[]) => {
      for (let i = 0; i < a.length; i++) {
        const [x, y] = [a[i], after[i]];
        if (typeof x === 'string' || typeof y === 'string') {
          if (x !== y) return String(x) > String(y) ? 1 : -1;
        } else if (yearKey(x as number | null) !== yearKey(y as number | null))
          return yearKey(x as number | null) > yearKey(y as number | null) ? 1 : -1;
      }
      return 0;
    };
    out = out.filter((row) => compare(key(row)) > 0);
  }
  if (query.limit === undefined || out.length <= query.limit) return { rows: out, next: null };
  out = out.slice(0, query.limit);
  return { rows: out, next: encodeKeyCursor(key(out.at(-1) as T)) };
}

function nextLink(url: URL, next: string | null): Record<string, string> {
  if (!next) return {};
  const link = new URL(url);
  link.searchParams.set('cursor', next);
  return { link: `<${link.pathname}${link.search}>; rel="next"` };
}

type ObservationSet = Awaited<ReturnType<typeof observationSets>>;

/** layout=wide: a row per country and year, a column per indicator; pages by (country, year). */
async function wideAnswer(
  deps: AppDeps,
  query: ManyQuery,
  url: URL,
  set: ObservationSet,
  context: Record<string, unknown>,
  named: (p: SetPoint) => Omit<SetPoint, 'note_vi'>,
): Promise<Response> {
  const codes = set.indicators.map((i) => i.code);
  const { rows, next } = page(wideRows(codes, set.points.map(named)), (r) => [r.iso3, r.year], 'sn', query);
  const provenance = await provenanceFor(
    deps.db,
    rows.flatMap((r) => Object.values(r.releases)),
  );
  const headers = nextLink(url, next);
  if (query.format === 'csv' || query.format === 'xlsx') {
    const body = rows.map((r) => [r.iso3, r.country, r.year ?? '', ...codes.map((code) => r.values[code] ?? '')]);
    const table = provenanceTable(
      'observations-wide',
      ['iso3', 'country', 'year', ...codes],
      body,
      provenance,
      tableIndicators(set.indicators),
    );
    return tableResponse(table, query, deps.spreadsheet, headers);
  }
  const answer = {
    ...context,
    count: rows.length,
    next_cursor: next,
    rows,
    countries_without_data: set.countriesWithoutData,
  };
  return Response.json({ ...answer, ...provenance }, { headers });
}

/**
 * `/v1/observations` with `indicators=` or `theme=`: every indicator answered as the one-indicator
 * route answers it, in a long layout (a row per value) or a wide one (a row per country and year).
 */
export async function manyIndicators(deps: AppDeps, query: ManyQuery, url: URL): Promise<Response> {
  const set = await observationSets(deps.db, query, deps.now?.());
  const codes = set.indicators.map((i) => i.code);
  const named = (p: SetPoint) => inLanguage(p, query.lang);
  const context = {
    indicators: set.indicators.map(presentIndicator),
    selection: set.selection,
    vintage: set.vintage ? describeVintage(set.vintage) : null,
    from: query.year ?? query.from ?? null,
    to: query.year ?? query.to ?? null,
    latest: query.latest ?? false,
    layout: query.layout,
    normalisation: set.normalisation,
  };
  if (query.layout === 'wide') return wideAnswer(deps, query, url, set, context, named);
  const { rows, next } = page(set.points.map(named), (p) => [p.indicator, p.iso3, p.year], 'ssn', query);
  const provenance = await provenanceFor(
    deps.db,
    rows.map((r) => r.release),
  );
  const headers = nextLink(url, next);
  if (query.format === 'sdmx-csv')
    return observationSetsSdmxCsv(rows, new Map(set.indicators.map((i) => [i.code, i.unit])), headers);
  if (query.format === 'csv' || query.format === 'xlsx') {
    const normalised = Object.values(set.normalisation).some((n) => n !== null);
    return tableResponse(
      {
        ...observationsTable('observations', rows, provenance, normalised),
        indicators: tableIndicators(set.indicators),
      },
      query,
      deps.spreadsheet,
      headers,
    );
  }
  const answer = {
    ...context,
    count: rows.length,
    next_cursor: next,
    observations: rows,
    countries_without_data: set.countriesWithoutData,
  };
  return Response.json({ ...answer, ...provenance }, { headers });
}
