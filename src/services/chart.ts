import type { Kysely } from 'kysely';
import type { TopLevelSpec } from 'vega-lite';
import { comparisonOf } from './comparison.ts';
import { observationSeries } from './observation-series.ts';
import { provenanceFor } from './provenance.ts';
import { rankingOf } from './ranking.ts';
import type { Selection } from '../domain/selection.ts';
import type { ChartType } from '../charts/chart-types.ts';
import type { Database } from '../db/schema.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import { usable } from '../domain/usable.ts';
import { Problem } from '../errors.ts';
import type { ChartParams } from '../http/chart-params.ts';
import type { Lenient } from '../http/params.ts';
import { efficiencyOf } from './efficiency.ts';
import { methodLine } from './efficiency-text.ts';
import { buildProductivityChangeChart } from './productivity-change-chart.ts';
import { yearsWithData } from '../repositories/observations.ts';
import { sourcesByIds } from '../repositories/sources.ts';
import {
  footerLines,
  indicatorName,
  missingLine,
  noDataLines,
  normalisationLine,
  peerLine,
  yearsLine,
} from '../charts/captions.ts';
import {
  describeHeatmap,
  describeAnswers,
  describeRanking,
  describeScatter,
  describeSeries,
  describeSlope,
} from '../charts/describe.ts';
import { axisTitle, type ChartFrame } from '../charts/frame.ts';
import { describeFrontier, type FrontierPoint, frontierChart } from '../charts/frontier.ts';
import { heatmapChart } from '../charts/heatmap.ts';
import { countryName, label, type Lang, unitLabel } from '../charts/locale.ts';
import { withLogScale } from './log-scale.ts';
import { mapChart } from '../charts/map.ts';
import { messageChart } from '../charts/message.ts';
import { type ChartOptions, rankingChart } from '../charts/ranking.ts';
import { scatterChart } from '../charts/scatter.ts';
import { slopeChart } from '../charts/slope.ts';
import { smallMultiplesChart } from '../charts/small-multiples.ts';
import { timeseriesChart } from '../charts/timeseries.ts';
import { yesNoChart } from '../charts/yes-no.ts';
import { isYesNo } from '../domain/yes-no.ts';

/**
 * What building a chart needs beyond the query: the database, the clock, and the LP solver for
 * DEA frontiers (Node only). The app's AppDeps satisfies it.
 */
export interface ChartDeps {
  db: Kysely<Database>;
  now?: () => Date;
  lpSolver?: () => Promise<LpSolver>;
  replicationLpSolver?: () => Promise<LpSolver>;
}

/** Parameters with a default in `chartQuery` that a caller inside the app (briefs, benchmarks) may leave out. */
type DefaultedParams =
  | 'log'
  | 'trend'
  | 'membership'
  | 'latest'
  | 'method'
  | 'orientation'
  | 'max_gap'
  | 'bootstrap'
  | 'seed';
/**
 * A chart request: the chart routes' validated query (`chartQuery` in http/chart-params.ts),
 * without the parameters only the image renderer reads (`scale`, `text`).
 */
export type ChartQuery = Lenient<Omit<ChartParams, 'scale' | 'text'>, DefaultedParams>;

export interface BuiltChart {
  spec: TopLevelSpec;
  description: string;
  title: string;
  releaseIds: string[];
  /** The /v1 data URL behind the chart (relative). */
  dataPath: string;
  /** Years the indicator has data for in this vintage (one-indicator charts). */
  yearsWithData?: number[];
  /** Members of the selection without data, named in the footer and the alt text. */
  missing: string[];
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
  if (type === 'productivity-change') {
    set('inputs', q.inputs);
    set('outputs', q.outputs);
    set('from', q.from);
    set('to', q.to);
    set('lang', q.lang);
    return `/v1/efficiency/change?${params}`;
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

/** Source, licence and release lines; a chart without values still names the indicator's source. */
async function footerFor(deps: ChartDeps, releaseIds: Iterable<string>, sourceIds: string[], lang: Lang) {
  const provenance = await provenanceFor(deps.db, releaseIds);
  if (provenance.sources.length === 0) provenance.sources = await sourcesByIds(deps.db, sourceIds);
  return footerLines(provenance, lang);
}

function frameFor(
  q: ChartQuery,
  title: string,
  selection: Selection,
  extraLines: (string | null)[],
  footer: { missing: string[]; members: number; lines: string[]; searched?: string[] },
  description: string,
): ChartFrame {
  return {
    lang: q.lang,
    title,
    subtitle: [peerLine(selection, q.lang), ...extraLines, outsideLine(q.highlight, selection, q.lang)].filter(
      (line): line is string => line !== null,
    ),
    footer: [missingLine(footer.missing, footer.members, q.lang, footer.searched), ...footer.lines].filter(
      (line): line is string => line !== null,
    ),
    description,
    width: q.width,
    height: q.height,
  };
}

/** Builds a chart's frame (title, subtitle lines, footer): shared by every chart service. */
export type FrameBuilder = typeof frameFor;

/**
 * A highlighted country outside the peer group is not drawn, and the chart says so instead of
 * greying every bar without a word.
 */
function outsideLine(highlight: readonly string[] | undefined, selection: Selection, lang: Lang): string | null {
  const outside = (highlight ?? []).filter((iso3) => !selection.countries.includes(iso3));
  if (outside.length === 0) return null;
  const names = outside.map((iso3) => countryName(iso3, lang)).join(', ');
  const group = selection.group?.code ?? (lang === 'vi' ? 'các nước đã chọn' : 'the countries chosen');
  return lang === 'vi'
    ? `${names}: được chọn làm nổi bật nhưng không thuộc ${group}, nên không có trên biểu đồ.`
    : `${names}: highlighted but not in ${group}, so not drawn.`;
}

const liveData = (type: ChartType, q: ChartQuery, dataPath: string, origin: string) =>
  q.data === 'url'
    ? { url: `${origin}${dataPath}`, property: type === 'ranking' || type === 'map' ? 'ranking' : 'observations' }
    : undefined;

/** Runs the analysis behind a chart type and builds its Vega-Lite spec, title, footer and alt text. */
export async function buildChart(deps: ChartDeps, type: ChartType, q: ChartQuery, origin: string): Promise<BuiltChart> {
  const built = await buildLinearChart(deps, type, q, origin);
  return q.log ? { ...built, spec: withLogScale(built.spec, type) } : built;
}

async function buildLinearChart(deps: ChartDeps, type: ChartType, q: ChartQuery, origin: string): Promise<BuiltChart> {
  const dataPath = dataPathFor(type, q);
  if (type === 'frontier') return { ...(await buildFrontierChart(deps, q, frameFor)), dataPath };
  if (type === 'productivity-change') return { ...(await buildProductivityChangeChart(deps, q, frameFor)), dataPath };
  if (type === 'ranking' || type === 'map') return crossSectionChart(deps, type, q, dataPath, origin);
  if (type === 'heatmap') return heatmapOf(deps, q, dataPath);
  if (type === 'scatter') return scatterOf(deps, q, dataPath);
  return seriesChart(deps, type, q, dataPath, origin);
}

async function crossSectionChart(
  deps: ChartDeps,
  type: 'ranking' | 'map',
  q: ChartQuery,
  dataPath: string,
  origin: string,
): Promise<BuiltChart> {
  const { lang } = q;
  const result = await rankingOf(deps.db, { ...q, indicator: q.indicator as string }, deps.now?.());
  const { indicator } = result;
  const coverage = { ...result.coverage, searched: result.not_found.map((g) => g.iso3) };
  const yesNo = isYesNo(indicator);
  const neutral = indicator.higher_is_better === null;
  const footer = {
    missing: coverage.missing,
    members: coverage.members,
    searched: coverage.searched,
    lines: await footerFor(deps, result.releaseIds, [indicator.source_id], lang),
  };
  const title = indicatorName(indicator, lang);
  const description = yesNo
    ? describeAnswers(result.ranking, lang, coverage)
    : describeRanking(result.ranking, lang, indicator.decimals, q.highlight?.[0], { coverage, neutral });
  // normalise=minmax draws the 0–100 score the ranking carries (100 = best in the group); answers have none.
  const scored = q.normalise === 'minmax' && !yesNo;
  const captions = [
    yearsLine(
      q,
      lang,
      result.ranking.map((r) => r.year),
    ),
    scored ? normalisationLine('minmax', lang) : null,
  ];
  const frame = frameFor(q, title, result.selection, captions, footer, description);
  const rows = result.ranking.flatMap((r) => {
    const value = scored ? r.score : r.value;
    return value === null ? [] : [{ iso3: r.iso3, value, year: r.year, rank: r.rank ?? 0 }];
  });
  const years = await yearsWithData(deps.db, { indicatorCode: indicator.code, vintage: result.vintage });
  const base = { title, releaseIds: result.releaseIds, dataPath, yearsWithData: years, missing: coverage.missing };
  if (rows.length === 0) return { ...base, spec: messageChart(noDataLines(q.year, years, lang), frame), description };
  const unit = scored ? label(lang, 'score') : unitLabel(indicator.unit, lang);
  const direction = scored ? 'higher' : neutral ? null : result.direction;
  const decimals = scored ? 1 : indicator.decimals;
  const median = scored ? null : result.median;
  const scale = scored ? undefined : (indicator.scale ?? undefined);
  const dataUrl = scored ? undefined : liveData(type, q, dataPath, origin);
  const spec =
    type === 'ranking' && yesNo
      ? yesNoChart({ rows }, frame, { highlight: q.highlight })
      : type === 'ranking'
        ? rankingChart({ rows, median, direction, decimals, scale, unit }, frame, { highlight: q.highlight, dataUrl })
        : mapChart(
            { rows, decimals, unit, direction, members: result.selection.countries, answers: yesNo },
            { ...frame, footer: [...frame.footer, label(lang, 'mapDisclaimer')] },
            { highlight: q.highlight },
          );
  return { ...base, spec, description };
}

async function scatterOf(deps: ChartDeps, q: ChartQuery, dataPath: string): Promise<BuiltChart> {
  const { lang } = q;
  const codes = [q.x as string, q.y as string];
  const result = await comparisonOf(deps.db, { ...q, indicators: codes }, deps.now?.());
  const [xi, yi] = result.indicators as [(typeof result.indicators)[number], (typeof result.indicators)[number]];
  const [xName, yName] = [indicatorName(xi, lang), indicatorName(yi, lang)];
  const points = result.rows.flatMap((r) => {
    const x = r.cells[xi.code];
    const y = r.cells[yi.code];
    // A value flagged as "no data" (a published 0) is not a point.
    return x && y && usable(x) && usable(y)
      ? [{ iso3: r.iso3, x: x.value, y: y.value, xYear: x.year, yYear: y.year }]
      : [];
  });
  const missing = result.rows.map((r) => r.iso3).filter((iso3) => !points.some((p) => p.iso3 === iso3));
  const coverage = { members: result.rows.length, missing };
  const description = describeScatter(points, lang, xName, yName, coverage);
  const footer = {
    missing,
    members: result.rows.length,
    lines: await footerFor(deps, result.releaseIds, [xi.source_id, yi.source_id], lang),
  };
  const pointYears = points.flatMap((p) => [p.xYear, p.yYear]);
  const frame = frameFor(
    q,
    `${yName} / ${xName}`,
    result.selection,
    [yearsLine(q, lang, pointYears)],
    footer,
    description,
  );
  const plotRoom = q.width - 80;
  const spec =
    points.length === 0
      ? messageChart(noDataLines(q.year, [], lang), frame)
      : scatterChart(
          {
            points,
            xTitle: axisTitle(`${xName} (${unitLabel(xi.unit, lang)})`, plotRoom),
            yTitle: axisTitle(`${yName} (${unitLabel(yi.unit, lang)})`, q.height),
            xDecimals: xi.decimals,
            yDecimals: yi.decimals,
            xScale: xi.scale,
            yScale: yi.scale,
            trend: q.trend ?? false,
          },
          frame,
          { highlight: q.highlight },
        );
  return { spec, description, title: frame.title, releaseIds: result.releaseIds, dataPath, missing };
}

async function heatmapOf(deps: ChartDeps, q: ChartQuery, dataPath: string): Promise<BuiltChart> {
  const { lang } = q;
  const result = await comparisonOf(deps.db, { ...q, indicators: q.indicators as string[] }, deps.now?.());
  const indicators = result.indicators.map((i) => ({ code: i.code, name: indicatorName(i, lang) }));
  const cells = result.rows.flatMap((r) =>
    indicators.map(({ code, name }) => {
      const cell = r.cells[code];
      return {
        iso3: r.iso3,
        indicator: code,
        indicatorLabel: name,
        value: cell?.value ?? null,
        year: cell?.year ?? null,
        score: cell?.score ?? null,
      };
    }),
  );
  const scoresOf = (iso3: string) =>
    cells.filter((c) => c.iso3 === iso3 && c.score !== null).map((c) => c.score as number);
  const meanScore = (iso3: string) => {
    const scores = scoresOf(iso3);
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : -1;
  };
  const countryOrder = result.rows.map((r) => r.iso3).sort((a, b) => meanScore(b) - meanScore(a));
  // Members with no score on any indicator are named; a few missing cells are counted in the alt text.
  const missing = result.rows.map((r) => r.iso3).filter((iso3) => scoresOf(iso3).length === 0);
  const coverage = { members: result.rows.length, missing };
  const blank = cells.filter((c) => c.score === null).length;
  const description = describeHeatmap(result.rows.length, indicators.length, blank, lang, coverage);
  const peer = result.selection.group?.code ?? `${result.rows.length} ${label(lang, 'countries')}`;
  const title =
    lang === 'vi'
      ? `So sánh trong ${peer} trên ${indicators.length} chỉ số: điểm 0–100, 100 = tốt nhất nhóm`
      : `How ${peer} compares on ${indicators.length} indicators: scores 0–100, 100 = best in the group`;
  const footer = {
    missing,
    members: result.rows.length,
    lines: await footerFor(deps, result.releaseIds, [...new Set(result.indicators.map((i) => i.source_id))], lang),
  };
  const cellYears = cells.filter((c) => c.score !== null).map((c) => c.year);
  const frame = frameFor(q, title, result.selection, [yearsLine(q, lang, cellYears)], footer, description);
  const spec = heatmapChart({ cells, indicators, countryOrder }, frame, { highlight: q.highlight });
  return { spec, description, title, releaseIds: result.releaseIds, dataPath, missing };
}

type ChartFooter = { missing: string[]; members: number; lines: string[] };

/**
 * What a series chart draws: the usable points (the published value or its normalisation), the
 * members it draws and the ones it leaves out, the years with data.
 */
async function seriesParts(deps: ChartDeps, type: ChartType, q: ChartQuery) {
  const series = await observationSeries(
    deps.db,
    { ...q, indicator: q.indicator as string, latest: false },
    deps.now?.(),
  );
  const { indicator } = series;
  const field = series.normalisation ? 'normalised' : 'value';
  // Values flagged as "no data" (a published 0) are gaps in a chart, not zeros.
  const rows = series.points
    .filter((p) => p.year !== null && usable(p) && (field === 'value' || p.normalised !== null))
    .map((p) => ({
      iso3: p.iso3,
      year: p.year as number,
      value: field === 'value' ? p.value : (p.normalised as number),
    }));
  const members = series.selection.countries;
  const drawn = new Set(
    type === 'slope'
      ? rows.filter((r) => r.year === q.from || r.year === q.to).map((r) => r.iso3)
      : rows.map((r) => r.iso3),
  );
  const missing = members.filter((iso3) => !drawn.has(iso3));
  const years = await yearsWithData(deps.db, { indicatorCode: indicator.code, vintage: series.vintage });
  return { series, indicator, field, rows, members, drawn, missing, years };
}
type SeriesParts = Awaited<ReturnType<typeof seriesParts>>;

/** The rows and axis facts a series builder takes: the drawn field carries the value. */
function seriesChartData(parts: SeriesParts, q: ChartQuery) {
  const { series, indicator, field, rows, years } = parts;
  const unit = series.normalisation
    ? `${label(q.lang, 'normalised')}: ${series.normalisation.method}`
    : unitLabel(indicator.unit, q.lang);
  return {
    // The drawn field carries the value: the published one, or its normalisation.
    rows: rows.map((r) => (field === 'value' ? r : { ...r, normalised: r.value })),
    decimals: indicator.decimals,
    scale: indicator.scale,
    unit,
    field: field as 'value' | 'normalised',
    years: years.filter((y) => (q.from === undefined || y >= q.from) && (q.to === undefined || y <= q.to)),
  };
}

type SeriesDrawing = {
  q: ChartQuery;
  parts: SeriesParts;
  title: string;
  footer: ChartFooter;
  data: ReturnType<typeof seriesChartData>;
  options: ChartOptions;
};

/** The slope chart of year `from` → year `to`, described, or a message where no country has both years. */
function slopeSpec({ q, parts, title, footer, data, options }: SeriesDrawing) {
  const { lang } = q;
  const { indicator, series, rows, members, missing, drawn, years } = parts;
  const decimals = parts.field === 'value' ? indicator.decimals : 1;
  const [fromYear, toYear] = [q.from as number, q.to as number];
  const direction = indicator.higher_is_better === null ? null : indicator.higher_is_better ? 'higher' : 'lower';
  const description = describeSlope(rows, fromYear, toYear, lang, decimals, direction, q.highlight?.[0]);
  const frame = frameFor(
    q,
    title,
    series.selection,
    [`${fromYear}–${toYear}`, normalisationLine(series.normalisation?.method, lang)],
    footer,
    description + (missingLine(missing, members.length, lang) ? ` ${missingLine(missing, members.length, lang)}` : ''),
  );
  const spec =
    drawn.size === 0
      ? messageChart(noDataLines(undefined, years, lang), frame)
      : slopeChart({ ...data, fromYear, toYear }, frame, options);
  return { spec, description: frame.description };
}

/** The time series (or small multiples) over the years it draws, described, or a message where nothing is drawn. */
function lineSpec(type: ChartType, { q, parts, title, footer, data, options }: SeriesDrawing) {
  const { lang } = q;
  const { indicator, series, rows, members, missing, years } = parts;
  const decimals = parts.field === 'value' ? indicator.decimals : 1;
  const coverage = { members: members.length, missing };
  const description = describeSeries(rows, lang, decimals, q.highlight?.[0], coverage);
  // A series spans the years it draws, whatever from/to were left open.
  const drawnYears = rows.map((r) => r.year);
  const span =
    drawnYears.length > 0 ? { from: q.from ?? Math.min(...drawnYears), to: q.to ?? Math.max(...drawnYears) } : q;
  const frame = frameFor(
    q,
    title,
    series.selection,
    [yearsLine(span, lang), normalisationLine(series.normalisation?.method, lang)],
    footer,
    description,
  );
  const builder = type === 'small-multiples' ? smallMultiplesChart : timeseriesChart;
  const spec =
    rows.length === 0 ? messageChart(noDataLines(undefined, years, lang), frame) : builder(data, frame, options);
  return { spec, description };
}

/** A chart over years (time series, small multiples, slope) from the observation series service. */
async function seriesChart(
  deps: ChartDeps,
  type: ChartType,
  q: ChartQuery,
  dataPath: string,
  origin: string,
): Promise<BuiltChart> {
  const { lang } = q;
  const parts = await seriesParts(deps, type, q);
  const { series, indicator, members, missing, years } = parts;
  const title = indicatorName(indicator, lang);
  const footer = {
    missing,
    members: members.length,
    lines: await footerFor(
      deps,
      series.points.map((p) => p.release),
      [indicator.source_id],
      lang,
    ),
  };
  const releaseIds = [...new Set(series.points.map((p) => p.release))];
  const drawing: SeriesDrawing = {
    q,
    parts,
    title,
    footer,
    data: seriesChartData(parts, q),
    options: { highlight: q.highlight, dataUrl: liveData(type, q, dataPath, origin) },
  };
  const base = { title, releaseIds, dataPath, yearsWithData: years, missing };
  const { spec, description } = type === 'slope' ? slopeSpec(drawing) : lineSpec(type, drawing);
  return { ...base, spec, description };
}

type EfficiencyAnswer = Awaited<ReturnType<typeof efficiencyOf>>;
type EfficiencyIndicator = EfficiencyAnswer['inputs'][number];

/** The efficiency query of a frontier chart: inputs and outputs are required; method and orientation default. */
function frontierQuery(q: ChartQuery) {
  if (!q.inputs || !q.outputs) {
    const parameter = q.inputs ? 'outputs' : 'inputs';
    throw new Problem(400, 'invalid_parameter', `${parameter} is required for a frontier chart.`, { parameter });
  }
  return {
    ...q,
    inputs: q.inputs,
    outputs: q.outputs,
    method: q.method ?? 'dea-vrs',
    orientation: q.orientation ?? 'input',
  };
}

/** Each scored country as a point: its first input and output, its score with the jackknife band, its targets. */
function frontierPoints(result: EfficiencyAnswer, input: EfficiencyIndicator, output: EfficiencyIndicator) {
  const target = (s: (typeof result.scores)[number], code: string) =>
    s.targets.find((t) => t.indicator === code)?.target as number;
  return result.scores.map(
    (s): FrontierPoint => ({
      iso3: s.iso3,
      x: s.values[input.code]?.value as number,
      y: s.values[output.code]?.value as number,
      score: s.score,
      low: s.jackknife.low,
      high: s.jackknife.high,
      onFrontier: s.on_frontier,
      targetX: target(s, input.code),
      targetY: target(s, output.code),
      ...(s.bootstrap
        ? { intervalLow: s.bootstrap.low, intervalHigh: s.bootstrap.high, biasCorrected: s.bootstrap.bias_corrected }
        : {}),
    }),
  );
}

/** What the black line and tick on each bar of the ranked scores are. */
function rangeLine(result: EfficiencyAnswer, lang: Lang): string {
  const boot = result.robustness.bootstrap;
  if (!boot)
    return lang === 'vi'
      ? 'Vạch đen: khoảng điểm khi bỏ từng nước khỏi tập so sánh'
      : 'Black line: the range of scores with each other country left out in turn';
  const replications = boot.replications.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en');
  return lang === 'vi'
    ? `Vạch đen: khoảng tin cậy 95 % (bootstrap Simar–Wilson, ${replications} lần lặp); gạch: điểm đã hiệu chỉnh độ chệch`
    : `Black line: 95 % interval (Simar–Wilson bootstrap, ${replications} replications); tick: bias-corrected score`;
}

/** The chart's title and the subtitle line naming its inputs and outputs. */
function frontierTitles(result: EfficiencyAnswer, lang: Lang) {
  const names = (list: typeof result.inputs) => list.map((i) => i.name[lang]).join('; ');
  const title = lang === 'vi' ? 'Biên hiệu quả đầu vào – đầu ra' : 'Input–output efficiency frontier';
  const roles =
    lang === 'vi'
      ? `Đầu vào: ${names(result.inputs)} · đầu ra: ${names(result.outputs)}`
      : `Inputs: ${names(result.inputs)} · outputs: ${names(result.outputs)}`;
  return { title, roles };
}

/** The frontier chart: runs the efficiency service and draws its first input against its first output. */
async function buildFrontierChart(
  deps: ChartDeps,
  q: ChartQuery,
  frameOf: typeof frameFor,
): Promise<Omit<BuiltChart, 'dataPath'>> {
  const { lang } = q;
  const result = await efficiencyOf(deps.db, frontierQuery(q), deps.now?.(), deps.lpSolver, deps.replicationLpSolver);
  const [input, output] = [result.inputs[0], result.outputs[0]] as [EfficiencyIndicator, EfficiencyIndicator];
  const points = frontierPoints(result, input, output);
  const description = describeFrontier(
    {
      points,
      summaries: Object.fromEntries(result.scores.map((s) => [s.iso3, s.summary])),
      leftOut: result.left_out.map((l) => l.iso3),
      warning: result.robustness.warning,
      notes: [
        result.years_used,
        ...result.scores.flatMap((s) => (s.efficient_by_construction ? [s.efficient_by_construction.note] : [])),
        ...(result.robustness.bootstrap ? [result.robustness.bootstrap.sentence] : []),
      ],
    },
    lang,
    q.highlight?.[0],
  );
  const { title, roles } = frontierTitles(result, lang);
  const provenance = { sources: result.sources, releases: result.releases };
  const missing = result.left_out.map((l) => l.iso3);
  const frame = frameOf(
    q,
    title,
    result.selection,
    [
      yearsLine(
        q,
        lang,
        result.scores.flatMap((s) => [s.values[input.code]?.year ?? null, s.values[output.code]?.year ?? null]),
      ),
      roles,
      methodLine(result.method, result.orientation, lang),
      ...(result.inputs.length === 1 && result.outputs.length === 1 ? [] : [rangeLine(result, lang)]),
    ],
    { missing, members: result.selection.countries.length, lines: footerLines(provenance, lang) },
    description,
  );
  const spec = frontierChart(
    {
      method: result.method,
      points,
      twoDimensional: result.inputs.length === 1 && result.outputs.length === 1,
      xTitle: `${input.name[lang]} (${unitLabel(input.unit, lang)})`,
      yTitle: `${output.name[lang]} (${unitLabel(output.unit, lang)})`,
      xDecimals: input.decimals,
      yDecimals: output.decimals,
    },
    frame,
    { highlight: q.highlight?.[0] },
  );
  return { spec, description, title, releaseIds: result.releases.map((r) => r.id), missing };
}
