import type { Kysely } from 'kysely';
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../charts/locale.ts';
import type { Database, IndicatorRow } from '../db/schema.ts';
import type { BriefParams } from '../http/analysis-params.ts';
import type { Lenient } from '../http/params.ts';
import type { LpSolver } from '../domain/efficiency/linear-program.ts';
import { THEME_NAMES, THEMES, type Theme } from '../domain/themes.ts';
import { isValueAttribute } from '../domain/value-attributes.ts';
import { Problem } from '../errors.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { currentDataVersion } from '../repositories/data-version.ts';
import { briefDate, briefWords, num } from './brief-text.ts';
import { buildChart } from './chart.ts';
import { efficiencyOf } from './efficiency.ts';
import { countryLabel } from './presenters.ts';
import { profileOf } from './profile.ts';
import { provenanceFor } from './provenance.ts';
import { rankingOf } from './ranking.ts';
import { requireCountries } from './selection.ts';
import { themesCoverage } from './theme-coverage.ts';

/**
 * A country brief: one country's position against a peer group on every agenda theme, built
 * from the same service functions as /v1/profiles, /v1/rankings, /v1/efficiency and /v1/themes.
 * Nothing is recomputed differently: a rank, median or best is the one those routes serve, and
 * every number names the API call (and the field in its answer) that gives it back.
 *
 * The JSON of GET /v1/briefs/{iso3} is exactly a `Brief`. Renderers (HTML, PDF, DOCX) take a
 * `Brief` and its chart SVGs and lay them out; they compute nothing.
 */

/** One number of the brief, with where it comes from and how to get it again. */
export interface BriefNumber {
  /** The exact value (float64) as the API serves it. */
  value: number;
  /** The value written for the brief's language, to the indicator's decimals (Vietnamese: decimal comma). */
  text: string;
  /** The indicator code; a number derived from several indicators lists them comma-separated. */
  indicator: string;
  /** The year of the observation(s) behind it. */
  year: number;
  /** The release id of the value; several releases comma-separated for numbers that combine them. */
  release: string;
  /** The API call (a root-relative URL) whose answer holds this number. */
  api: string;
  /**
   * Where it is in that answer: a path such as `indicators[code=EGDI].group_median`, or for a
   * derived number a formula over such fields (`value - group_median`).
   */
  field: string;
}

/** A rank in the group: `value` is the rank (1 = best), `of` the number of peers reporting. */
export interface BriefRank extends BriefNumber {
  of: number;
}

/** A headline indicator of a theme, as the profile and the ranking give it. */
export interface BriefIndicator {
  indicator: string;
  name: string;
  theme: Theme;
  unit: string;
  /** Which way is better; null for neutral measures (a wage bill): those get a position, never a rank. */
  direction: 'higher' | 'lower' | null;
  decimals: number;
  value: BriefNumber;
  rank: BriefRank | null;
  median: BriefNumber | null;
  /** The best value in the group that year, with the countries holding it (ISO3). */
  best: (BriefNumber & { iso3: string[] }) | null;
  /** value − group median (signed, in the indicator's unit). */
  distance_to_median: BriefNumber | null;
  /** |best − value| (the profile's distance_to_frontier). */
  distance_to_best: BriefNumber | null;
  /** Min-max score 0–100 within the group that year (100 = best), from /v1/rankings. */
  score: BriefNumber | null;
  /** The /v1/rankings call for this indicator, peers and year: the same rank, median and best. */
  ranking_api: string;
  peers_reporting: number;
  /** Peers (ISO3) without a value that year: the rank is out of the others. */
  peers_without_data: string[];
  /** One sentence: rank, distance to the median and to the best, in the brief's language. */
  sentence: string;
  /** The indicator's caveats: in Vietnamese briefs CivScope's translation where there is one, else the source's English. */
  caveats: string[];
}

/** A strength or gap: a headline indicator and its normalised distance to the group median. */
export interface BriefHighlight {
  indicator: string;
  name: string;
  theme: Theme;
  /** (value − median) ÷ (max − min) × 100, positive = better; see `summary.highlight_rule`. */
  normalised_distance: BriefNumber;
  rank: BriefRank | null;
  sentence: string;
}

/** A change since the base year (`since`). */
export interface BriefChange {
  indicator: string;
  name: string;
  theme: Theme;
  from: BriefNumber;
  to: BriefNumber;
  /** to − from, in the indicator's unit. */
  change: BriefNumber;
  /** change ÷ (group max − group min in the later year) × 100, positive = better. */
  normalised_change: number;
  rank_from: BriefRank | null;
  rank_to: BriefRank | null;
  sentence: string;
}

/** A theme's line in the summary: its lead indicator (the first headline). */
export interface BriefThemePosition {
  theme: Theme;
  name: string;
  indicator: BriefIndicator | null;
  sentence: string;
}

/** A small chart: a Vega-Lite spec from the chart builders, and the chart route that serves it. */
export interface BriefChart {
  type: 'ranking';
  indicator: string;
  title: string;
  /** Alt text. */
  description: string;
  /** GET this (JSON) or its `.svg` / `.png` / `.pdf` twin for the same chart. */
  api: string;
  spec: TopLevelSpec;
}

export interface BriefSection {
  theme: Theme;
  name: string;
  evidence: 'adequate' | 'thin';
  /** What the world's data lack on this theme (from /v1/themes), or null. */
  note: string | null;
  headlines: BriefIndicator[];
  chart: BriefChart | null;
  /** Each caveat once; `indicator` lists the headline indicators it applies to, comma-separated. */
  caveats: { indicator: string; text: string }[];
}

export interface BriefProductivity {
  api: string;
  inputs: string[];
  outputs: string[];
  method: string;
  orientation: string;
  description: string;
  /** Null when the country is left out or no frontier can be drawn (`unavailable` says why). */
  score: BriefRank | null;
  peers: { iso3: string; country: string; weight: number }[];
  targets: { indicator: string; role: 'input' | 'output'; value: BriefNumber; target: BriefNumber }[];
  /** The score and position in words ("Efficiency score 0,403 …"), or null. */
  sentence: string | null;
  /** The peers in words, or null. */
  peers_sentence: string | null;
  /** The efficiency route's own gap sentence for this country. */
  summary: string | null;
  unavailable: string | null;
  warning: string | null;
  /** The years the scores compare, and any frontier country in the comparison there only by construction. */
  notes: string[];
}

export interface BriefDataGap {
  indicator: string;
  name: string;
  theme: Theme;
  /** The latest year with a value, or null when there is none. */
  latest_year: number | null;
  sentence: string;
}

export interface Brief {
  iso3: string;
  country: string;
  lang: Lang;
  title: string;
  subtitle: string;
  /** The peers: a group code (and its members today) or a list of countries. */
  peer_group: { code: string | null; label: string; members: string[] };
  year: number | null;
  latest: boolean;
  max_age: number | null;
  since: number;
  /** The day the brief was computed (YYYY-MM-DD) and the data version (bumped by every ingestion). */
  generated_on: string;
  data_version: number;
  summary: {
    themes: BriefThemePosition[];
    strengths: BriefHighlight[];
    gaps: BriefHighlight[];
    highlight_rule: string;
    changes: BriefChange[];
    change_rule: string;
  };
  sections: BriefSection[];
  productivity: BriefProductivity;
  data_gaps: { rule: string; indicators: BriefDataGap[] };
  /** Every release behind the brief, with sources, licences and citations. */
  sources: Awaited<ReturnType<typeof provenanceFor>>;
  /** Every API call the numbers come from, once each. */
  reproduce: string[];
  /** Headings and labels in the brief's language, for renderers. */
  labels: Record<string, string>;
}

/** The query of /v1/briefs/{iso3} without its format (the route renders it); `latest` may be left out. */
export type BriefQuery = Lenient<Omit<BriefParams, 'format'>, 'latest'>;

export interface BriefDeps {
  db: Kysely<Database>;
  now?: () => Date;
  lpSolver?: () => Promise<LpSolver>;
}

/** Themes a brief has a section for: the agenda, without context. */
export const BRIEF_THEMES = THEMES.filter((t) => t !== 'context');
/**
 * Chart size: drawn narrower than the A4 column (≈ 673 px) so that, scaled to the column, vega's
 * 10 px footer text prints at 10 pt, above the 8 pt floor.
 */
const BRIEF_CHART = { width: 500, height: 200 };
/** Headline indicators per theme. */
const HEADLINES_PER_THEME = 4;
/** Strengths and gaps need this many peers reporting: a rank of 3 says little. */
const MIN_PEERS_FOR_HIGHLIGHT = 6;
/** A value older than this many years before the current year is an "old" value (data gaps). */
const DEFAULT_OLD_AGE = 5;
/** The productivity frontier of a brief: wage bill in, government effectiveness and e-government out. */
export const BRIEF_EFFICIENCY = {
  inputs: ['BI.WAG.TOTL.GD.ZS'],
  outputs: ['GE.EST', 'EGDI'],
  method: 'dea-vrs',
  orientation: 'input',
} as const;

/**
 * Never headlines, beside the attributes of a value (isValueAttribute): duplicate percentile and
 * world ranks, and WWBI's private-sector comparators (a civil-service brief leads with the public
 * sector's figures).
 */
const NOT_HEADLINE = /(\.PER\.RNK|_RANK|^BI\.WAG\.PREM\.PB\.PV)$|^BI\.[A-Z]+\.(PRVS|AGES\.PV|CPRS\.PV)\./;
const isHeadlineCandidate = (code: string) => !isValueAttribute(code) && !NOT_HEADLINE.test(code);
const LEVEL_ORDER: Record<string, number> = { index: 0, domain: 1, theme: 2, indicator: 3 };
/** The top of a source's hierarchy (or a stand-alone series) before its parts. */
const hierarchyOrder = (i: IndicatorRow | undefined) => (!i?.parent_code ? 0 : 1 + (LEVEL_ORDER[i.level ?? ''] ?? 3));

/** Each caveat once, naming every headline indicator it applies to (a source's caveats repeat across its indicators). */
function caveatsOf(headlines: BriefIndicator[]): { indicator: string; text: string }[] {
  const byText = new Map<string, string[]>();
  for (const h of headlines) for (const text of h.caveats) byText.set(text, [...(byText.get(text) ?? []), h.indicator]);
  return [...byText].map(([text, codes]) => ({ indicator: codes.join(', '), text }));
}

type ProfileResult = Awaited<ReturnType<typeof profileOf>>;
type ProfileEntry = ProfileResult['indicators'][number];

function peerParams(q: BriefQuery): Record<string, string> {
  return q.countries ? { countries: q.countries.join(',') } : { group: q.group ?? 'ASEAN+3' };
}

function url(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  return `${path}?${search}`;
}

/**
 * The headline indicators of a theme: not bands, source counts or duplicate ranks; most peers
 * reporting first, then indicators with a direction, the top of a hierarchy, the newest year;
 * one per source before a second from the same source.
 */
function headlinesOf(entries: ProfileEntry[], indicators: Map<string, IndicatorRow>, theme: Theme): ProfileEntry[] {
  const sorted = entries
    .filter((e) => e.theme === theme && isHeadlineCandidate(e.indicator))
    .sort((a, b) => {
      const ia = indicators.get(a.indicator);
      const ib = indicators.get(b.indicator);
      return (
        b.peers_reporting - a.peers_reporting ||
        (a.direction === null ? 1 : 0) - (b.direction === null ? 1 : 0) ||
        hierarchyOrder(ia) - hierarchyOrder(ib) ||
        b.year - a.year ||
        a.indicator.localeCompare(b.indicator)
      );
    });
  // One indicator per source first, so a theme's headlines are not four parts of one index.
  const sourceOf = (e: ProfileEntry) => indicators.get(e.indicator)?.source_id ?? '';
  const firsts = sorted.filter((e, i) => sorted.findIndex((x) => sourceOf(x) === sourceOf(e)) === i);
  return [...firsts, ...sorted.filter((e) => !firsts.includes(e))].slice(0, HEADLINES_PER_THEME);
}

/** What the summary's parts share with briefOf: the profiles, the number maker, the words. */
interface SummaryContext {
  usableEntries: ProfileEntry[];
  sinceProfile: ProfileResult;
  number: (
    e: { indicator: string; year: number; release: string },
    value: number,
    field: string,
    api?: string,
  ) => BriefNumber;
  at: (e: ProfileEntry, key: string) => string;
  w: ReturnType<typeof briefWords>;
  lang: Lang;
  profileApi: string;
  sinceApi: string;
  apis: Set<string>;
  releaseIds: Set<string>;
}

/**
 * The three clearest strengths and gaps among the headlines: normalised distance to the group
 * median, (value − median) ÷ (max − min) × 100, positive = better (see `strengthRule`).
 */
function highlightsOf(headlines: BriefIndicator[], ctx: SummaryContext) {
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
function changesOf(headlines: BriefIndicator[], ctx: SummaryContext): BriefChange[] {
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
async function sectionOf(ctx: BriefContext, theme: Theme): Promise<BriefSection> {
  const { lang } = ctx;
  const entries = headlinesOf(ctx.usableEntries, ctx.indicators, theme);
  const headlines = await Promise.all(entries.map((e) => presentIndicator(ctx, e)));
  for (const h of headlines) h.sentence = sentenceOf(h, ctx.w, lang);
  const lead = headlines[0];
  const chart = lead ? await rankingChartOf(ctx, lead) : null;
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
  return { rule: w.missingRule(ctx.q.max_age ?? DEFAULT_OLD_AGE, oldBefore), indicators: gapsList };
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
export async function briefOf(deps: BriefDeps, iso3: string, q: BriefQuery): Promise<Brief> {
  requireCountries([iso3], 404);
  const ctx = await briefContextOf(deps, iso3, q);
  const { profile, countries, w, lang, today } = ctx;
  // One theme after another: the order of the releases and API calls it records stays fixed.
  const sections: BriefSection[] = [];
  for (const theme of BRIEF_THEMES) sections.push(await sectionOf(ctx, theme));
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
  return {
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
}

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
async function productivityOf(
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
      },
      now,
      lpSolver,
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
      peers: own.peers,
      targets: efficiencyTargets(own, iso3, api, q.lang),
      sentence: w.efficiencyLine(scoreNumber.text, index + 1, result.scores.length),
      peers_sentence: own.peers.length > 0 ? w.efficiencyPeers(own.peers.map((p) => p.country).join(', ')) : null,
      summary: own.summary,
      unavailable: null,
      warning,
      notes: [
        result.years_used,
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
