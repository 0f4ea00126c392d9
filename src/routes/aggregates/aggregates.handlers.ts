import type { RouteHandler } from '@hono/zod-openapi';
import type { AppDeps } from '../../app-deps.ts';
import { type AggregateStat, aggregate } from '../../domain/aggregate.ts';
import { EXCLUDED_FLAGS } from '../../domain/apply-normalisation.ts';
import { provenanceTable, tableResponse } from '../../http/table.ts';
import { valuesFor } from '../../repositories/observations.ts';
import { POPULATION_INDICATOR } from '../../analysis/normalisation.ts';
import { presentIndicator } from '../presenters.ts';
import { provenanceFor } from '../../analysis/provenance.ts';
import { requireIndicator } from '../../analysis/require-indicator.ts';
import { resolveSelection, selectionForYear } from '../../analysis/selection.ts';
import { describeVintage, resolveVintage } from '../../analysis/vintage.ts';
import type { aggregatesRoute } from './aggregates.routes.ts';

const METHODS: Record<AggregateStat, string> = {
  mean: 'Arithmetic mean of the members that reported a value that year.',
  median: 'Median of the members that reported a value that year (mean of the two middle values for an even count).',
  min: 'Lowest value among the members that reported that year.',
  max: 'Highest value among the members that reported that year.',
  population_weighted:
    'Σ(value × population) / Σ population over the members that reported that year and have a population figure (SP.POP.TOTL, same vintage).',
};

export const aggregates =
  (deps: AppDeps): RouteHandler<typeof aggregatesRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const stat = query.stat as AggregateStat;
    const selection = resolveSelection(query, deps.now?.());
    const indicator = await requireIndicator(deps.db, query.indicator);
    const vintage = await resolveVintage(deps.db, query);
    const range = { countries: selection.countries, from: query.from, to: query.to, datedOnly: true, vintage };
    const rows = (await valuesFor(deps.db, { indicatorCodes: [indicator.code], ...range })).filter(
      (r) => !EXCLUDED_FLAGS.includes(r.flag ?? ''),
    );
    const population =
      stat === 'population_weighted'
        ? await valuesFor(deps.db, { indicatorCodes: [POPULATION_INDICATOR], ...range })
        : [];
    const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
    const releaseIds = new Set<string>();
    const out = years
      .map((year) => {
        const members = selectionForYear(selection, year);
        const reported = rows.filter((r) => r.year === year && members.includes(r.iso3));
        const weights = new Map(population.filter((p) => p.year === year).map((p) => [p.iso3, p.value]));
        const { value, used } = aggregate(stat, reported, weights);
        for (const r of reported) releaseIds.add(r.release_id);
        if (stat === 'population_weighted')
          for (const p of population.filter((p) => p.year === year && used.includes(p.iso3)))
            releaseIds.add(p.release_id);
        return {
          year,
          value,
          reporting: reported.length,
          members: members.length,
          member_list: members,
          missing: members.filter((m) => !reported.some((r) => r.iso3 === m)),
          not_weighted: reported
            .map((r) => r.iso3)
            .filter((iso3) => stat === 'population_weighted' && !used.includes(iso3)),
        };
      })
      .filter((y) => y.reporting > 0);

    const provenance = await provenanceFor(deps.db, releaseIds);
    if (query.format !== 'json') {
      const header = ['year', stat, 'reporting', 'members', 'missing'];
      const body = out.map((y) => [y.year, y.value ?? '', y.reporting, y.members, y.missing.join(' ')]);
      const table = provenanceTable(`aggregate-${indicator.code}`, header, body, provenance);
      return (await tableResponse(table, query, deps.spreadsheet)) as never;
    }
    return c.json(
      {
        indicator: presentIndicator(indicator),
        selection,
        vintage: describeVintage(vintage),
        stat,
        method: `${METHODS[stat]} No value is imputed for members that did not report.`,
        years: out,
        ...provenance,
      },
      200,
    );
  };
