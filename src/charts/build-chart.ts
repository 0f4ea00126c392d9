import type { TopLevelSpec } from 'vega-lite';
import { comparisonOf } from '../services/comparison.ts';
import { observationSeries } from '../services/observation-series.ts';
import { provenanceFor } from '../services/provenance.ts';
import { rankingOf } from '../services/ranking.ts';
import type { Selection } from '../services/selection.ts';
import type { AppDeps } from '../app-deps.ts';
import { usable } from '../domain/usable.ts';
import type { EfficiencyMethod, Orientation } from '../domain/efficiency/types.ts';
import type { MembershipRule } from '../domain/membership-rule.ts';
import { Problem } from '../http/problem.ts';
import { efficiencyOf } from '../services/efficiency.ts';
import { methodLine } from '../services/efficiency-text.ts';
import { yearsWithData } from '../repositories/observations.ts';
import { footerLines, indicatorName, normalisationLine, peerLine, yearsLine } from './captions.ts';
import { describeHeatmap, describeRanking, describeScatter, describeSeries, describeSlope } from './describe.ts';
import type { ChartFrame } from './frame.ts';
import { describeFrontier, type FrontierPoint, frontierChart } from './frontier.ts';
import { heatmapChart } from './heatmap.ts';
import { label, type Lang, unitLabel } from './locale.ts';
import { mapChart } from './map.ts';
import { rankingChart } from './ranking.ts';
import { scatterChart } from './scatter.ts';
import { slopeChart } from './slope.ts';
import { smallMultiplesChart } from './small-multiples.ts';
import { timeseriesChart } from './timeseries.ts';

export const CHART_TYPES = [
  'ranking',
  'timeseries',
  'heatmap',
  'scatter',
  'slope',
  'map',
  'small-multiples',
  'frontier',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Chart types whose data can be the live /v1 endpoint as is (data=url). */
export const LIVE_DATA_TYPES: readonly ChartType[] = ['ranking', 'map', 'timeseries', 'small-multiples', 'slope'];

export interface ChartQuery {
  indicator?: string;
  indicators?: string[];
  x?: string;
  y?: string;
  countries?: string[];
  group?: string;
  membership?: MembershipRule;
  year?: number;
  latest?: boolean;
  from?: number;
  to?: number;
  max_age?: number;
  as_of?: string;
  release?: string;
  normalise?: string;
  lang: Lang;
  highlight?: string;
  data: 'inline' | 'url';
  width: number;
  height: number;
  trend?: boolean;
  inputs?: string[];
  outputs?: string[];
  method?: EfficiencyMethod;
  orientation?: Orientation;
}

export interface BuiltChart {
  spec: TopLevelSpec;
  description: string;
  title: string;
  releaseIds: string[];
  /** The /v1 data URL behind the chart (relative). */
  dataPath: string;
}

/** Query parameters of the /v1 data endpoint that feeds a chart. */
function dataPathFor(type: ChartType, q: ChartQuery): string {
  const params = new URLSearchParams();
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== false)
      params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  };
  set('countries', q.countries);
  set('group', q.group);
  if (q.membership && q.membership !== 'current') set('membership', q.membership);
  set('as_of', q.as_of);
  set('release', q.release);
  set('max_age', q.max_age);
  if (type === 'ranking' || type === 'map') {
    set('indicator', q.indicator);
    set('year', q.year);
    return `/v1/rankings?${params}`;
  }
  if (type === 'frontier') {
    set('inputs', q.inputs);
    set('outputs', q.outputs);
    set('year', q.year);
    set('latest', q.latest);
    set('method', q.method);
    set('orientation', q.orientation);
    set('lang', q.lang);
    return `/v1/efficiency?${params}`;
  }
  if (type === 'heatmap' || type === 'scatter') {
    set('indicators', type === 'scatter' ? [q.x, q.y] : q.indicators);
    set('year', q.year);
    return `/v1/compare?${params}`;
  }
  set('indicator', q.indicator);
  set('from', q.from);
  set('to', q.to);
  set('latest', q.latest);
  set('normalise', q.normalise);
  return `/v1/observations?${params}`;
}

function frameFor(
  q: ChartQuery,
  title: string,
  selection: Selection,
  extraLines: (string | null)[],
  footer: string[],
  description: string,
): ChartFrame {
  return {
    lang: q.lang,
    title,
    subtitle: [peerLine(selection, q.lang), ...extraLines].filter((line): line is string => line !== null),
    footer,
    description,
    width: q.width,
    height: q.height,
  };
}

/** Runs the analysis behind a chart type and builds its Vega-Lite spec, title, footer and alt text. */
export async function buildChart(deps: AppDeps, type: ChartType, q: ChartQuery, origin: string): Promise<BuiltChart> {
  const dataPath = dataPathFor(type, q);
  const live =
    q.data === 'url'
      ? { url: `${origin}${dataPath}`, property: type === 'ranking' || type === 'map' ? 'ranking' : 'observations' }
      : undefined;
  const { lang } = q;

  if (type === 'frontier') return { ...(await buildFrontierChart(deps, q, frameFor)), dataPath };

  if (type === 'ranking' || type === 'map') {
    const result = await rankingOf(deps.db, { ...q, indicator: q.indicator as string }, deps.now?.());
    const provenance = await provenanceFor(deps.db, result.releaseIds);
    const title = indicatorName(result.indicator, lang);
    const description = describeRanking(result.ranking, lang, result.indicator.decimals, q.highlight);
    const frame = frameFor(
      q,
      title,
      result.selection,
      [yearsLine(q, lang)],
      footerLines(provenance, lang),
      description,
    );
    const rows = result.ranking.map((r) => ({ iso3: r.iso3, value: r.value, year: r.year, rank: r.rank }));
    const spec =
      type === 'ranking'
        ? rankingChart(
            {
              rows,
              median: result.median,
              direction: result.direction,
              decimals: result.indicator.decimals,
              unit: unitLabel(result.indicator.unit, lang),
            },
            frame,
            { highlight: q.highlight, dataUrl: live },
          )
        : mapChart(
            {
              rows,
              decimals: result.indicator.decimals,
              unit: unitLabel(result.indicator.unit, lang),
              direction: result.direction,
            },
            frame,
            { highlight: q.highlight },
          );
    return { spec, description, title, releaseIds: result.releaseIds, dataPath };
  }

  if (type === 'heatmap' || type === 'scatter') {
    const codes = type === 'scatter' ? [q.x as string, q.y as string] : (q.indicators as string[]);
    const result = await comparisonOf(deps.db, { ...q, indicators: codes }, deps.now?.());
    const provenance = await provenanceFor(deps.db, result.releaseIds);
    const names = result.indicators.map((i) => indicatorName(i, lang));
    if (type === 'scatter') {
      const [xCode, yCode] = codes as [string, string];
      const points = result.rows.flatMap((r) => {
        const x = r.cells[xCode];
        const y = r.cells[yCode];
        // A value flagged as "no data" (a published 0) is not a point.
        return x && y && usable(x) && usable(y)
          ? [{ iso3: r.iso3, x: x.value, y: y.value, xYear: x.year, yYear: y.year }]
          : [];
      });
      const [xName, yName] = names as [string, string];
      const description = describeScatter(points, lang, xName, yName);
      const frame = frameFor(
        q,
        `${yName} / ${xName}`,
        result.selection,
        [yearsLine(q, lang)],
        footerLines(provenance, lang),
        description,
      );
      const [xi, yi] = result.indicators as [(typeof result.indicators)[number], (typeof result.indicators)[number]];
      const spec = scatterChart(
        {
          points,
          xTitle: `${xName} (${unitLabel(xi.unit, lang)})`,
          yTitle: `${yName} (${unitLabel(yi.unit, lang)})`,
          xDecimals: xi.decimals,
          yDecimals: yi.decimals,
          trend: q.trend ?? false,
        },
        frame,
        { highlight: q.highlight },
      );
      return { spec, description, title: frame.title, releaseIds: result.releaseIds, dataPath };
    }
    const cells = result.rows.flatMap((r) =>
      result.indicators.map((indicator, i) => {
        const cell = r.cells[indicator.code];
        return {
          iso3: r.iso3,
          indicator: indicator.code,
          indicatorLabel: names[i] as string,
          value: cell?.value ?? null,
          year: cell?.year ?? null,
          score: cell?.score ?? null,
        };
      }),
    );
    const meanScore = (iso3: string) => {
      const scores = cells.filter((c) => c.iso3 === iso3 && c.score !== null).map((c) => c.score as number);
      return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : -1;
    };
    const countryOrder = result.rows.map((r) => r.iso3).sort((a, b) => meanScore(b) - meanScore(a));
    const description = describeHeatmap(
      result.rows.length,
      codes.length,
      cells.filter((c) => c.score === null).length,
      lang,
    );
    const title =
      lang === 'vi'
        ? `Điểm của ${result.rows.length} nước trên ${codes.length} chỉ số`
        : `Scores on ${codes.length} indicators`;
    const frame = frameFor(
      q,
      title,
      result.selection,
      [yearsLine(q, lang), normalisationLine('minmax', lang)],
      footerLines(provenance, lang),
      description,
    );
    const spec = heatmapChart({ cells, indicatorOrder: names, countryOrder }, frame, { highlight: q.highlight });
    return { spec, description, title: frame.title, releaseIds: result.releaseIds, dataPath };
  }

  const series = await observationSeries(
    deps.db,
    { ...q, indicator: q.indicator as string, latest: false },
    deps.now?.(),
  );
  const provenance = await provenanceFor(
    deps.db,
    series.points.map((p) => p.release),
  );
  const field = series.normalisation ? 'normalised' : 'value';
  // Values flagged as "no data" (a published 0) are gaps in a chart, not zeros.
  const rows = series.points
    .filter((p) => p.year !== null && usable(p) && (field === 'value' || p.normalised !== null))
    .map((p) => ({
      iso3: p.iso3,
      year: p.year as number,
      value: field === 'value' ? p.value : (p.normalised as number),
    }));
  const decimals = field === 'value' ? series.indicator.decimals : 1;
  const title = indicatorName(series.indicator, lang);
  const unit = series.normalisation
    ? `${label(lang, 'normalised')}: ${series.normalisation.method}`
    : unitLabel(series.indicator.unit, lang);
  const chartRows = rows.map((r) =>
    field === 'value' ? r : { iso3: r.iso3, year: r.year, normalised: r.value, value: r.value },
  );
  if (type === 'slope') {
    const fromYear = q.from as number;
    const toYear = q.to as number;
    const description = describeSlope(
      rows,
      fromYear,
      toYear,
      lang,
      decimals,
      series.indicator.higher_is_better === false ? 'lower' : 'higher',
      q.highlight,
    );
    const frame = frameFor(
      q,
      title,
      series.selection,
      [`${fromYear}–${toYear}`, normalisationLine(series.normalisation?.method, lang)],
      footerLines(provenance, lang),
      description,
    );
    const spec = slopeChart(
      {
        rows: chartRows,
        decimals: series.indicator.decimals,
        unit,
        field,
        years: [fromYear, toYear],
        fromYear,
        toYear,
      },
      frame,
      { highlight: q.highlight, dataUrl: live },
    );
    return { spec, description, title, releaseIds: provenance.releases.map((r) => r.id), dataPath };
  }
  const description = describeSeries(rows, lang, decimals, q.highlight);
  // A series spans the years it draws, whatever from/to were left open.
  const years = rows.map((r) => r.year);
  const span = years.length > 0 ? { from: q.from ?? Math.min(...years), to: q.to ?? Math.max(...years) } : q;
  const frame = frameFor(
    q,
    title,
    series.selection,
    [yearsLine(span, lang), normalisationLine(series.normalisation?.method, lang)],
    footerLines(provenance, lang),
    description,
  );
  const builder = type === 'small-multiples' ? smallMultiplesChart : timeseriesChart;
  const expectedYears = await yearsWithData(deps.db, {
    indicatorCode: series.indicator.code,
    from: q.from,
    to: q.to,
    vintage: series.vintage,
  });
  const spec = builder(
    { rows: chartRows, decimals: series.indicator.decimals, unit, field, years: expectedYears },
    frame,
    { highlight: q.highlight, dataUrl: live },
  );
  return { spec, description, title, releaseIds: provenance.releases.map((r) => r.id), dataPath };
}

/** The frontier chart: runs the efficiency service and draws its first input against its first output. */
async function buildFrontierChart(
  deps: AppDeps,
  q: ChartQuery,
  frameOf: typeof frameFor,
): Promise<Omit<BuiltChart, 'dataPath'>> {
  const { lang } = q;
  if (!q.inputs || !q.outputs) {
    const parameter = q.inputs ? 'outputs' : 'inputs';
    throw new Problem(400, 'invalid_parameter', `${parameter} is required for a frontier chart.`, { parameter });
  }
  const result = await efficiencyOf(deps, {
    ...q,
    inputs: q.inputs,
    outputs: q.outputs,
    method: q.method ?? 'dea-vrs',
    orientation: q.orientation ?? 'input',
  });
  const [input, output] = [result.inputs[0], result.outputs[0]] as [
    (typeof result.inputs)[number],
    (typeof result.inputs)[number],
  ];
  const target = (s: (typeof result.scores)[number], code: string) =>
    s.targets.find((t) => t.indicator === code)?.target as number;
  const points: FrontierPoint[] = result.scores.map((s) => ({
    iso3: s.iso3,
    x: s.values[input.code]?.value as number,
    y: s.values[output.code]?.value as number,
    score: s.score,
    low: s.jackknife.low,
    high: s.jackknife.high,
    onFrontier: s.on_frontier,
    targetX: target(s, input.code),
    targetY: target(s, output.code),
  }));
  const description = describeFrontier(
    {
      points,
      summaries: Object.fromEntries(result.scores.map((s) => [s.iso3, s.summary])),
      leftOut: result.left_out.map((l) => l.iso3),
      warning: result.robustness.warning,
    },
    lang,
    q.highlight,
  );
  const nameOf = (i: (typeof result.inputs)[number]) => i.name[lang];
  const names = (list: typeof result.inputs) => list.map(nameOf).join('; ');
  const title = lang === 'vi' ? 'Biên hiệu quả đầu vào – đầu ra' : 'Input–output efficiency frontier';
  const roles =
    lang === 'vi'
      ? `Đầu vào: ${names(result.inputs)} · đầu ra: ${names(result.outputs)}`
      : `Inputs: ${names(result.inputs)} · outputs: ${names(result.outputs)}`;
  const provenance = { sources: result.sources, releases: result.releases };
  const frame = frameOf(
    q,
    title,
    result.selection,
    [yearsLine(q, lang), roles, methodLine(result.method, result.orientation, lang)],
    footerLines(provenance, lang),
    description,
  );
  const spec = frontierChart(
    {
      method: result.method,
      points,
      twoDimensional: result.inputs.length === 1 && result.outputs.length === 1,
      xTitle: `${nameOf(input)} (${unitLabel(input.unit, lang)})`,
      yTitle: `${nameOf(output)} (${unitLabel(output.unit, lang)})`,
      xDecimals: input.decimals,
      yDecimals: output.decimals,
    },
    frame,
    { highlight: q.highlight },
  );
  return { spec, description, title, releaseIds: result.releases.map((r) => r.id) };
}
