import type { Orientation, ProductionUnit } from './types.ts';

/**
 * The smoothed bootstrap of Simar and Wilson (1998, "Sensitivity analysis of efficiency scores: how
 * to bootstrap in nonparametric frontier models", Management Science 44(1)) for radial DEA scores,
 * with the interval of Simar and Wilson (2000, Journal of Applied Statistics 27(6)).
 *
 * Everything is done on the distance d = 1/score ≥ 1 (Shephard's input distance under input
 * orientation, Farrell's output expansion φ under output orientation). Each replication:
 *   1. draws n distances from the estimates d̂ and their reflections 2 − d̂, adds normal noise of
 *      bandwidth h, rescales the draw to the reflected sample's variance and reflects back above 1;
 *   2. puts each unit at that distance from its own projection on the estimated frontier (inputs
 *      scaled under input orientation, outputs under output orientation: the other side is kept);
 *   3. scores every original unit against these pseudo units.
 * From the B replications: bias = mean(d*) − d̂, bias-corrected d = d̂ − bias, and the (1 − α)
 * interval [d̂ − q(1 − α/2), d̂ − q(α/2)] of the differences d* − d̂; each turned back into a score.
 * Seeded, in plain JavaScript: the same seed gives the same answer on any runtime.
 */
/** Simar and Wilson's B for intervals, and the seed a request gets unless it names one. */
export const DEFAULT_BOOTSTRAP_REPLICATIONS = 2000;
export const DEFAULT_BOOTSTRAP_SEED = 20261207;

export interface BootstrapOptions {
  orientation: Orientation;
  /** Replications B (Simar and Wilson use 2,000 for intervals). */
  replications: number;
  /** Seed of the pseudo-random draws. */
  seed: number;
  /** 0.05 for 95 % intervals. */
  alpha: number;
  /**
   * Score only these units (default: all). The draws do not depend on it, so a unit's interval is
   * the same whether it is bootstrapped alone or with the others: one programme per replication.
   */
  only?: ReadonlySet<string>;
}

export interface BootstrapScore {
  id: string;
  /** The score as estimated (in (0, 1]). */
  score: number;
  /** The score with the bootstrap estimate of its bias removed. */
  biasCorrected: number;
  /** Estimated bias of the score (score − bias-corrected score): the frontier is estimated too close. */
  bias: number;
  /**
   * Standard error of the score: that of the distance, carried to the score's scale (divided by d̂²);
   * the bootstrap scores themselves can exceed 1 by far when a pseudo frontier falls short of a unit.
   */
  standardError: number;
  /** The (1 − α) interval of the true score. */
  low: number;
  high: number;
  /** Simar and Wilson (2000): correct for bias only when it is large against the noise (bias² > var / 3). */
  correctBias: boolean;
}

export interface BootstrapResult {
  scores: BootstrapScore[];
  /** The smoothing bandwidth h, on the distance scale. */
  bandwidth: number;
  replications: number;
  seed: number;
  alpha: number;
}

/** Scores `unit` (in (0, ∞): above 1 when the reference set is worse than the unit) against a reference set. */
export type ScoreAgainst = (unit: ProductionUnit, reference: readonly ProductionUnit[]) => number;

/** mulberry32: a small, fast generator whose sequence is fixed by its 32-bit seed. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a uniform generator (both values of each pair used). */
function normalFrom(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - uniform(); // in (0, 1]: log(u) is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/** The q-quantile of sorted values, linearly interpolated (R's type 7, the default of `quantile`). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  return low + ((sorted[above] as number) - low) * (position - below);
}

/**
 * The bandwidth: Silverman's normal-reference rule h = 0.9 · min(σ, IQR / 1.34) · N^(−1/5) on the
 * distances of the units off the frontier reflected about 1 (N = 2m points), as Simar and Wilson
 * (2008, "Statistical inference in nonparametric frontier models", §4.3) advise: the units at
 * exactly 1 are a mass point the density has not, and would shrink h to nothing.
 */
export function reflectedBandwidth(distances: readonly number[]): number {
  const off = distances.filter((d) => d > 1 + 1e-9);
  if (off.length < 2) return 0;
  const reflected = [...off, ...off.map((d) => 2 - d)].sort((a, b) => a - b);
  const sigma = Math.sqrt(variance(reflected));
  const iqr = quantileSorted(reflected, 0.75) - quantileSorted(reflected, 0.25);
  const spread = iqr > 0 ? Math.min(sigma, iqr / 1.34) : sigma;
  return 0.9 * spread * reflected.length ** -0.2;
}

/** A unit moved to distance `d` from its frontier projection, the other side kept. */
function pseudoUnit(unit: ProductionUnit, estimated: number, d: number, orientation: Orientation): ProductionUnit {
  const factor = d / estimated;
  return orientation === 'input'
    ? { id: unit.id, inputs: unit.inputs.map((x) => x * factor), outputs: unit.outputs }
    : { id: unit.id, inputs: unit.inputs, outputs: unit.outputs.map((y) => y / factor) };
}

/**
 * One replication's n pseudo distances (Simar and Wilson 2000, §4): drawn with replacement from the
 * estimates and their reflections 2 − d̂ (a sample symmetric about 1), smoothed by h, rescaled about
 * the draw's mean to the reflected sample's variance, and reflected back above 1. Rescaling the
 * symmetric sample, not the estimates alone, keeps the draws reaching the frontier: about their
 * own mean (near 1.5 here) the smallest distances would be pushed away from 1, every pseudo
 * frontier would fall short of the estimated one, and the intervals would sit too low.
 */
function drawDistances(
  reflected: readonly number[],
  n: number,
  h: number,
  sigma2: number,
  uniform: () => number,
  normal: () => number,
): number[] {
  const picked = Array.from({ length: n }, () => reflected[Math.floor(uniform() * reflected.length)] as number);
  const average = mean(picked);
  const scale = sigma2 > 0 ? 1 / Math.sqrt(1 + (h * h) / sigma2) : 1;
  return picked.map((beta) => {
    const rescaled = average + scale * (beta + h * normal() - average);
    return rescaled < 1 ? 2 - rescaled : rescaled;
  });
}

/** Simar–Wilson bootstrap of the scores `scores` of `units` (same order), scored again by `scoreAgainst`. */
export function bootstrapEfficiency(
  units: readonly ProductionUnit[],
  scores: readonly number[],
  scoreAgainst: ScoreAgainst,
  options: BootstrapOptions,
): BootstrapResult {
  const steps = bootstrapSteps(units, scores, scoreAgainst, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Replications between two pauses of `bootstrapSteps`: about 40 ms of work for 14 countries. */
export const REPLICATIONS_PER_STEP = 100;

/**
 * The same bootstrap in steps: it pauses (yields the replications done) after every
 * REPLICATIONS_PER_STEP, so a server can answer other requests between steps instead of
 * stalling all of them for the whole bootstrap (0.8 s for 13 countries). Returns the result.
 */
export function* bootstrapSteps(
  units: readonly ProductionUnit[],
  scores: readonly number[],
  scoreAgainst: ScoreAgainst,
  options: BootstrapOptions,
): Generator<number, BootstrapResult> {
  const n = units.length;
  const estimated = scores.map((s) => 1 / s);
  const h = reflectedBandwidth(estimated);
  const reflected = [...estimated, ...estimated.map((d) => 2 - d)];
  const sigma2 = n > 1 ? variance(reflected) : 0;
  const uniform = seededUniform(options.seed);
  const normal = normalFrom(uniform);
  const scored = units.flatMap((u, i) => (options.only && !options.only.has(u.id) ? [] : [i]));
  const draws: number[][] = units.map(() => new Array<number>(options.replications));
  for (let b = 0; b < options.replications; b++) {
    const distances = drawDistances(reflected, n, h, sigma2, uniform, normal);
    const pseudo = units.map((u, i) =>
      pseudoUnit(u, estimated[i] as number, distances[i] as number, options.orientation),
    );
    for (const i of scored) (draws[i] as number[])[b] = 1 / scoreAgainst(units[i] as ProductionUnit, pseudo);
    if ((b + 1) % REPLICATIONS_PER_STEP === 0 && b + 1 < options.replications) yield b + 1;
  }
  return {
    scores: scored.map((i) =>
      summarise((units[i] as ProductionUnit).id, estimated[i] as number, draws[i] as number[], options.alpha),
    ),
    bandwidth: h,
    replications: options.replications,
    seed: options.seed,
    alpha: options.alpha,
  };
}

/**
 * Bias, bias-corrected score and interval of one unit from its bootstrap distances (a replication
 * the solver failed on is NaN and left out).
 */
function summarise(id: string, estimated: number, all: number[], alpha: number): BootstrapScore {
  const draws = all.filter((d) => Number.isFinite(d));
  const bias = mean(draws) - estimated;
  const corrected = estimated - bias;
  const differences = draws.map((d) => d - estimated).sort((a, b) => a - b);
  const upperDistance = estimated - quantileSorted(differences, alpha / 2);
  const lowerDistance = estimated - quantileSorted(differences, 1 - alpha / 2);
  const score = 1 / estimated;
  return {
    id,
    score,
    biasCorrected: 1 / corrected,
    bias: score - 1 / corrected,
    standardError: Math.sqrt(variance(draws)) / (estimated * estimated),
    low: 1 / upperDistance,
    high: 1 / lowerDistance,
    correctBias: bias * bias > variance(draws) / 3,
  };
}
