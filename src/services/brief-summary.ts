import type { BriefChange, BriefHighlight, BriefIndicator, BriefRank } from '../documents/brief-model.ts';
import { MIN_PEERS_FOR_HIGHLIGHT, type ProfileEntry, type SummaryContext } from './brief-request.ts';
import { num } from './brief-text.ts';

/**
 * The three clearest strengths and gaps among the headlines: normalised distance to the group
 * median, (value − median) ÷ (max − min) × 100, positive = better (see `strengthRule`).
 */
export function highlightsOf(headlines: BriefIndicator[], ctx: SummaryContext) {
  const { usableEntries, number, w, lang } = ctx;
  const candidates = headlines.flatMap((h) => {
    const e = usableEntries.find((x) => x.indicator === h.indicator) as ProfileEntry;
    if (h.direction === null || h.peers_reporting < MIN_PEERS_FOR_HIGHLIGHT) return [];
    if (e.group_max === null || e.group_min === null || e.group_median === null || e.group_max === e.group_min)
      return [];
    const sign = h.direction === 'higher' ? 1 : -1;
    const distance = (sign * (e.value - e.group_median) * 100) / (e.group_max - e.group_min);
    const normalised = {
      ...number(
        e,
        distance,
        `${h.direction === 'higher' ? '' : '-'}(value - group_median) / (group_max - group_min) * 100`,
      ),
      text: num(distance, 0, lang),
    };
    const highlight: BriefHighlight = {
      indicator: h.indicator,
      name: h.name,
      theme: h.theme,
      normalised_distance: normalised,
      rank: h.rank,
      sentence: w.highlight(
        h.name,
        h.value.year,
        `${distance > 0 ? '+' : ''}${normalised.text}`,
        h.rank ? w.rankPhrase(h.rank.value, h.rank.of) : '',
      ),
    };
    return [{ highlight, peers: h.peers_reporting }];
  });
  const byDistance = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    b.highlight.normalised_distance.value - a.highlight.normalised_distance.value || b.peers - a.peers;
  // A middle rank is neither: a strength ranks in the top third of the reporting peers, a gap in the bottom third.
  const third = (c: (typeof candidates)[number]) => Math.ceil((c.highlight.rank?.of ?? 0) / 3);
  const strengths = candidates
    .filter((c) => c.highlight.normalised_distance.value > 0 && (c.highlight.rank?.value ?? Infinity) <= third(c))
    .sort(byDistance)
    .slice(0, 3)
    .map((c) => c.highlight);
  const gaps = candidates
    .filter(
      (c) =>
        c.highlight.normalised_distance.value < 0 &&
        (c.highlight.rank?.value ?? -Infinity) > (c.highlight.rank?.of ?? 0) - third(c),
    )
    .sort((a, b) => -byDistance(a, b) || b.peers - a.peers)
    .slice(0, 3)
    .map((c) => c.highlight);

  return { strengths, gaps };
}

/** The three largest changes since the base year among the headlines, as a share of the group's current range. */
export function changesOf(headlines: BriefIndicator[], ctx: SummaryContext): BriefChange[] {
  const { usableEntries, sinceProfile, number, at, w, profileApi, sinceApi, apis, releaseIds } = ctx;
  return headlines
    .flatMap((h): BriefChange[] => {
      const then = sinceProfile.indicators.find((e) => e.indicator === h.indicator);
      const nowEntry = usableEntries.find((e) => e.indicator === h.indicator) as ProfileEntry;
      if (!then || h.direction === null || then.year >= nowEntry.year) return [];
      if (h.peers_reporting < MIN_PEERS_FOR_HIGHLIGHT) return [];
      if (nowEntry.group_max === null || nowEntry.group_min === null || nowEntry.group_max === nowEntry.group_min)
        return [];
      apis.add(sinceApi);
      for (const id of sinceProfile.releaseIds) releaseIds.add(id);
      const sign = h.direction === 'higher' ? 1 : -1;
      const delta = nowEntry.value - then.value;
      const from = number(then, then.value, at(then, 'value'), sinceApi);
      const to = h.value;
      const rankFrom: BriefRank | null =
        then.rank === null
          ? null
          : {
              ...number(then, then.rank, at(then, 'rank'), sinceApi),
              text: String(then.rank),
              of: then.peers_reporting,
            };
      const rankText =
        rankFrom && h.rank
          ? w.rankMove(w.rankShort(rankFrom.value, rankFrom.of), w.rankShort(h.rank.value, h.rank.of))
          : '';
      return [
        {
          indicator: h.indicator,
          name: h.name,
          theme: h.theme,
          from,
          to,
          change: {
            ...number(nowEntry, delta, `value(${profileApi}) - value(${sinceApi})`),
            release: [...new Set([nowEntry.release, then.release])].join(','),
          },
          normalised_change: (sign * delta * 100) / (nowEntry.group_max - nowEntry.group_min),
          rank_from: rankFrom,
          rank_to: h.rank,
          sentence: w.changeLine(h.name, from.text, then.year, to.text, nowEntry.year, rankText),
        },
      ];
    })
    .sort((a, b) => Math.abs(b.normalised_change) - Math.abs(a.normalised_change))
    .slice(0, 3);
}
