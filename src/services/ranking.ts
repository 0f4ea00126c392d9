import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { usable } from '../domain/usable.ts';
import { countryByIso3 } from '../domain/countries.ts';
import { directionOf } from '../domain/direction.ts';
import { minMax } from '../domain/normalise.ts';
import { coverageOf, rankCountries } from '../domain/rank.ts';
import { groupMedian } from '../domain/stats.ts';
import { isYesNo, tallyOf } from '../domain/yes-no.ts';
import type { RankingsParams } from '../http/analysis-params.ts';
import { type CrossSectionQuery, readCrossSection } from './cross-section.ts';
import { requireIndicator } from './require-indicator.ts';
import { searchedGapsOf } from '../repositories/searched-gaps.ts';
import { resolveSelection } from './selection.ts';

/** A ranking: the indicator of /v1/rankings over a cross-section (the table format and language are the route's). */
export type RankingQuery = CrossSectionQuery & Pick<RankingsParams, 'indicator'>;

/** One indicator's countries best first, with ties, scores, the median and coverage. */
export async function rankingOf(db: Kysely<Database>, query: RankingQuery, now?: Date) {
  const selection = resolveSelection(query, now);
  // The indicator and its values in one round trip; an unknown code still answers 404 from
  // requireIndicator, its empty cross-section unused.
  const [indicator, { vintage, values, members }] = await Promise.all([
    requireIndicator(db, query.indicator),
    readCrossSection(db, query, selection, [query.indicator]),
  ]);
  const rows = values.get(indicator.code) ?? [];
  const searched = await searchedGapsOf(db, [indicator.code], vintage);
  const computable = rows.filter(usable);
  // An indicator with no better direction (a wage bill, an employment share) is listed highest
  // first, and `rank` is only the position in that order: no direction and no "100 = best" score.
  // A yes/no indicator lists its yes answers first but ranks, scores and averages nothing.
  const yesNo = isYesNo(indicator);
  const neutral = indicator.higher_is_better === null || yesNo;
  const direction = directionOf(indicator.higher_is_better);
  const ranked = rankCountries(computable, direction);
  // Min-max 0–100 within the ranked set (100 = best); null when all values are equal.
  const scores = neutral
    ? []
    : minMax(
        ranked.map((r) => r.item.value),
        direction,
      );
  const ranking = ranked.map(({ item, rank }, i) => ({
    rank: yesNo ? null : rank,
    iso3: item.iso3,
    country: countryByIso3(item.iso3)?.nameEn ?? item.iso3,
    value: item.value,
    year: item.year,
    score: scores[i] ?? null,
    tied: !yesNo && ranked.filter((r) => r.rank === rank).length > 1,
    flag: item.flag,
    // The value's own note (for a policy figure, the legal text it comes from), in both languages.
    note: item.note,
    note_vi: item.note_vi,
    reference_url: item.reference_url,
    release: item.release_id,
  }));
  const coverage = coverageOf(
    members,
    computable.map((r) => r.iso3),
  );
  const missing = new Set(coverage.missing);
  return {
    indicator,
    selection,
    vintage,
    year: query.year ?? null,
    latest: query.year === undefined,
    direction: neutral ? null : direction,
    median: yesNo ? null : groupMedian(computable.map((r) => r.value)),
    tally: yesNo ? tallyOf(computable.map((r) => r.value)) : null,
    ranking,
    coverage,
    // A missing country whose value was looked for: "searched, not found", and what was searched.
    not_found: searched
      .filter((g) => missing.has(g.iso3))
      .map((g) => ({
        iso3: g.iso3,
        country: countryByIso3(g.iso3)?.nameEn ?? g.iso3,
        searched_on: g.searched_on,
        note: g.searched_en,
        note_vi: g.searched_vi,
        release: g.release_id,
      })),
    excluded: rows.filter((r) => !usable(r)).map((r) => ({ iso3: r.iso3, year: r.year, value: r.value, flag: r.flag })),
    releaseIds: rows.map((r) => r.release_id),
  };
}
