import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { CrossSectionQuery } from './cross-section.ts';
import { provenanceFor } from './provenance.ts';
import { requireIndicators } from './require-indicator.ts';
import { resolveSelection, selectionForYear } from './selection.ts';
import { describeVintage, resolveVintage } from './vintage.ts';
import type { Lang } from '../charts/locale.ts';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { efficiencyFrontier, type FrontierUnitResult } from '../domain/efficiency/frontier.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import type { EfficiencyMethod, ProductionUnit } from '../domain/efficiency/types.ts';
import { usable } from '../domain/usable.ts';
import { Problem } from '../errors.ts';
import type { efficiencyParams, inputsParam, outputsParam } from '../http/params.ts';
import type { Table } from '../http/table.ts';
import { type ValueRow, valuesFor } from '../repositories/observations.ts';
import { alignYears, DEFAULT_MAX_GAP, type DatedCell } from '../domain/efficiency/align-years.ts';
import { type Selection, selectionIncludes } from '../domain/selection.ts';
import { presentIndicator } from './presenters.ts';
import type { BootstrapResult } from '../domain/efficiency/bootstrap.ts';
import { bootstrapOf, presentBootstrap } from './efficiency-bootstrap.ts';
import { secondStageOf } from './efficiency-second-stage.ts';
import {
  type GapPart,
  gapSentence,
  JACKKNIFE_NOTE,
  methodSentence,
  byConstructionSentence,
  smallSampleWarning,
  yearsUsedSentence,
} from './efficiency-text.ts';

type EfficiencyParams = z.output<
  z.ZodObject<{ inputs: typeof inputsParam; outputs: typeof outputsParam } & typeof efficiencyParams>
>;

/** The efficiency query: the frontier's inputs, outputs, method and orientation (as validated), over a cross-section. */
export type EfficiencyQuery = CrossSectionQuery &
  Omit<EfficiencyParams, 'max_gap' | 'bootstrap' | 'seed'> & {
    max_gap?: number;
    /** Bootstrap replications (0 or absent: none) and their seed. */
    bootstrap?: number;
    seed?: number;
    /** Bootstrap only these countries (a brief's own): the same intervals for them, far fewer programmes. */
    bootstrapFor?: string[];
    /** An environmental variable (income per head) for a second-stage regression of the bias-corrected scores. */
    control?: string;
    /**
     * Without `year`: read each country's latest aligned window ending in or before this year (the
     * Malmquist index's two periods), instead of its latest window overall.
     */
    windowEnd?: number;
    lang: Lang;
  };

/** Themes whose indicators are resources a government spends or a setting it works in. */
const INPUT_THEMES = ['workforce-and-pay', 'training-and-learning', 'context'];

/**
 * An input is a resource: neutral direction (more is neither good nor bad in itself) and a
 * resource or context theme. An output is a result: higher is better. Anything else is refused,
 * every offender named at once.
 */
export function requireRoles(inputs: IndicatorRow[], outputs: IndicatorRow[]): void {
  const badInputs = inputs.filter((i) => i.higher_is_better !== null || !INPUT_THEMES.includes(i.theme));
  const badOutputs = outputs.filter((i) => i.higher_is_better !== true);
  if (badInputs.length === 0 && badOutputs.length === 0) return;
  const parts = [
    ...badInputs.map(
      (i) =>
        `${i.code} cannot be an input: ${i.higher_is_better === null ? `its theme (${i.theme}) is not a resource` : `it is an outcome (${i.higher_is_better ? 'higher' : 'lower'} is better)`}`,
    ),
    ...badOutputs.map(
      (i) =>
        `${i.code} cannot be an output: ${i.higher_is_better === false ? 'lower is better' : 'it has no direction (more is not better)'}`,
    ),
  ];
  throw new Problem(
    400,
    'unsuitable_indicator',
    `${parts.join('; ')}. Inputs are resources with no direction (wage bill, public employment, training time, context); outputs are results where higher is better. See /v1/methods.`,
    {
      parameter: badInputs.length > 0 ? 'inputs' : 'outputs',
      unsuitable_inputs: badInputs.map((i) => i.code),
      unsuitable_outputs: badOutputs.map((i) => i.code),
    },
  );
}

interface Cell {
  value: number;
  year: number;
  release: string;
}

/** A country left out of the frontier: the series it has no value for, or why its years do not align. */
interface LeftOut {
  iso3: string;
  missing: string[];
  reason: 'no_value' | 'years_do_not_align';
}

/**
 * Each member's inputs and outputs. With `year`, that year's values. Without, the latest window of
 * `max_gap` + 1 years holding them all (alignYears), never each series' own latest year.
 */
function countryCells(
  members: string[],
  codes: string[],
  rows: ValueRow[],
  query: EfficiencyQuery,
  selection: Selection,
): { found: Map<string, Record<string, Cell>>; leftOut: LeftOut[] } {
  const found = new Map<string, Record<string, Cell>>();
  const leftOut: LeftOut[] = [];
  for (const iso3 of members) {
    const series = new Map<string, DatedCell[]>(
      codes.map((code) => [
        code,
        rows
          .filter((r) => r.indicator_code === code && r.iso3 === iso3 && r.year !== null && usable(r))
          .filter((r) => query.year !== undefined || selectionIncludes(selection, iso3, r.year))
          .map((r) => ({ value: r.value, year: r.year as number, release: r.release_id })),
      ]),
    );
    const missing = codes.filter((code) => (series.get(code) ?? []).length === 0);
    if (missing.length > 0) {
      leftOut.push({ iso3, missing, reason: 'no_value' });
      continue;
    }
    const aligned = alignYears(series, query.year === undefined ? (query.max_gap ?? DEFAULT_MAX_GAP) : 0);
    if (!aligned) leftOut.push({ iso3, missing: [], reason: 'years_do_not_align' });
    else found.set(iso3, Object.fromEntries(aligned.cells));
  }
  return { found, leftOut };
}

/** Each country with every input and output, as a unit of the frontier. */
function unitsOf(codes: { inputs: string[]; outputs: string[] }, found: Map<string, Record<string, Cell>>) {
  return [...found].map(
    ([iso3, cells]): ProductionUnit => ({
      id: iso3,
      inputs: codes.inputs.map((c) => cells[c]?.value as number),
      outputs: codes.outputs.map((c) => cells[c]?.value as number),
    }),
  );
}

/**
 * Ratios need positive numbers. Inputs always enter a ratio. Outputs may be zero or negative only
 * where the result does not depend on where their zero lies: input-oriented FDH (dominance only)
 * and input-oriented DEA-VRS (translation invariant in outputs, Ali and Seiford 1990). Elsewhere
 * the request is refused rather than silently shifted, because any shift would change the scores.
 */
function requirePositive(units: ProductionUnit[], query: EfficiencyQuery): void {
  const outputsMayBeNonPositive = query.orientation === 'input' && query.method !== 'dea-crs';
  const offenders = [
    ...query.inputs.map((code, i) => ({ code, bad: units.filter((u) => (u.inputs[i] as number) <= 0) })),
    ...(outputsMayBeNonPositive
      ? []
      : query.outputs.map((code, r) => ({ code, bad: units.filter((u) => (u.outputs[r] as number) <= 0) }))),
  ].filter((o) => o.bad.length > 0);
  if (offenders.length === 0) return;
  const listed = offenders.map((o) => `${o.code} (${o.bad.map((u) => u.id).join(', ')})`).join('; ');
  throw new Problem(
    422,
    'unsuitable_data',
    `Zero or negative values: ${listed}. ${query.method} with ${query.orientation} orientation divides by these values, so its scores would depend on an arbitrary shift. Outputs that can be negative (such as WGI estimates) work with method=fdh or method=dea-vrs and orientation=input, where scores do not depend on the zero point of an output; inputs must be positive. See /v1/methods.`,
    {
      parameter: query.inputs.includes(offenders[0]?.code ?? '') ? 'inputs' : 'outputs',
      non_positive: Object.fromEntries(offenders.map((o) => [o.code, o.bad.map((u) => u.id)])),
    },
  );
}

/** Targets that differ from the value by solver round-off (≈1e-15) are the value itself. */
function cleanTarget(value: number, target: number): number {
  return Math.abs(target - value) <= 1e-9 * Math.max(1, Math.abs(value)) ? value : target;
}

const countryLabel = (iso3: string, lang: Lang) => {
  const country = countryByIso3(iso3);
  return country ? (lang === 'vi' ? country.nameVi : country.nameEn) : iso3;
};

/** One country's result as served: values with their years, peers, targets, gaps, jackknife. */
/** The earliest and latest year of a country's values: the years its score compares. */
function yearsOf(cells: Record<string, Cell>): { from: number; to: number } {
  const years = Object.values(cells).map((c) => c.year);
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** A DEA-VRS frontier country there only for an extreme input or output: which ones, and why it is no model. */
function byConstructionOf(
  result: FrontierUnitResult,
  indicators: { inputs: IndicatorRow[]; outputs: IndicatorRow[] },
  lang: Lang,
) {
  if (!result.byConstruction) return null;
  const name = (i: IndicatorRow) => (lang === 'vi' ? i.name_vi : i.name_en);
  const smallest = result.byConstruction.smallestInputs.map((k) => indicators.inputs[k] as IndicatorRow);
  const largest = result.byConstruction.largestOutputs.map((k) => indicators.outputs[k] as IndicatorRow);
  return {
    smallest_inputs: smallest.map((i) => i.code),
    largest_outputs: largest.map((i) => i.code),
    note: byConstructionSentence(countryLabel(result.id, lang), smallest.map(name), largest.map(name), lang),
  };
}

function presentUnit(
  result: FrontierUnitResult,
  cells: Record<string, Cell>,
  indicators: { inputs: IndicatorRow[]; outputs: IndicatorRow[] },
  query: EfficiencyQuery,
  boot: BootstrapResult | null,
) {
  const drawn = boot?.scores.find((s) => s.id === result.id);
  const name = (i: IndicatorRow) => (query.lang === 'vi' ? i.name_vi : i.name_en);
  const gap = (i: IndicatorRow, raw: number): GapPart & { indicator: string; value: number; target: number } => {
    const value = cells[i.code]?.value as number;
    const target = cleanTarget(value, raw);
    // A share of an interval-scale score (zero arbitrary, e.g. WGI estimates) or of a value ≤ 0 means nothing.
    const share = value > 0 && i.scale !== 'score' ? target / value - 1 : null;
    return { indicator: i.code, name: name(i), value, target, change: target - value, share, decimals: i.decimals };
  };
  const inputs = indicators.inputs.map((i, k) => gap(i, result.targetInputs[k] as number));
  const outputs = indicators.outputs.map((i, k) => gap(i, result.targetOutputs[k] as number));
  return {
    iso3: result.id,
    country: countryLabel(result.id, query.lang),
    score: result.score,
    expansion: result.expansion,
    on_frontier: result.onFrontier,
    values: cells,
    years: yearsOf(cells),
    peers: result.peers.map((p) => ({ iso3: p.id, country: countryLabel(p.id, query.lang), weight: p.weight })),
    targets: [...inputs, ...outputs].map(({ indicator, value, target, change, share }) => ({
      indicator,
      role: indicators.inputs.some((i) => i.code === indicator) ? ('input' as const) : ('output' as const),
      value,
      target,
      change,
      change_share: share,
    })),
    summary: gapSentence(result.onFrontier, query.orientation, inputs, outputs, query.lang),
    super_efficiency: result.superEfficiency,
    efficient_by_construction: byConstructionOf(result, indicators, query.lang),
    jackknife: {
      low: result.jackknife.low,
      high: result.jackknife.high,
      most_influential: result.jackknife.mostInfluential,
    },
    bootstrap: drawn
      ? {
          bias_corrected: drawn.biasCorrected,
          bias: drawn.bias,
          standard_error: drawn.standardError,
          low: drawn.low,
          high: drawn.high,
          correct_bias: drawn.correctBias,
        }
      : null,
  };
}

/** The second stage regresses the bias-corrected scores: it needs the DEA bootstrap, and a known indicator. */
async function requireControl(db: Kysely<Database>, code: string, boot: BootstrapResult | null): Promise<IndicatorRow> {
  if (!boot)
    throw new Problem(
      400,
      'invalid_parameter',
      'control regresses the bias-corrected scores of the bootstrap: use method=dea-vrs or dea-crs with bootstrap above 0 (and the Node origin, which has the solvers).',
      { parameter: 'control' },
    );
  const [indicator] = await requireIndicators(db, [code], 'control');
  return indicator as IndicatorRow;
}

/** The solver, or 501 where this deployment has none (the Worker: HiGHS is over its size budget). */
async function solverFor(lpSolver: (() => Promise<LpSolver>) | undefined, method: EfficiencyMethod) {
  if (method === 'fdh') return undefined;
  if (!lpSolver) {
    throw new Problem(
      501,
      'not_implemented',
      'DEA needs an LP solver (HiGHS), which this deployment (the edge) does not carry. Use method=fdh here, or the Node origin for dea-crs and dea-vrs.',
      { parameter: 'method' },
    );
  }
  return lpSolver();
}

/**
 * With `max_age`, a country whose aligned values end more than `max_age` years before the latest
 * aligned country's is left out: an old window would be compared with new ones.
 */
function withinMaxAge(
  result: { found: Map<string, Record<string, Cell>>; leftOut: LeftOut[] },
  maxAge: number | undefined,
): { found: Map<string, Record<string, Cell>>; leftOut: LeftOut[] } {
  if (maxAge === undefined) return result;
  const lastYear = (cells: Record<string, Cell>) => Math.max(...Object.values(cells).map((c) => c.year));
  const newest = Math.max(...[...result.found.values()].map(lastYear));
  const found = new Map([...result.found].filter(([, cells]) => lastYear(cells) >= newest - maxAge));
  const old = [...result.found.keys()].filter((iso3) => !found.has(iso3));
  return {
    found,
    leftOut: [...result.leftOut, ...old.map((iso3) => ({ iso3, missing: [], reason: 'years_do_not_align' as const }))],
  };
}

/** A frontier needs at least two countries with every input and output: otherwise say who is left out and why. */
function requireTwoUnits(count: number, leftOut: LeftOut[], year: number | undefined): void {
  if (count < 2) {
    throw new Problem(
      422,
      'unsuitable_data',
      `${count === 0 ? 'No country has' : 'Only one country has'} a value for every input and output in this selection${year === undefined ? '' : ` in ${year}`}: a frontier needs at least two. Left out: ${leftOut.map((l) => `${l.iso3} (${l.reason === 'no_value' ? `no ${l.missing.join(', ')}` : 'its years do not align'})`).join('; ')}.`,
      { parameter: 'inputs', left_out: leftOut },
    );
  }
}

/**
 * Input–output efficiency of the countries in a selection: FDH or DEA scores, peers and their
 * weights, targets and gaps, leave-one-out ranges, what the frontier rests on, and who is left out.
 */
export async function efficiencyOf(
  db: Kysely<Database>,
  query: EfficiencyQuery,
  now?: Date,
  lpSolver?: () => Promise<LpSolver>,
  replicationSolver?: () => Promise<LpSolver>,
) {
  const selection = resolveSelection(query, now);
  const codes = [...query.inputs, ...query.outputs];
  const all = await requireIndicators(db, codes);
  const indicators = { inputs: all.slice(0, query.inputs.length), outputs: all.slice(query.inputs.length) };
  requireRoles(indicators.inputs, indicators.outputs);
  const vintage = await resolveVintage(db, query);
  const gap = query.year === undefined ? (query.max_gap ?? DEFAULT_MAX_GAP) : 0;
  const windowEnd = query.year === undefined ? query.windowEnd : undefined;
  const rows = await valuesFor(db, {
    indicatorCodes: codes,
    countries: selection.countries,
    year: query.year,
    ...(windowEnd === undefined ? {} : { from: windowEnd - gap, to: windowEnd }),
    datedOnly: true,
    vintage,
  });
  const asOfYear = query.year ?? windowEnd;
  const members = asOfYear === undefined ? selection.countries : selectionForYear(selection, asOfYear);
  const { found: cells, leftOut } = withinMaxAge(countryCells(members, codes, rows, query, selection), query.max_age);
  const units = unitsOf(query, cells);
  requireTwoUnits(units.length, leftOut, asOfYear);
  requirePositive(units, query);
  const solver = await solverFor(lpSolver, query.method);
  const frontier = efficiencyFrontier(units, { method: query.method, orientation: query.orientation, solver });
  const boot = await bootstrapOf(
    units,
    new Map(frontier.units.map((r) => [r.id, r.score])),
    query,
    replicationSolver && query.method !== 'fdh' && query.bootstrap ? await replicationSolver() : undefined,
  );
  const scores = frontier.units
    .map((r) => presentUnit(r, cells.get(r.id) ?? {}, indicators, query, boot))
    .sort((a, b) => b.score - a.score || a.iso3.localeCompare(b.iso3));
  const secondStage = query.control
    ? await secondStageOf(db, {
        control: await requireControl(db, query.control, boot),
        scores,
        maxGap: gap,
        vintage,
        lang: query.lang,
      })
    : null;
  const provenance = await provenanceFor(
    db,
    [...cells.values()].flatMap((c) => Object.values(c).map((cell) => cell.release)),
  );
  return {
    inputs: indicators.inputs.map(presentIndicator),
    outputs: indicators.outputs.map(presentIndicator),
    selection,
    vintage: describeVintage(vintage),
    year: query.year ?? null,
    latest: query.year === undefined && windowEnd === undefined,
    max_age: query.max_age ?? null,
    max_gap: gap,
    years_used: yearsUsedSentence(
      gap,
      scores.map((s) => ({ name: s.country, ...s.years })),
      query.lang,
    ),
    method: query.method,
    orientation: query.orientation,
    lang: query.lang,
    description: methodSentence(query.method, query.orientation, query.lang),
    countries: units.length,
    frontier: {
      countries: frontier.frontier,
      // Frontier countries that are not there by construction, best first by super-efficiency.
      models: scores
        .filter((s) => s.on_frontier && s.efficient_by_construction === null)
        .sort(
          (a, b) => (b.super_efficiency ?? Infinity) - (a.super_efficiency ?? Infinity) || a.iso3.localeCompare(b.iso3),
        )
        .map((s) => s.iso3),
      rests_on: frontier.restsOn,
      rests_on_count: frontier.restsOn.length,
    },
    robustness: {
      minimum_countries: frontier.minimumUnits,
      small_sample: frontier.smallSample,
      warning: smallSampleWarning(units.length, frontier.minimumUnits, codes.length, query.lang),
      jackknife: JACKKNIFE_NOTE[query.lang],
      bootstrap: presentBootstrap(boot, query.lang),
    },
    scores,
    second_stage: secondStage,
    left_out: leftOut.map((l) => ({ ...l, country: countryLabel(l.iso3, query.lang) })),
    ...provenance,
  };
}

export type EfficiencyResult = Awaited<ReturnType<typeof efficiencyOf>>;

/** The scores as one flat table (CSV, workbook): a row per scored country, then the countries left out. */
export function efficiencyTable(result: EfficiencyResult): Table {
  const codes = [...result.inputs, ...result.outputs].map((i) => i.code);
  const header = [
    'iso3',
    'country',
    'score',
    'expansion',
    'on_frontier',
    'jackknife_low',
    'jackknife_high',
    'peers',
    ...codes.flatMap((code) => [code, `${code}_year`, `${code}_target`, `${code}_change`]),
    'missing',
  ];
  const scored = result.scores.map((s) => [
    s.iso3,
    s.country,
    s.score,
    s.expansion ?? '',
    s.on_frontier,
    s.jackknife.low,
    s.jackknife.high,
    s.peers.map((p) => `${p.iso3}:${p.weight}`).join(' '),
    ...codes.flatMap((code) => {
      const target = s.targets.find((t) => t.indicator === code);
      return [s.values[code]?.value ?? '', s.values[code]?.year ?? '', target?.target ?? '', target?.change ?? ''];
    }),
    '',
  ]);
  const leftOut = result.left_out.map((l) => [
    l.iso3,
    l.country,
    ...new Array<string>(header.length - 3).fill(''),
    l.missing.join(' '),
  ]);
  const name = `efficiency-${result.method}-${result.orientation}`;
  return {
    name,
    header,
    rows: [...scored, ...leftOut],
    provenance: { sources: result.sources, releases: result.releases },
  };
}
