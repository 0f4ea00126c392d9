import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { EXCLUDED_FLAGS } from '../../domain/apply-normalisation.ts';
import { compositeScores, hasSpread, rankSensitivity } from '../../domain/composite.ts';
import { countryByIso3 } from '../../domain/countries.ts';
import { directionOf } from '../../domain/normalise.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { crossSection } from '../../analysis/cross-section.ts';
import { provenanceFor } from '../../analysis/provenance.ts';
import { requireIndicators } from '../../analysis/require-indicator.ts';
import { resolveSelection, selectionForYear } from '../../analysis/selection.ts';
import { describeVintage, resolveVintage } from '../../analysis/vintage.ts';
import type { compositeRoute } from './composite.routes.ts';

const SENSITIVITY_VARIATION = 0.5;

export const composite =
  (deps: AppDeps): RouteHandler<typeof compositeRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const selection = resolveSelection(query, deps.now?.());
    const indicators = await requireIndicators(deps.db, query.indicators);
    const vintage = await resolveVintage(deps.db, query);
    const values = await crossSection(deps.db, {
      indicatorCodes: query.indicators,
      selection,
      year: query.year,
      maxAge: query.max_age,
      vintage,
    });
    const countries = query.year === undefined ? selection.countries : selectionForYear(selection, query.year);
    const usable = (code: string) => (values.get(code) ?? []).filter((r) => !EXCLUDED_FLAGS.includes(r.flag ?? ''));
    const allComponents = indicators.map((i) => ({
      code: i.code,
      direction: directionOf(i.higher_is_better),
      values: new Map(usable(i.code).map((r) => [r.iso3, r.value])),
    }));
    const allWeights = query.weights ?? indicators.map(() => 1);
    // A component on which every country scores the same cannot be min-max normalised: it is
    // left out (and said so) rather than counted as missing for everyone.
    const kept = allComponents.map((component) => hasSpread(component, countries));
    const input = {
      countries,
      components: allComponents.filter((_, i) => kept[i]),
      weights: allWeights.filter((_, i) => kept[i]),
      missing: query.missing,
    };
    const result = compositeScores(input);
    const sensitivity = rankSensitivity(input, SENSITIVITY_VARIATION);
    const scores = countries
      .map((iso3) => {
        const components = Object.fromEntries(
          indicators.map((i) => {
            const row = usable(i.code).find((r) => r.iso3 === iso3);
            return [
              i.code,
              {
                value: row?.value ?? null,
                year: row?.year ?? null,
                score: result.componentScores.get(i.code)?.get(iso3) ?? null,
              },
            ];
          }),
        );
        return {
          rank: result.ranks.get(iso3) ?? null,
          iso3,
          country: countryByIso3(iso3)?.nameEn ?? iso3,
          score: result.scores.get(iso3) ?? null,
          components,
          missing_components: indicators
            .filter((i, k) => kept[k] && components[i.code]?.value === null)
            .map((i) => i.code),
        };
      })
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.iso3.localeCompare(b.iso3));

    const provenance = await provenanceFor(
      deps.db,
      [...values.values()].flat().map((r) => r.release_id),
    );
    if (query.format !== 'json') {
      const header = [
        'rank',
        'iso3',
        'country',
        'score',
        ...query.indicators.map((code) => `${code}_score`),
        'min_rank',
        'max_rank',
      ];
      const body = scores.map((s) => [
        s.rank ?? '',
        s.iso3,
        s.country,
        s.score ?? '',
        ...query.indicators.map((code) => s.components[code]?.score ?? ''),
        sensitivity.ranges.get(s.iso3)?.minRank ?? '',
        sensitivity.ranges.get(s.iso3)?.maxRank ?? '',
      ]);
      const table = provenanceTable('composite', header, body, provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(
      {
        selection,
        vintage: describeVintage(vintage),
        year: query.year ?? null,
        latest: query.year === undefined,
        missing: query.missing,
        method:
          query.missing === 'skip'
            ? 'Weighted mean of min-max scores (0–100, 100 = best in the peer set). A country missing a component is scored on the components it has, their weights rescaled to sum to 1.'
            : 'Weighted mean of min-max scores (0–100, 100 = best in the peer set). A country missing any component gets no score.',
        components: indicators.map((i, k) => ({
          indicator: i.code,
          // Normalised weight among the components used; 0 for one left out for lack of spread.
          weight: kept[k] ? (result.weights[kept.slice(0, k).filter(Boolean).length] as number) : 0,
          direction: directionOf(i.higher_is_better),
          reporting: usable(i.code).filter((r) => countries.includes(r.iso3)).length,
          used: kept[k] as boolean,
          note: kept[k]
            ? null
            : 'Left out: fewer than two countries report it, or all report the same value, so it cannot be min-max normalised.',
        })),
        scores,
        sensitivity: {
          method: `Each weight in turn multiplied by ${1 - SENSITIVITY_VARIATION} and ${1 + SENSITIVITY_VARIATION}, weights renormalised, ranks recomputed; min and max rank over these scenarios and the baseline.`,
          variation: SENSITIVITY_VARIATION,
          scenarios: sensitivity.scenarios,
          ranks: scores.map((s) => {
            const r = sensitivity.ranges.get(s.iso3);
            return {
              iso3: s.iso3,
              base_rank: r?.baseRank ?? null,
              min_rank: r?.minRank ?? null,
              max_rank: r?.maxRank ?? null,
            };
          }),
        },
        ...provenance,
      },
      200,
    );
  };
