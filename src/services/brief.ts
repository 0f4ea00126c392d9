import type { Lang } from '../charts/locale.ts';
import type { IndicatorRow } from '../db/schema.ts';
import type {
  Brief,
  BriefChart,
  BriefDataGap,
  BriefIndicator,
  BriefRank,
  BriefSection,
  BriefThemePosition,
} from '../documents/brief-model.ts';
import { THEME_NAMES, THEMES, type Theme } from '../domain/themes.ts';
import { minMax } from '../domain/normalise.ts';
import { shortName } from '../domain/short-name.ts';
import { isValueAttribute } from '../domain/value-attributes.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { currentDataVersion } from '../repositories/data-version.ts';
import { productivityOf } from './brief-productivity.ts';
import {
  type BriefDeps,
  type BriefQuery,
  type ProfileEntry,
  type ProfileResult,
  peerParams,
  type SummaryContext,
  url,
} from './brief-request.ts';
import { caveatsOf, headlinesOf } from './brief-headlines.ts';
import { changesOf, highlightsOf } from './brief-summary.ts';
import { factSheetOf } from './fact-sheet.ts';
import { attachWorldStandings } from './world-standing.ts';
import { briefDate, briefWords, num } from './brief-text.ts';
import { buildChart } from './chart.ts';
import { countryLabel } from './presenters.ts';
import { profileOf } from './profile.ts';
import { provenanceFor } from './provenance.ts';
import { rankingOf } from './ranking.ts';
import { requireCountries } from './selection.ts';
import { themesCoverage } from './theme-coverage.ts';

export type { BriefDeps, BriefQuery } from './brief-request.ts';

/**
 * A country brief: one country's position against a peer group on every agenda theme, built
 * from the same service functions as /v1/profiles, /v1/rankings, /v1/efficiency and /v1/themes.
 * Nothing is recomputed differently: a rank, median or best is the one those routes serve, and
 * every number names the API call (and the field in its answer) that gives it back.
 *
 * The JSON of GET /v1/briefs/{iso3} is exactly a `Brief`. Renderers (HTML, PDF, DOCX) take a
 * `Brief` and its chart SVGs and lay them out; they compute nothing.
 */

/** Themes a brief has a section for: the agenda, without context. */
export const BRIEF_THEMES = THEMES.filter((t) => t !== 'context');
/**
 * Chart size: drawn narrower than the A4 column (≈ 673 px) so that, scaled to the column, vega's
 * 10 px footer text prints at 10 pt, above the 8 pt floor.
 */
const BRIEF_CHART = { width: 500, height: 200 };
/** A value older than this many years before the current year is an "old" value (data gaps). */
const DEFAULT_OLD_AGE = 5;

/** What every part of a brief reads: the country, its peers, both profiles, the words, and the releases and API calls used so far. */
interface BriefContext extends SummaryContext {
  deps: BriefDeps;
  iso3: string;
  /** The query as asked. */
  q: BriefQuery;
  /** The query with the country among its `countries`. */
  query: BriefQuery;
  countries: string[] | undefined;
  now: Date;
  today: string;
  since: number;
  profile: ProfileResult;
  indicatorRows: IndicatorRow[];
  indicators: Map<string, IndicatorRow>;
  coverage: Awaited<ReturnType<typeof themesCoverage>>;
  dataVersion: number;
  /** Values older than this year are not used (max_age). */
  oldBefore: number;
  rankPeers: Record<string, string>;
  rankSelection: RankSelection;
}

type RankSelection = { countries: string[]; group: undefined } | { group: string | undefined };

/**
 * Who the country is ranked among. A country outside the group (China against ASEAN) is ranked
 * among the members and itself, as the profile does: the rankings, charts and frontier then name
 * those countries.
 */
function rankScopeOf(
  iso3: string,
  countries: string[] | undefined,
  profile: ProfileResult,
  group: string | undefined,
  peers: Record<string, string>,
): { rankPeers: Record<string, string>; rankSelection: RankSelection } {
  const outsider = !countries && !profile.selection.countries.includes(iso3);
  const rankCountries = outsider ? [...profile.selection.countries, iso3] : countries;
  const rankPeers = outsider ? { countries: (rankCountries as string[]).join(',') } : peers;
  const rankSelection = rankCountries ? { countries: rankCountries, group: undefined } : { group };
  return { rankPeers, rankSelection };
}

/** A brief number maker: the value written to the indicator's decimals, with where it comes from. */
function numberMaker(indicators: Map<string, IndicatorRow>, lang: Lang, profileApi: string): SummaryContext['number'] {
  return (e, value, field, api = profileApi) => ({
    value,
    text: num(value, indicators.get(e.indicator)?.decimals ?? 2, lang),
    indicator: e.indicator,
    year: e.year,
    release: e.release,
    api,
    field,
  });
}

/** Loads what the brief is built from: the profile now and in the base year, the indicators, theme coverage, the data version. */
async function briefContextOf(deps: BriefDeps, iso3: string, q: BriefQuery): Promise<BriefContext> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const lang = q.lang;
  const thisYear = now.getUTCFullYear();
  const since = q.since ?? thisYear - 10;
  // The peers always include the country itself (a list without it would rank it nowhere).
  const countries = q.countries ? (q.countries.includes(iso3) ? q.countries : [iso3, ...q.countries]) : undefined;
  const query: BriefQuery = { ...q, countries };
  const peers = peerParams(query);
  const profileApi = url(`/v1/profiles/${iso3}`, { ...peers, year: q.year });
  const sinceApi = url(`/v1/profiles/${iso3}`, { ...peers, year: since });

  const [profile, sinceProfile, indicatorRows, coverage, dataVersion] = await Promise.all([
    profileOf(db, iso3, { group: q.group, countries, year: q.year, lang }, now),
    profileOf(db, iso3, { group: q.group, countries, year: since, lang }, now),
    listIndicators(db),
    themesCoverage(db),
    currentDataVersion(db),
  ]);
  const indicators = new Map(indicatorRows.map((i) => [i.code, i]));
  // max_age: a value older than max_age years before this year is not used (it shows as a gap).
  const oldBefore = thisYear - (q.max_age ?? DEFAULT_OLD_AGE);
  return {
    deps,
    iso3,
    q,
    query,
    countries,
    now,
    today: now.toISOString().slice(0, 10),
    since,
    lang,
    w: briefWords(lang),
    profile,
    sinceProfile,
    indicatorRows,
    indicators,
    coverage,
    dataVersion,
    oldBefore,
    usableEntries: profile.indicators.filter((e) => q.max_age === undefined || e.year >= oldBefore),
    ...rankScopeOf(iso3, countries, profile, q.group, peers),
    number: numberMaker(indicators, lang, profileApi),
    at: (e, key) => `indicators[indicator=${e.indicator}].${key}`,
    profileApi,
    sinceApi,
    apis: new Set<string>([profileApi]),
    releaseIds: new Set<string>(profile.releaseIds),
  };
}

/** A headline indicator: the profile's value, rank, median and best, and the country's score in the ranking. */
async function presentIndicator(ctx: BriefContext, e: ProfileEntry): Promise<BriefIndicator> {
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
function sentenceOf(i: BriefIndicator, w: ReturnType<typeof briefWords>, lang: Lang): string {
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

/** The ranking chart of a theme's lead indicator, with the country highlighted. */
async function rankingChartOf(ctx: BriefContext, lead: BriefIndicator): Promise<BriefChart> {
  const { iso3, lang } = ctx;
  const chartQuery = {
    indicator: lead.indicator,
    ...ctx.rankSelection,
    year: lead.value.year,
    lang,
    highlight: [iso3],
    data: 'inline' as const,
    width: BRIEF_CHART.width,
    height: BRIEF_CHART.height,
  };
  const built = await buildChart(ctx.deps, 'ranking', chartQuery, '');
  for (const id of built.releaseIds) ctx.releaseIds.add(id);
  return {
    type: 'ranking',
    indicator: lead.indicator,
    title: built.title,
    description: built.description,
    api: url('/v1/charts/ranking', {
      indicator: lead.indicator,
      ...ctx.rankPeers,
      year: lead.value.year,
      lang,
      highlight: iso3,
      width: BRIEF_CHART.width,
      height: BRIEF_CHART.height,
    }),
    spec: built.spec,
  };
}

/** A theme's section: its headline indicators, a ranking chart of the lead one, its caveats. */
async function sectionOf(ctx: BriefContext, theme: Theme, withChart: boolean): Promise<BriefSection> {
  const { lang } = ctx;
  const entries = headlinesOf(ctx.usableEntries, ctx.indicators, theme);
  const headlines = await Promise.all(entries.map((e) => presentIndicator(ctx, e)));
  for (const h of headlines) h.sentence = sentenceOf(h, ctx.w, lang);
  const lead = headlines[0];
  const chart = lead && withChart ? await rankingChartOf(ctx, lead) : null;
  const evidence = ctx.coverage.themes.find((t) => t.code === theme);
  return {
    theme,
    name: THEME_NAMES[theme][lang],
    evidence: evidence?.evidence ?? 'thin',
    note: evidence?.note?.[lang] ?? null,
    headlines,
    chart,
    caveats: caveatsOf(headlines),
  };
}

/** The summary: the lead indicator of each theme, strengths and gaps, changes since the base year. */
function summaryOf(ctx: BriefContext, sections: BriefSection[]): Brief['summary'] {
  const { w, since } = ctx;
  const themes: BriefThemePosition[] = sections.map((s) => ({
    theme: s.theme,
    name: s.name,
    indicator: s.headlines[0] ?? null,
    sentence: s.headlines[0]?.sentence ?? w.themeEmpty(s.name),
  }));
  const headlineList = sections.flatMap((s) => s.headlines);
  const { strengths, gaps } = highlightsOf(headlineList, ctx);
  const changes = changesOf(headlineList, ctx);
  return {
    themes,
    strengths,
    gaps,
    highlight_rule: w.strengthRule,
    changes,
    change_rule: changes.length > 0 ? w.changeRule(since) : w.noChanges(since),
  };
}

/** Data gaps: agenda indicators with no value, or only a value older than the age limit. */
function dataGapsOf(ctx: BriefContext): Brief['data_gaps'] {
  const { w, lang, oldBefore } = ctx;
  // A confidence bound or a standard error is part of its value, never a missing indicator of its own.
  const agenda = ctx.indicatorRows.filter(
    (i) => (BRIEF_THEMES as readonly string[]).includes(i.theme) && !isValueAttribute(i.code),
  );
  const gapsList: BriefDataGap[] = agenda.flatMap((i): BriefDataGap[] => {
    const e = ctx.profile.indicators.find((x) => x.indicator === i.code);
    const name = lang === 'vi' ? i.name_vi : i.name_en;
    if (!e) return [{ indicator: i.code, name, theme: i.theme, latest_year: null, sentence: w.noValue }];
    if (e.year < oldBefore)
      return [{ indicator: i.code, name, theme: i.theme, latest_year: e.year, sentence: w.oldValue(e.year) }];
    return [];
  });
  return {
    rule: w.missingRule(ctx.q.max_age ?? DEFAULT_OLD_AGE, oldBefore),
    agenda: agenda.length,
    indicators: gapsList,
  };
}

/** Headings and labels in the brief's language, for renderers: every fixed word, and the dated ones. */
function labelsOf(ctx: BriefContext): Record<string, string> {
  const { w } = ctx;
  return {
    ...Object.fromEntries(
      (Object.entries(w) as [string, unknown][]).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    changesHeading: w.changes(ctx.since),
    dataVersion: w.dataVersion(ctx.dataVersion),
    date: briefDate(ctx.today, ctx.lang),
  };
}

/** Builds the brief of `iso3` against its peers. Throws the same problems as the routes it draws on. */
/**
 * `charts: false` leaves each section's chart out (null): the fact sheet draws none, and building
 * seven chart specs is a third of the brief's time. JSON and the annex always have them.
 */
export async function briefOf(
  deps: BriefDeps,
  iso3: string,
  q: BriefQuery,
  options: { charts: boolean } = { charts: true },
): Promise<Brief> {
  requireCountries([iso3], 404);
  const ctx = await briefContextOf(deps, iso3, q);
  const { profile, countries, w, lang, today } = ctx;
  // One theme after another: the order of the releases and API calls it records stays fixed.
  const sections: BriefSection[] = [];
  for (const theme of BRIEF_THEMES) sections.push(await sectionOf(ctx, theme, options.charts));
  await attachWorldStandings(
    deps.db,
    iso3,
    sections.flatMap((s) => s.headlines),
    profile,
    ctx,
  );
  const summary = summaryOf(ctx, sections);
  const productivity = await productivityOf(
    deps,
    iso3,
    { ...ctx.query, ...ctx.rankSelection },
    deps.lpSolver,
    ctx.now,
    ctx.releaseIds,
    ctx.apis,
  );
  const peerLabel = countries ? w.countriesPeers(countries.join(', ')) : w.peers(profile.selection.group?.code ?? '');
  const body: Omit<Brief, 'fact_sheet'> = {
    iso3,
    country: profile.country,
    lang,
    title: w.title(profile.country),
    subtitle: w.subtitle(peerLabel, briefDate(today, lang)),
    peer_group: {
      code: profile.selection.group?.code ?? null,
      label: peerLabel,
      members: profile.selection.countries,
    },
    year: q.year ?? null,
    latest: q.year === undefined,
    max_age: q.max_age ?? null,
    since: ctx.since,
    generated_on: today,
    data_version: ctx.dataVersion,
    summary,
    sections,
    productivity,
    data_gaps: dataGapsOf(ctx),
    sources: await provenanceFor(deps.db, ctx.releaseIds),
    reproduce: [...ctx.apis],
    labels: labelsOf(ctx),
  };
  return { ...body, fact_sheet: factSheetOf(body) };
}
