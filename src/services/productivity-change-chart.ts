import {
  describeProductivityChange,
  type ProductivityChangeData,
  productivityChangeChart,
} from '../charts/productivity-change.ts';
import { footerLines } from '../charts/captions.ts';
import type { Lang } from '../charts/locale.ts';
import { Problem } from '../errors.ts';
import type { BuiltChart, ChartDeps, ChartQuery, FrameBuilder } from './chart.ts';
import { efficiencyChangeOf, type EfficiencyChangeResult } from './efficiency-change.ts';
import { methodLine } from './efficiency-text.ts';

/** What the productivity-change chart cannot do without: inputs, outputs and the two years. */
function changeQuery(q: ChartQuery) {
  for (const parameter of ['inputs', 'outputs', 'from', 'to'] as const) {
    if (q[parameter] === undefined)
      throw new Problem(400, 'invalid_parameter', `${parameter} is required for a productivity-change chart.`, {
        parameter,
      });
  }
  return {
    inputs: q.inputs as string[],
    outputs: q.outputs as string[],
    countries: q.countries,
    group: q.group,
    membership: q.membership,
    from: q.from as number,
    to: q.to as number,
    lang: q.lang,
  };
}

function chartData(result: EfficiencyChangeResult): ProductivityChangeData {
  return {
    rows: result.countries.map((c) => ({
      iso3: c.iso3,
      malmquist: c.malmquist,
      efficiencyChange: c.efficiency_change,
      technicalChange: c.technical_change,
    })),
    geometricMean: result.summary.geometric_mean?.malmquist ?? null,
    from: result.from,
    to: result.to,
  };
}

function titles(result: EfficiencyChangeResult, lang: Lang) {
  const names = (list: typeof result.inputs) => list.map((i) => i.name[lang]).join('; ');
  return lang === 'vi'
    ? {
        title: `Thay đổi năng suất từ ${result.from} đến ${result.to}`,
        roles: `Đầu vào: ${names(result.inputs)} · đầu ra: ${names(result.outputs)}`,
        method: `Chỉ số Malmquist (Färe và cộng sự 1994); ${methodLine('dea-crs', 'input', lang)}`,
      }
    : {
        title: `Productivity change from ${result.from} to ${result.to}`,
        roles: `Inputs: ${names(result.inputs)} · outputs: ${names(result.outputs)}`,
        method: `Malmquist index (Färe et al. 1994); ${methodLine('dea-crs', 'input', lang)}`,
      };
}

/**
 * The productivity-change chart: runs /v1/efficiency/change and draws each country's Malmquist
 * index with its efficiency and technical change. Countries without every value in both years
 * are named in the footer.
 */
export async function buildProductivityChangeChart(
  deps: ChartDeps,
  q: ChartQuery,
  frameOf: FrameBuilder,
): Promise<Omit<BuiltChart, 'dataPath'>> {
  const { lang } = q;
  const result = await efficiencyChangeOf(deps.db, changeQuery(q), deps.now?.(), deps.lpSolver);
  const data = chartData(result);
  const description = describeProductivityChange(data, lang, q.highlight?.[0]);
  const { title, roles, method } = titles(result, lang);
  const missing = result.left_out.map((l) => l.iso3);
  const frame = frameOf(
    q,
    title,
    result.selection,
    [roles, method],
    {
      missing,
      members: result.selection.countries.length,
      lines: footerLines({ sources: result.sources, releases: result.releases }, lang),
    },
    description,
  );
  const spec = productivityChangeChart(data, frame, { highlight: q.highlight });
  return { spec, description, title, releaseIds: result.releases.map((r) => r.id), missing };
}
