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
  sources: { name: string; citation: string; licence: string }[];
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
  sources: BriefSources;
  /** Every API call the numbers come from, once each. */
  reproduce: string[];
  /** Headings and labels in the brief's language, for renderers. */
  labels: Record<string, string>;
}
