import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../charts/locale.ts';
import type { Theme } from '../domain/themes.ts';

/**
 * What a country brief is, as data: the JSON of GET /v1/briefs/{iso3} is exactly a `Brief`.
 * The service (services/brief.ts) builds it; the document writers beside this file lay it out
 * and compute nothing.
 */

/** The sources and releases behind a brief (the shape of services/provenance.ts's answer). */
export interface BriefSources {
  sources: { id: string; name: string; citation: string; licence: string }[];
  releases: { id: string; source_id: string; sha256?: string | null }[];
  licence: string;
  citation: string;
}

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
  /** A short name for the scorecard and the fact sheet's table (the full name is `name`). */
  short_name: string;
  /** Every reporting peer's 0–100 within-group score that year (the country's included), from /v1/rankings. */
  peer_scores: { iso3: string; score: number }[];
  /** The group median on the same 0–100 scale (min-max of the peers' values), or null for neutral measures. */
  median_score: number | null;
  /** Where the publisher places the country among all the countries it covers, the same year; null when it does not rank the world. */
  world: BriefWorldStanding | null;
  /** The value in the base year (`since`) or the latest before it, and the change since, in the indicator's unit. */
  trend: { from: BriefNumber; change: BriefNumber } | null;
}

/** A world standing: a percentile rank (WGI) or a published rank (UN EGDI, Blavatnik Index; "=62" when tied). */
export interface BriefWorldStanding {
  kind: 'percentile' | 'rank';
  value: BriefNumber;
  /** The publisher's label where it gives one ("=62"), else the rank written as a number. */
  label: string;
  /** In words, in the brief's language: "56th percentile", "71st in the world". */
  text: string;
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
  /** The country's place among the scores (1 = highest), or null with the score. */
  rank: number | null;
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
  /** `agenda`: how many agenda indicators CivScope holds (the denominator of the gaps). */
  data_gaps: { rule: string; agenda: number; indicators: BriefDataGap[] };
  /** Every release behind the brief, with sources, licences and citations. */
  sources: BriefSources;
  /** Every API call the numbers come from, once each. */
  reproduce: string[];
  /** Headings and labels in the brief's language, for renderers. */
  labels: Record<string, string>;
  /** The two-page fact sheet: the same numbers, chosen and worded for a reader in a meeting. */
  fact_sheet: FactSheet;
}

/** A key message of the fact sheet: one sentence with its number, year and source. */
export interface FactSheetMessage {
  kind: 'strength' | 'gap' | 'change' | 'efficiency';
  /** The kind in words ("Strength", "Điểm yếu"), set in bold before the sentence. */
  label: string;
  indicator: string;
  number: BriefNumber;
  /** The publisher of the number (for efficiency: CivScope's calculation from the publishers named). */
  source: string;
  text: string;
}

/** A row of the scorecard: a headline indicator with a better direction, every peer on a 0–100 within-group scale. */
export interface ScorecardRow {
  theme: Theme;
  indicator: string;
  short_name: string;
  value: BriefNumber;
  score: number;
  rank: BriefRank | null;
  peers: { iso3: string; score: number }[];
  median_score: number;
  /** The best performers (score 100), ISO3 and their names in the brief's language. */
  best: string[];
  best_names: string;
}

/** A row of the fact sheet's theme table: a headline indicator and where it stands. */
export interface FactSheetRow {
  theme: Theme;
  indicator: string;
  short_name: string;
  value: string;
  year: number;
  /** "3/10", or "–" for a measure with no better direction. */
  rank: string;
  /** "↑ +0,09 (2016)": arrow, change and base year; "–" when there is no earlier value. */
  trend: string;
  /** "71st in the world", or "–" when the publisher does not rank the world. */
  world: string;
}

export interface FactSheet {
  title: string;
  /** Peer group, data year and date, in one line. */
  subtitle: string;
  /** The latest year of the headline values. */
  data_year: number | null;
  /** Said on page 1 when the country has few values to compare, else null. */
  sparse: string | null;
  messages: FactSheetMessage[];
  message_rule: string;
  scorecard: {
    themes: { theme: Theme; name: string; rows: ScorecardRow[] }[];
    /** What the dots mean, in one line. */
    legend: string;
    /** Alt text of the graphic. */
    description: string;
  };
  table: { themes: { theme: Theme; name: string; rows: FactSheetRow[] }[]; header: string[] };
  /** The efficiency result in at most two sentences. */
  efficiency: string[];
  /** The data gaps in one paragraph, by theme, without codes. */
  gaps: string;
  /** Where the rest is: the annex, the API. */
  more: string;
  labels: { messages: string; scorecard: string; table: string; efficiency: string; gaps: string };
}
