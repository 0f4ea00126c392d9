import type { Lang } from '../charts/locale.ts';
import type { IndicatorRow } from '../db/schema.ts';
import type { BriefIndicator, BriefRank } from '../documents/brief-model.ts';
import { minMax } from '../domain/normalise.ts';
import { shortName } from '../domain/short-name.ts';
import { THEME_NAMES, type Theme } from '../domain/themes.ts';
import { type BriefContext, type ProfileEntry, url } from './brief-request.ts';
import { type briefWords, num } from './brief-text.ts';
import { countryLabel } from './presenters.ts';
import { rankingOf } from './ranking.ts';

/**
 * A headline indicator of the brief: the profile's value, rank, median and best, every peer's
 * score in /v1/rankings, the trend since the base year, and its sentence.
 */

/** A headline indicator: the profile's value, rank, median and best, and the country's score in the ranking. */
export async function presentIndicator(ctx: BriefContext, e: ProfileEntry): Promise<BriefIndicator> {
  const { deps, iso3, indicators, number, at, lang } = ctx;
  const row = indicators.get(e.indicator) as IndicatorRow;
  const ranking = await rankingOf(deps.db, { indicator: e.indicator, ...ctx.rankSelection, year: e.year }, ctx.now);
  for (const id of ranking.releaseIds) ctx.releaseIds.add(id);
  const own = ranking.ranking.find((r) => r.iso3 === iso3);
  const rApi = url('/v1/rankings', { indicator: e.indicator, ...ctx.rankPeers, year: e.year });
  if (own) ctx.apis.add(rApi);
  const rank: BriefRank | null =
    e.rank === null ? null : { ...number(e, e.rank, at(e, 'rank')), text: String(e.rank), of: e.peers_reporting };
  const median = e.group_median === null ? null : number(e, e.group_median, at(e, 'group_median'));
  const best = e.frontier ? { ...number(e, e.frontier.value, at(e, 'frontier.value')), iso3: e.frontier.iso3 } : null;
  const toMedian = e.group_median === null ? null : number(e, e.value - e.group_median, 'value - group_median');
  const toBest =
    e.distance_to_frontier === null ? null : number(e, e.distance_to_frontier, at(e, 'distance_to_frontier'));
  const score =
    own?.score === null || own === undefined ? null : number(e, own.score, `ranking[iso3=${iso3}].score`, rApi);
  if (score) score.text = num(score.value, 1, lang);
  const peerScores = ranking.ranking.flatMap((r) => (r.score === null ? [] : [{ iso3: r.iso3, score: r.score }]));
  return {
    indicator: e.indicator,
    name: e.name,
    theme: e.theme as Theme,
    unit: e.unit,
    direction: e.direction,
    decimals: row.decimals,
    value: number(e, e.value, at(e, 'value')),
    rank,
    median,
    best,
    distance_to_median: toMedian,
    distance_to_best: toBest,
    score,
    ranking_api: rApi,
    peers_reporting: e.peers_reporting,
    peers_without_data: e.peers_without_data,
    sentence: '',
    // In Vietnamese, CivScope's translation where the metadata has one; else the source's English.
    caveats: (lang === 'vi' ? row.caveats_vi : null) ?? row.caveats ?? [],
    short_name: shortName(e.name),
    peer_scores: peerScores,
    median_score: medianScore(ranking.ranking, e.group_median, e.direction),
    world: null,
    trend: trendOf(ctx, e),
  };
}

/** The group median on the peers' 0–100 min-max scale (the ranking's own formula), or null for a neutral measure. */
function medianScore(
  rows: readonly { value: number }[],
  median: number | null,
  direction: 'higher' | 'lower' | null,
): number | null {
  if (median === null || direction === null || rows.length === 0) return null;
  return minMax([...rows.map((r) => r.value), median], direction).at(-1) ?? null;
}

/** The value in the base year (or the latest before it) and the change since, when there is an earlier value. */
function trendOf(ctx: BriefContext, e: ProfileEntry): BriefIndicator['trend'] {
  const then = ctx.sinceProfile.indicators.find((x) => x.indicator === e.indicator);
  if (!then || then.year >= e.year) return null;
  ctx.apis.add(ctx.sinceApi);
  for (const id of ctx.sinceProfile.releaseIds) ctx.releaseIds.add(id);
  return {
    from: ctx.number(then, then.value, ctx.at(then, 'value'), ctx.sinceApi),
    change: {
      ...ctx.number(e, e.value - then.value, `value(${ctx.profileApi}) - value(${ctx.sinceApi})`),
      release: [...new Set([e.release, then.release])].join(','),
    },
  };
}

/** The sentence of a headline: its rank, its distance to the median and to the best (or, neutral, its value and the median). */
export function sentenceOf(i: BriefIndicator, w: ReturnType<typeof briefWords>, lang: Lang): string {
  const median =
    i.distance_to_median === null
      ? ''
      : i.distance_to_median.value === 0
        ? w.atMedian
        : i.distance_to_median.value > 0
          ? w.aboveMedian(num(Math.abs(i.distance_to_median.value), i.decimals, lang))
          : w.belowMedian(num(Math.abs(i.distance_to_median.value), i.decimals, lang));
  const themeName = THEME_NAMES[i.theme][lang];
  if (!i.rank || !i.best || !i.distance_to_best) {
    return w.themeNeutral(themeName, i.name, i.value.year, i.value.text, i.median?.text ?? '–');
  }
  const bestText =
    i.distance_to_best.value === 0
      ? w.isBest
      : w.behindBest(
          num(i.distance_to_best.value, i.decimals, lang),
          i.best.iso3.map((c) => countryLabel(c, lang)).join(', '),
        );
  const rank = `${w.rankPhrase(i.rank.value, i.rank.of)}${i.direction === 'lower' ? ` ${w.lowerIsBetter}` : ''}`;
  return w.themeLine(themeName, i.name, i.value.year, rank, median, bestText);
}
