import type { RouteHandler } from '@hono/zod-openapi';
import { rankingOf } from '../../services/ranking.ts';
import type { AppDeps } from '../../app-deps.ts';
import { provenanceTable, tableIndicators, tableResponse } from '../../http/table.ts';
import { presentIndicator } from '../presenters.ts';
import { inLanguage } from '../../services/presenters.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { describeVintage } from '../../services/vintage.ts';
import type { rankingsRoute } from './rankings.routes.ts';

type Ranking = Awaited<ReturnType<typeof rankingOf>>;
type Ranked = Omit<Ranking['ranking'][number], 'note_vi'>;
type NotFound = Omit<Ranking['not_found'][number], 'note_vi'>;

/**
 * One line per country, best first, with the release each value comes from, and the indicator on
 * every line: a sheet pasted into a report still says what it measures.
 */
function rankingTable(indicatorCode: string, ranking: readonly Ranked[], notFound: readonly NotFound[]) {
  const header = [
    'indicator',
    'rank',
    'iso3',
    'country',
    'value',
    'year',
    'score',
    'tied',
    'flag',
    'note',
    'reference_url',
    'release',
  ];
  const body = ranking.map((r) => [
    indicatorCode,
    r.rank ?? '',
    r.iso3,
    r.country,
    r.value,
    r.year,
    r.score ?? '',
    r.tied,
    r.flag ?? '',
    r.note ?? '',
    r.reference_url ?? '',
    r.release,
  ]);
  // Then the countries searched for and not found, flagged so, with what was searched as the note:
  // the sheet lists every member, none of them with a value it does not have.
  const searched = notFound.map((g) => [
    indicatorCode,
    '',
    g.iso3,
    g.country,
    '',
    '',
    '',
    '',
    'not-found',
    g.note,
    '',
    g.release,
  ]);
  return { header, body: [...body, ...searched] };
}

export const rankings =
  (deps: AppDeps): RouteHandler<typeof rankingsRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const { indicator, vintage, releaseIds, ...analysis } = await rankingOf(deps.db, query, deps.now?.());
    const ranking = analysis.ranking.map((r) => inLanguage(r, query.lang));
    const notFound = analysis.not_found.map((g) => inLanguage(g, query.lang));
    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const { header, body } = rankingTable(indicator.code, ranking, notFound);
      const table = provenanceTable(
        `ranking-${indicator.code}`,
        header,
        body,
        provenance,
        tableIndicators([indicator]),
      );
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(
      {
        indicator: presentIndicator(indicator),
        vintage: describeVintage(vintage),
        lang: query.lang,
        ...analysis,
        ranking,
        not_found: notFound,
        ...provenance,
      },
      200,
    );
  };
