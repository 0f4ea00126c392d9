import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { EXCLUDED_FLAGS } from '../../domain/apply-normalisation.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { competitionRank, directionOf, minMax } from '../../domain/normalise.ts';
import { coverageOf } from '../../domain/rank.ts';
import { csvResponse, toCsv } from '../../http/csv.ts';
import { crossSection } from '../cross-section.ts';
import { presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../provenance.ts';
import { requireIndicators } from '../require-indicator.ts';
import { resolveSelection, selectionForYear } from '../selection.ts';
import { describeVintage, resolveVintage } from '../vintage.ts';
import type { compareRoute } from './compare.routes.ts';

type Cell = { value: number; year: number; score: number | null; rank: number | null; flag: string | null; release: string };

export const compare =
  (deps: AppDeps): RouteHandler<typeof compareRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const selection = resolveSelection(query, deps.now?.());
    const indicators = await requireIndicators(deps.db, query.indicators);
    const vintage = await resolveVintage(deps.db, query);
    const values = await crossSection(deps.db, { indicatorCodes: query.indicators, selection, year: query.year, maxAge: query.max_age, vintage });
    const members = query.year === undefined ? selection.countries : selectionForYear(selection, query.year);
    const cells = new Map<string, Record<string, Cell | null>>(members.map((iso3) => [iso3, {}]));
    const releaseIds: string[] = [];
    const indicatorsOut = indicators.map((indicator) => {
      const rows = values.get(indicator.code) ?? [];
      const direction = directionOf(indicator.higher_is_better);
      const usable = rows.map((r) => (EXCLUDED_FLAGS.includes(r.flag ?? '') ? null : r.value));
      const scores = minMax(usable, direction);
      const ranks = competitionRank(usable, direction);
      rows.forEach((r, i) => {
        releaseIds.push(r.release_id);
        const row = cells.get(r.iso3);
        if (row) row[indicator.code] = { value: r.value, year: r.year as number, score: scores[i] ?? null, rank: ranks[i] ?? null, flag: r.flag, release: r.release_id };
      });
      for (const row of cells.values()) row[indicator.code] ??= null;
      return { ...presentIndicator(indicator), coverage: coverageOf(members, rows.filter((_, i) => usable[i] !== null).map((r) => r.iso3)) };
    });
    const rowsOut = members.map((iso3) => ({ iso3, country: countryByIso3(iso3)?.nameEn ?? iso3, cells: cells.get(iso3) ?? {} }));

    if (query.format === 'csv') {
      const header = ['iso3', 'country', ...query.indicators.flatMap((code) => [code, `${code}_year`, `${code}_score`, `${code}_rank`])];
      const body = rowsOut.map((r) => [
        r.iso3,
        r.country,
        ...query.indicators.flatMap((code) => {
          const cell = r.cells[code];
          return cell ? [cell.value, cell.year, cell.score ?? '', cell.rank ?? ''] : ['', '', '', ''];
        }),
      ]);
      return csvResponse(toCsv(header, body), 'compare.csv') as never;
    }
    return c.json(
      {
        indicators: indicatorsOut,
        selection,
        vintage: describeVintage(vintage),
        year: query.year ?? null,
        latest: query.year === undefined,
        rows: rowsOut,
        ...(await provenanceFor(deps.db, releaseIds)),
      },
      200,
    );
  };
