import { formatNumber, type Lang } from '../charts/locale.ts';
import { DEFAULT_BOOTSTRAP_REPLICATIONS } from '../domain/efficiency/bootstrap.ts';
import type { BriefNumber, BriefProductivity, BriefRank } from '../documents/brief-model.ts';
import { Problem } from '../errors.ts';
import { type BriefDeps, type BriefQuery, peerParams, url } from './brief-request.ts';
import { briefWords, num } from './brief-text.ts';
import { efficiencyOf } from './efficiency.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';

/** The productivity frontier of a brief: wage bill in, government effectiveness and e-government out. */
export const BRIEF_EFFICIENCY = {
  inputs: ['BI.WAG.TOTL.GD.ZS'],
  outputs: ['GE.EST', 'EGDI'],
  method: 'dea-vrs',
  orientation: 'input',
} as const;

/** The /v1/efficiency call behind a brief's productivity answer, and what it asks. */
function productivityRequest(q: BriefQuery) {
  const e = BRIEF_EFFICIENCY;
  const api = url('/v1/efficiency', {
    inputs: e.inputs.join(','),
    outputs: e.outputs.join(','),
    ...peerParams(q),
    ...(q.year === undefined ? { latest: 'true', max_age: q.max_age } : { year: q.year }),
    method: e.method,
    orientation: e.orientation,
    lang: q.lang,
  });
  return { api, inputs: [...e.inputs], outputs: [...e.outputs], method: e.method, orientation: e.orientation };
}

/** No score for this country, and why. */
function noProductivity(base: ReturnType<typeof productivityRequest>, why: string): BriefProductivity {
  return {
    ...base,
    description: '',
    score: null,
    rank: null,
    peers: [],
    targets: [],
    sentence: null,
    peers_sentence: null,
    summary: null,
    unavailable: why,
    warning: null,
    notes: [],
  };
}

type EfficiencyResult = Awaited<ReturnType<typeof efficiencyOf>>;
type EfficiencyScore = EfficiencyResult['scores'][number];

/** The country's efficiency score as a brief number: the year and releases of the values behind it. */
function efficiencyScoreNumber(own: EfficiencyScore, iso3: string, of: number, api: string, lang: Lang): BriefRank {
  const codes = [...BRIEF_EFFICIENCY.inputs, ...BRIEF_EFFICIENCY.outputs];
  const cells = codes.map((c) => own.values[c]);
  const years = cells.map((c) => c?.year ?? 0);
  return {
    value: own.score,
    text: num(own.score, 3, lang),
    indicator: codes.join(','),
    year: Math.max(...years),
    release: [...new Set(cells.map((c) => c?.release ?? ''))].join(','),
    api,
    field: `scores[iso3=${iso3}].score`,
    of,
  };
}

/** The country's value and target on each input and output, as brief numbers. */
function efficiencyTargets(own: EfficiencyScore, iso3: string, api: string, lang: Lang): BriefProductivity['targets'] {
  return own.targets.map((t) => {
    const cell = own.values[t.indicator];
    const make = (value: number, key: string): BriefNumber => ({
      value,
      text: num(value, 2, lang),
      indicator: t.indicator,
      year: cell?.year ?? 0,
      release: cell?.release ?? '',
      api,
      field: `scores[iso3=${iso3}].targets[indicator=${t.indicator}].${key}`,
    });
    return {
      indicator: t.indicator,
      role: t.role,
      value: make(t.value, 'value'),
      target: make(t.target, 'target'),
    };
  });
}

/** The efficiency frontier's answer for this country, or why there is none. */
export async function productivityOf(
  deps: BriefDeps,
  iso3: string,
  q: BriefQuery,
  lpSolver: (() => Promise<LpSolver>) | undefined,
  now: Date,
  releaseIds: Set<string>,
  apis: Set<string>,
): Promise<BriefProductivity> {
  const w = briefWords(q.lang);
  const base = productivityRequest(q);
  const { api } = base;
  try {
    const result = await efficiencyOf(
      deps.db,
      {
        inputs: [...base.inputs],
        outputs: [...base.outputs],
        method: base.method,
        orientation: base.orientation,
        lang: q.lang,
        group: q.group,
        countries: q.countries,
        year: q.year,
        max_age: q.max_age,
        // The country's own interval only: the same numbers as the API's, one programme per replication.
        bootstrap: DEFAULT_BOOTSTRAP_REPLICATIONS,
        bootstrapFor: [iso3],
      },
      now,
      lpSolver,
      deps.replicationLpSolver,
    );
    apis.add(api);
    for (const r of result.releases) releaseIds.add(r.id);
    const index = result.scores.findIndex((s) => s.iso3 === iso3);
    const own = result.scores[index];
    const warning = result.robustness.warning;
    if (!own) {
      const left = result.left_out.find((l) => l.iso3 === iso3);
      return {
        ...noProductivity(base, w.efficiencyLeftOut(left?.missing.join(', ') ?? '')),
        description: result.description,
        warning,
      };
    }
    const scoreNumber = efficiencyScoreNumber(own, iso3, result.scores.length, api, q.lang);
    return {
      ...base,
      description: result.description,
      score: scoreNumber,
      rank: index + 1,
      peers: own.peers,
      targets: efficiencyTargets(own, iso3, api, q.lang),
      sentence: w.efficiencyLine(scoreNumber.text, index + 1, result.scores.length),
      peers_sentence: own.peers.length > 0 ? w.efficiencyPeers(own.peers.map((p) => p.country).join(', ')) : null,
      summary: own.summary,
      unavailable: null,
      warning,
      notes: [
        result.years_used,
        ...(own.bootstrap
          ? [
              w.efficiencyInterval(
                formatNumber(own.bootstrap.low, 2, q.lang),
                formatNumber(own.bootstrap.high, 2, q.lang),
                formatNumber(own.bootstrap.bias_corrected, 2, q.lang),
              ),
            ]
          : []),
        ...result.scores
          .filter((s) => (s.iso3 === iso3 || own.peers.some((p) => p.iso3 === s.iso3)) && s.efficient_by_construction)
          .map((s) => s.efficient_by_construction?.note as string),
      ],
    };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return noProductivity(base, w.efficiencyUnavailable(error.message));
  }
}
