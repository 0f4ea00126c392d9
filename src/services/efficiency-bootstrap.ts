import { LRUCache } from 'lru-cache';
import type { Lang } from '../charts/locale.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { type BootstrapResult, bootstrapSteps, DEFAULT_BOOTSTRAP_SEED } from '../domain/efficiency/bootstrap.ts';
import { deaRadialFactor } from '../domain/efficiency/dea.ts';
import { type LpSolver, SolverFailure } from '../domain/efficiency/linear-program.ts';
import type { EfficiencyMethod, Orientation, ProductionUnit } from '../domain/efficiency/types.ts';
import { bootstrapSentence } from './efficiency-text.ts';

/** What the bootstrap needs of the efficiency query. */
export interface BootstrapQuery {
  method: EfficiencyMethod;
  orientation: Orientation;
  bootstrap?: number;
  seed?: number;
  bootstrapFor?: string[];
}

const countryLabel = (iso3: string, lang: Lang) => {
  const country = countryByIso3(iso3);
  return country ? (lang === 'vi' ? country.nameVi : country.nameEn) : iso3;
};

/**
 * Simar–Wilson intervals for a DEA frontier, with `replicationSolver` (a fast LP solver: the
 * replications are thousands of small programmes); null for FDH, with `bootstrap=0`, or where no
 * such solver is wired. A replication the solver fails on is left out of that country's draws.
 * Between steps of replications the event loop runs other requests: a bootstrap no longer holds up
 * every request behind it (a soak saw p99 of 8.5 s while bootstraps ran whole).
 */
export async function bootstrapOf(
  units: ProductionUnit[],
  scores: Map<string, number>,
  query: BootstrapQuery,
  replicationSolver: LpSolver | undefined,
): Promise<BootstrapResult | null> {
  if (query.method === 'fdh' || !replicationSolver || !query.bootstrap) return null;
  // A brief's country that is not scored (no wage bill, say) has nothing to bootstrap.
  if (query.bootstrapFor && !units.some((u) => query.bootstrapFor?.includes(u.id))) return null;
  // The same data drawn the same way gives the same result: a frontier chart in another language,
  // width or format, or the answer behind it, reuses it instead of solving 28,000 programmes again.
  const key = JSON.stringify([units, query.method, query.orientation, query.bootstrap, query.seed, query.bootstrapFor]);
  const known = computed.get(key);
  if (known) return known;
  const result = await drawBootstrap(units, scores, { ...query, bootstrap: query.bootstrap }, replicationSolver);
  computed.set(key, result);
  return result;
}

/**
 * Bootstraps computed lately, by their data and drawing options: a few KiB each with the key, so
 * 256 of them stay around a MiB.
 */
const computed = new LRUCache<string, BootstrapResult>({ max: 256 });

async function drawBootstrap(
  units: ProductionUnit[],
  scores: Map<string, number>,
  query: BootstrapQuery & { bootstrap: number },
  replicationSolver: LpSolver,
): Promise<BootstrapResult> {
  const rts = query.method === 'dea-crs' ? 'crs' : 'vrs';
  const orientation = query.orientation;
  const scoreAgainst = (unit: ProductionUnit, reference: readonly ProductionUnit[]) => {
    try {
      const { radial } = deaRadialFactor(replicationSolver, unit, reference, orientation, rts);
      return orientation === 'input' ? radial : 1 / radial;
    } catch (error) {
      if (error instanceof SolverFailure) return Number.NaN;
      throw error;
    }
  };
  const steps = bootstrapSteps(
    units,
    units.map((u) => scores.get(u.id) as number),
    scoreAgainst,
    {
      orientation,
      replications: query.bootstrap,
      seed: query.seed ?? DEFAULT_BOOTSTRAP_SEED,
      alpha: 0.05,
      ...(query.bootstrapFor ? { only: new Set(query.bootstrapFor) } : {}),
    },
  );
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurnOfTheLoop();
  }
}

/** Lets pending I/O and other requests run: setImmediate on Node, a zero timeout elsewhere. */
const nextTurnOfTheLoop = () =>
  new Promise<void>((resolve) => {
    if (typeof globalThis.setImmediate === 'function') globalThis.setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** The bootstrap as the answer states it: how it was drawn, and its sentence. */
export function presentBootstrap(boot: BootstrapResult | null, lang: Lang) {
  if (!boot || boot.scores.length === 0) return null;
  const widths = boot.scores.map((s) => ({ id: s.id, width: s.high - s.low }));
  const widest = widths.reduce((a, b) => (b.width > a.width ? b : a));
  return {
    method: 'simar-wilson-1998',
    replications: boot.replications,
    seed: boot.seed,
    confidence: 1 - boot.alpha,
    bandwidth: boot.bandwidth,
    sentence: bootstrapSentence(
      {
        replications: boot.replications,
        seed: boot.seed,
        meanWidth: widths.reduce((s, w) => s + w.width, 0) / widths.length,
        widest: { name: countryLabel(widest.id, lang), width: widest.width },
      },
      lang,
    ),
  };
}
