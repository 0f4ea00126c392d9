import type { Lang } from '../charts/locale.ts';
import type { IndicatorRow } from '../db/schema.ts';
import type {
  Brief,
  BriefChart,
  BriefDataGap,
  BriefIndicator,
  BriefSection,
  BriefThemePosition,
} from '../documents/brief-model.ts';
import { THEME_NAMES, THEMES, type Theme } from '../domain/themes.ts';
import { isValueAttribute } from '../domain/value-attributes.ts';
import { listIndicators } from '../repositories/indicators.ts';
import { currentDataVersion } from '../repositories/data-version.ts';
import { productivityOf } from './brief-productivity.ts';
import {
  type BriefContext,
  type BriefDeps,
  type BriefQuery,
  type RankSelection,
  type ProfileResult,
  peerParams,
  type SummaryContext,
  url,
} from './brief-request.ts';
import { caveatsOf, headlinesOf } from './brief-headlines.ts';
import { presentIndicator, sentenceOf } from './brief-indicator.ts';
import { changesOf, highlightsOf } from './brief-summary.ts';
import { factSheetOf } from './fact-sheet.ts';
import { attachWorldStandings } from './world-standing.ts';
import { briefDate, briefWords, num } from './brief-text.ts';
import { buildChart } from './chart.ts';
import { profileOf, type SharedProfileReads } from './profile.ts';
import { provenanceFor } from './provenance.ts';
import { licenceLine, sourceText } from '../domain/source-text.ts';
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

/**
 * The brief names its sources and licences in its own language (CivScope's translations); the
 * citations stay as their publishers write them, as a reference list does.
 */
function inBriefLanguage(provenance: Awaited<ReturnType<typeof provenanceFor>>, lang: Lang) {
  const sources = provenance.sources.map((s) => ({ ...s, ...sourceText(s, lang) }));
  return { ...provenance, sources, licence: licenceLine(provenance.sources, lang) };
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

  // The two profiles and the brief read the same indicator list and the country's own series once.
  const shared: SharedProfileReads = { indicators: listIndicators(db) };
  const [profile, sinceProfile, indicatorRows, coverage, dataVersion] = await Promise.all([
    profileOf(db, iso3, { group: q.group, countries, year: q.year, lang }, now, shared),
    profileOf(db, iso3, { group: q.group, countries, year: since, lang }, now, shared),
    shared.indicators as Promise<IndicatorRow[]>,
    themesCoverage(db, shared.indicators),
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
    sources: inBriefLanguage(await provenanceFor(deps.db, ctx.releaseIds), lang),
    reproduce: [...ctx.apis],
    labels: labelsOf(ctx),
  };
  return { ...body, fact_sheet: factSheetOf(body) };
}
