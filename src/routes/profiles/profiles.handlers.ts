import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { usable } from '../../domain/usable.ts';
import { registeredCountry } from '../../domain/countries.ts';
import { competitionRank, directionOf } from '../../domain/normalise.ts';
import { max, mean, median, min } from '../../domain/stats.ts';
import { listIndicators } from '../../repositories/indicators.ts';
import { selectTheme } from '../../domain/themes.ts';
import { type ValueRow, valuesFor } from '../../repositories/observations.ts';
import { provenanceFor } from '../../services/provenance.ts';
import { requireCountries, resolveSelection, selectionForYear } from '../../services/selection.ts';
import { describeVintage, resolveVintage } from '../../services/vintage.ts';
import type { profileRoute } from './profiles.routes.ts';

export const profile =
  (deps: AppDeps): RouteHandler<typeof profileRoute> =>
  async (c) => {
    const { iso3 } = c.req.valid('param');
    requireCountries([iso3], 404);
    const query = c.req.valid('query');
    const selection = resolveSelection({ group: query.group, membership: query.membership }, deps.now?.());
    const vintage = await resolveVintage(deps.db, query);
    const indicators = await listIndicators(deps.db, query.theme ? selectTheme(query.theme) : undefined);
    const countries = [...new Set([...selection.countries, iso3])];
    const rows = await valuesFor(deps.db, {
      indicatorCodes: indicators.map((i) => i.code),
      countries,
      datedOnly: true,
      vintage,
    });
    const byIndicator = new Map<string, ValueRow[]>();
    for (const row of rows) byIndicator.set(row.indicator_code, [...(byIndicator.get(row.indicator_code) ?? []), row]);

    const releaseIds = new Set<string>();
    const noData: string[] = [];
    const entries = indicators.flatMap((indicator) => {
      const list = byIndicator.get(indicator.code) ?? [];
      // A value flagged as "no data" is neither the country's value nor its previous one.
      const own = list.filter((r) => r.iso3 === iso3 && usable(r));
      // Rows come ordered by year: without a year, the last one is the latest.
      const target = query.year === undefined ? own.at(-1) : own.find((r) => r.year === query.year);
      if (!target || target.year === null) {
        noData.push(indicator.code);
        return [];
      }
      const year = target.year;
      const peerCountries = new Set([...selectionForYear(selection, year), iso3]);
      const peers = list.filter((r) => r.year === year && peerCountries.has(r.iso3) && usable(r));
      const values = peers.map((p) => p.value);
      const direction = indicator.higher_is_better === null ? null : directionOf(indicator.higher_is_better);
      const ranks = competitionRank(values, direction ?? 'higher');
      const ownIndex = peers.findIndex((p) => p.iso3 === iso3);
      const best =
        direction === null || values.length === 0
          ? null
          : direction === 'higher'
            ? (max(values) as number)
            : (min(values) as number);
      const previousRow = own.filter((r) => (r.year ?? 0) < year).at(-1);
      for (const p of peers) releaseIds.add(p.release_id);
      releaseIds.add(target.release_id);
      return [
        {
          indicator: indicator.code,
          name: indicator.name_en,
          theme: indicator.theme,
          unit: indicator.unit,
          direction,
          year,
          value: target.value,
          flag: target.flag,
          rank: ownIndex >= 0 ? (ranks[ownIndex] ?? null) : null,
          peers_reporting: peers.length,
          group_min: min(values),
          group_median: median(values),
          group_mean: mean(values),
          group_max: max(values),
          frontier:
            best === null ? null : { iso3: peers.filter((p) => p.value === best).map((p) => p.iso3), value: best },
          distance_to_frontier: best === null || ownIndex < 0 ? null : Math.abs(best - target.value),
          previous:
            previousRow && previousRow.year !== null ? { year: previousRow.year, value: previousRow.value } : null,
          change: previousRow ? target.value - previousRow.value : null,
          release: target.release_id,
        },
      ];
    });
    return c.json(
      {
        iso3,
        country: registeredCountry(iso3).nameEn,
        selection,
        vintage: describeVintage(vintage),
        year: query.year ?? null,
        indicators: entries,
        no_data: noData,
        ...(await provenanceFor(deps.db, releaseIds)),
      },
      200,
    );
  };
