import type { Kysely } from 'kysely';
import type { TopLevelSpec } from 'vega-lite';
import { footerLines, indicatorName, normalisationLine, peerLine, yearsLine } from '../charts/captions.ts';
import type { ChartType } from '../charts/chart-types.ts';
import {
  describeHeatmap,
  describeRanking,
  describeScatter,
  describeSeries,
  describeSlope,
} from '../charts/describe.ts';
import type { ChartFrame } from '../charts/frame.ts';
import { heatmapChart } from '../charts/heatmap.ts';
import { label, type Lang, unitLabel } from '../charts/locale.ts';
import { mapChart } from '../charts/map.ts';
import { rankingChart } from '../charts/ranking.ts';
import { scatterChart } from '../charts/scatter.ts';
import { slopeChart } from '../charts/slope.ts';
import { smallMultiplesChart } from '../charts/small-multiples.ts';
import { timeseriesChart } from '../charts/timeseries.ts';
import { describeFrontier, type FrontierPoint, frontierChart } from '../charts/frontier.ts';
import type { Database } from '../db/schema.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import type { EfficiencyMethod, Orientation } from '../domain/efficiency/types.ts';
import type { MembershipRule } from '../domain/membership-rule.ts';
import { Problem } from '../errors.ts';
import type { Selection } from '../domain/selection.ts';
import { usable } from '../domain/usable.ts';
import { yearsWithData } from '../repositories/observations.ts';
import { comparisonOf } from './comparison.ts';
import { efficiencyOf } from './efficiency.ts';
import { methodLine } from './efficiency-text.ts';
import { observationSeries } from './observation-series.ts';
import { provenanceFor } from './provenance.ts';
import { rankingOf } from './ranking.ts';

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

type Provenance = Awaited<ReturnType<typeof provenanceFor>>;

export interface BuiltChart {
  spec: TopLevelSpec;
  description: string;
  title: string;
  releaseIds: string[];
  /** The sources, releases, licences and citations of the values drawn. */
  provenance: Provenance;
  /** The /v1 data URL behind the chart (relative). */
  dataPath: string;
}

/** What every chart type's builder gets: the query, the live data URL if any, the clock. */
interface ChartContext {
  db: Kysely<Database>;
  type: ChartType;
  q: ChartQuery;
  live: { url: string; property: string } | undefined;
  now?: Date;
  lpSolver?: () => Promise<LpSolver>;
}

/** Where the chart is served, the clock, and the LP solver (DEA frontiers; Node only). */
export interface ChartOptions {
  origin: string;
  now?: Date;
  lpSolver?: () => Promise<LpSolver>;
}

type Drawn = Omit<BuiltChart, 'dataPath'>;

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
export async function buildChart(
  db: Kysely<Database>,
  type: ChartType,
  q: ChartQuery,
  { origin, now, lpSolver }: ChartOptions,
): Promise<BuiltChart> {
  const dataPath = dataPathFor(type, q);
  const live =
    q.data === 'url'
      ? { url: `${origin}${dataPath}`, property: type === 'ranking' || type === 'map' ? 'ranking' : 'observations' }
      : undefined;
  const context: ChartContext = { db, type, q, live, now, lpSolver };
  const drawn =
    type === 'frontier'
      ? await frontier(context)
      : type === 'ranking' || type === 'map'
        ? await rankingOrMap(context)
        : type === 'scatter'
          ? await scatter(context)
          : type === 'heatmap'
            ? await heatmap(context)
            : await series(context);
  return { ...drawn, dataPath };
}

async function rankingOrMap({ db, type, q, live, now }: ChartContext): Promise<Drawn> {
  const { lang } = q;
  const result = await rankingOf(db, { ...q, indicator: q.indicator as string }, now);
  const provenance = await provenanceFor(db, result.releaseIds);
  const title = indicatorName(result.indicator, lang);
  const description = describeRanking(result.ranking, lang, result.indicator.decimals, q.highlight);
  const frame = frameFor(q, title, result.selection, [yearsLine(q, lang)], footerLines(provenance, lang), description);
  const rows = result.ranking.map((r) => ({ iso3: r.iso3, value: r.value, year: r.year, rank: r.rank }));
  const { decimals, unit } = result.indicator;
  const spec =
    type === 'ranking'
      ? rankingChart(
          { rows, median: result.median, direction: result.direction, decimals, unit: unitLabel(unit, lang) },
          frame,
          { highlight: q.highlight, dataUrl: live },
        )
      : mapChart({ rows, decimals, unit: unitLabel(unit, lang), direction: result.direction }, frame, {
          highlight: q.highlight,
        });
  return { spec, description, title, releaseIds: result.releaseIds, provenance };
}

async function scatter({ db, q, now }: ChartContext): Promise<Drawn> {
  const { lang } = q;
  const [xCode, yCode] = [q.x as string, q.y as string];
  const result = await comparisonOf(db, { ...q, indicators: [xCode, yCode] }, now);
  const provenance = await provenanceFor(db, result.releaseIds);
  const points = result.rows.flatMap((r) => {
    const x = r.cells[xCode];
    const y = r.cells[yCode];
    // A value flagged as "no data" (a published 0) is not a point.
    return x && y && usable(x) && usable(y)
      ? [{ iso3: r.iso3, x: x.value, y: y.value, xYear: x.year, yYear: y.year }]
      : [];
  });
  const [xi, yi] = result.indicators as [(typeof result.indicators)[number], (typeof result.indicators)[number]];
  const [xName, yName] = [indicatorName(xi, lang), indicatorName(yi, lang)];
  const description = describeScatter(points, lang, xName, yName);
  const title = `${yName} / ${xName}`;
  const frame = frameFor(q, title, result.selection, [yearsLine(q, lang)], footerLines(provenance, lang), description);
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
  return { spec, description, title, releaseIds: result.releaseIds, provenance };
}

async function heatmap({ db, q, now }: ChartContext): Promise<Drawn> {
  const { lang } = q;
  const codes = q.indicators as string[];
  const result = await comparisonOf(db, { ...q, indicators: codes }, now);
  const provenance = await provenanceFor(db, result.releaseIds);
  const names = result.indicators.map((i) => indicatorName(i, lang));
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
  const missing = cells.filter((c) => c.score === null).length;
  const description = describeHeatmap(result.rows.length, codes.length, missing, lang);
  const title =
    lang === 'vi'
      ? `Điểm của ${result.rows.length} nước trên ${codes.length} chỉ số`
      : `Scores on ${codes.length} indicators`;
  const lines = [yearsLine(q, lang), normalisationLine('minmax', lang)];
  const frame = frameFor(q, title, result.selection, lines, footerLines(provenance, lang), description);
  const spec = heatmapChart({ cells, indicatorOrder: names, countryOrder }, frame, { highlight: q.highlight });
  return { spec, description, title, releaseIds: result.releaseIds, provenance };
}

/** The values of a time-series chart: no-data values are gaps, not zeros. */
async function seriesRows(db: Kysely<Database>, q: ChartQuery, now?: Date) {
  const result = await observationSeries(db, { ...q, indicator: q.indicator as string, latest: false }, now);
  const provenance = await provenanceFor(
    db,
    result.points.map((p) => p.release),
  );
  const field: 'value' | 'normalised' = result.normalisation ? 'normalised' : 'value';
  const rows = result.points
    .filter((p) => p.year !== null && usable(p) && (field === 'value' || p.normalised !== null))
    .map((p) => ({
      iso3: p.iso3,
      year: p.year as number,
      value: field === 'value' ? p.value : (p.normalised as number),
    }));
  const chartRows = rows.map((r) =>
    field === 'value' ? r : { iso3: r.iso3, year: r.year, normalised: r.value, value: r.value },
  );
  const unit = result.normalisation
    ? `${label(q.lang, 'normalised')}: ${result.normalisation.method}`
    : unitLabel(result.indicator.unit, q.lang);
  return { result, provenance, field, rows, chartRows, unit };
}

async function series({ db, type, q, live, now }: ChartContext): Promise<Drawn> {
  const { lang } = q;
  const { result, provenance, field, rows, chartRows, unit } = await seriesRows(db, q, now);
  const decimals = field === 'value' ? result.indicator.decimals : 1;
  const title = indicatorName(result.indicator, lang);
  const normalisation = normalisationLine(result.normalisation?.method, lang);
  const releaseIds = provenance.releases.map((r) => r.id);
  const options = { highlight: q.highlight, dataUrl: live };
  if (type === 'slope') {
    const [fromYear, toYear] = [q.from as number, q.to as number];
    const direction = result.indicator.higher_is_better === false ? 'lower' : 'higher';
    const description = describeSlope(rows, fromYear, toYear, lang, decimals, direction, q.highlight);
    const lines = [`${fromYear}–${toYear}`, normalisation];
    const frame = frameFor(q, title, result.selection, lines, footerLines(provenance, lang), description);
    const data = { rows: chartRows, decimals: result.indicator.decimals, unit, field, years: [fromYear, toYear] };
    const spec = slopeChart({ ...data, fromYear, toYear }, frame, options);
    return { spec, description, title, releaseIds, provenance };
  }
  const description = describeSeries(rows, lang, decimals, q.highlight);
  // A series spans the years it draws, whatever from/to were left open.
  const years = rows.map((r) => r.year);
  const span = years.length > 0 ? { from: q.from ?? Math.min(...years), to: q.to ?? Math.max(...years) } : q;
  const lines = [yearsLine(span, lang), normalisation];
  const frame = frameFor(q, title, result.selection, lines, footerLines(provenance, lang), description);
  const builder = type === 'small-multiples' ? smallMultiplesChart : timeseriesChart;
  const expectedYears = await yearsWithData(db, {
    indicatorCode: result.indicator.code,
    from: q.from,
    to: q.to,
    vintage: result.vintage,
  });
  const spec = builder(
    { rows: chartRows, decimals: result.indicator.decimals, unit, field, years: expectedYears },
    frame,
    options,
  );
  return { spec, description, title, releaseIds, provenance };
}

/** The frontier chart: runs the efficiency service and draws its first input against its first output. */
async function frontier({ db, q, now, lpSolver }: ChartContext): Promise<Drawn> {
  const { lang } = q;
  if (!q.inputs || !q.outputs) {
    const parameter = q.inputs ? 'outputs' : 'inputs';
    throw new Problem(400, 'invalid_parameter', `${parameter} is required for a frontier chart.`, { parameter });
  }
  const result = await efficiencyOf(
    db,
    {
      ...q,
      inputs: q.inputs,
      outputs: q.outputs,
      method: q.method ?? 'dea-vrs',
      orientation: q.orientation ?? 'input',
    },
    now,
    lpSolver,
  );
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
  const frame = frameFor(
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
  const releaseIds = result.releases.map((r) => r.id);
  return { spec, description, title, releaseIds, provenance: await provenanceFor(db, releaseIds) };
}
