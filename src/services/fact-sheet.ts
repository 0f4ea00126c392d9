import type {
  Brief,
  BriefIndicator,
  BriefNumber,
  FactSheet,
  FactSheetMessage,
  FactSheetRow,
  ScorecardRow,
} from '../documents/brief-model.ts';
import { shortName } from '../domain/short-name.ts';
import { withMinusSigns } from '../domain/typography.ts';
import type { Lang } from '../charts/locale.ts';
import { num } from './brief-text.ts';
import { countryLabel } from './presenters.ts';
import { factSheetWords } from './fact-sheet-text.ts';

/**
 * The two-page fact sheet of a brief, chosen from the brief's own numbers (nothing is computed
 * again): key messages by a stated rule, a scorecard row per headline indicator that has a better
 * direction and a median over at least three peers, a table of every headline with its trend and
 * world standing, the efficiency result in two sentences and the data gaps in one paragraph.
 */

/** No median, and so no scorecard row, over fewer peers than this. */
const MIN_PEERS_FOR_SCORECARD = 3;
/** Page 1 says the comparison is thin when the country has no value for more than this share of the agenda's indicators. */
const SPARSE_SHARE = 0.5;
/** Key messages at most. */
const MAX_MESSAGES = 5;
/** Indicators named per theme in the data-gap paragraph before "and N more" (values too old are only counted). */
const GAPS_NAMED = 1;

type BriefBody = Omit<Brief, 'fact_sheet'>;

/** The publisher name(s) of a number's release(s), from the brief's own sources. */
function sourceOf(brief: BriefBody, n: BriefNumber): string {
  const ids = n.release.split(',');
  const sourceIds = new Set(brief.sources.releases.filter((r) => ids.includes(r.id)).map((r) => r.source_id));
  return (
    brief.sources.sources
      .filter((s) => sourceIds.has(s.id))
      // Already in the brief's language (brief.ts names its sources so).
      .map((s) => s.name)
      .join('; ') || n.release
  );
}

const headlines = (brief: BriefBody) => brief.sections.flatMap((s) => s.headlines);
const findHeadline = (brief: BriefBody, code: string) =>
  headlines(brief).find((h) => h.indicator === code) as BriefIndicator;

/** A strength or a gap: the headline's value, year and rank in the group, against the median for a gap. */
function highlightMessage(brief: BriefBody, kind: 'strength' | 'gap', code: string): FactSheetMessage {
  const w = factSheetWords(brief.lang);
  const h = findHeadline(brief, code);
  const rank = h.rank ? w.rank(h.rank.value, h.rank.of) : '';
  const source = sourceOf(brief, h.value);
  const text =
    kind === 'strength'
      ? w.strength(h.name, h.value.text, h.value.year, rank, brief.peer_group.label, source)
      : w.gap(h.name, h.value.text, h.value.year, rank, h.median?.text ?? '–', source);
  return { kind, label: w.kinds[kind], indicator: code, number: h.value, source, text: withMinusSigns(text) };
}

/** The largest change since the base year, if any. */
function changeMessage(brief: BriefBody): FactSheetMessage[] {
  const w = factSheetWords(brief.lang);
  const c = brief.summary.changes[0];
  if (!c) return [];
  const source = sourceOf(brief, c.to);
  const text = w.change(c.name, c.from.text, c.from.year, c.to.text, c.to.year, source);
  return [
    {
      kind: 'change',
      label: w.kinds.change,
      indicator: c.indicator,
      number: c.change,
      source,
      text: withMinusSigns(text),
    },
  ];
}

/** The efficiency score, its place, years and sources, if the country has one. */
function efficiencyMessage(brief: BriefBody): FactSheetMessage[] {
  const w = factSheetWords(brief.lang);
  const p = brief.productivity;
  if (p.score === null) return [];
  const source = sourceOf(brief, p.score);
  const years = yearsOf(p.targets.map((t) => t.value.year));
  const text = w.efficiencyMessage(p.score.text, p.rank ?? 0, p.score.of, years, source);
  return [
    {
      kind: 'efficiency',
      label: w.kinds.efficiency,
      indicator: p.score.indicator,
      number: p.score,
      source,
      text: withMinusSigns(text),
    },
  ];
}

/**
 * The messages in the order of the rule, at most five: the clearest strength, the clearest gap,
 * the largest change, the efficiency result, then the next strengths and gaps by distance.
 */
function messagesOf(brief: BriefBody): FactSheetMessage[] {
  const strengths = brief.summary.strengths.map((s) => highlightMessage(brief, 'strength', s.indicator));
  const gaps = brief.summary.gaps.map((g) => highlightMessage(brief, 'gap', g.indicator));
  const first = [strengths[0], gaps[0], ...changeMessage(brief), ...efficiencyMessage(brief)].filter(
    (m): m is FactSheetMessage => m !== undefined,
  );
  const distance = (m: FactSheetMessage) =>
    Math.abs(
      [...brief.summary.strengths, ...brief.summary.gaps].find((x) => x.indicator === m.indicator)?.normalised_distance
        .value ?? 0,
    );
  // An indicator already said (a gap that is also the largest change) is not said twice.
  const said = new Set(first.map((m) => m.indicator));
  const rest = [...strengths.slice(1), ...gaps.slice(1)]
    .filter((m) => !said.has(m.indicator))
    .sort((a, b) => distance(b) - distance(a));
  return [...first, ...rest].slice(0, MAX_MESSAGES);
}

/** "2019–2020", or one year. */
const yearsOf = (years: number[]) => {
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

/** A scorecard row for a headline with a better direction, a score and a median over enough peers. */
function scorecardRow(h: BriefIndicator, lang: Lang): ScorecardRow | null {
  if (h.direction === null || h.score === null || h.median_score === null) return null;
  if (h.peer_scores.length < MIN_PEERS_FOR_SCORECARD) return null;
  return {
    theme: h.theme,
    indicator: h.indicator,
    short_name: h.short_name,
    value: h.value,
    score: h.score.value,
    rank: h.rank,
    peers: h.peer_scores,
    median_score: h.median_score,
    best: h.best?.iso3 ?? [],
    best_names: (h.best?.iso3 ?? []).map((iso3) => countryLabel(iso3, lang)).join(', '),
  };
}

function tableRow(brief: BriefBody, h: BriefIndicator): FactSheetRow {
  const w = factSheetWords(brief.lang);
  const change = h.trend?.change;
  return {
    theme: h.theme,
    indicator: h.indicator,
    short_name: h.short_name,
    value: withMinusSigns(h.value.text),
    year: h.value.year,
    rank: h.rank ? `${h.rank.value}/${h.rank.of}` : '–',
    trend:
      h.trend && change ? w.arrow(change.value, num(change.value, h.decimals, brief.lang), h.trend.from.year) : '–',
    world: h.world?.text ?? '–',
  };
}

/** The data gaps in one paragraph: per theme, the count and the first names, no codes. */
function gapsParagraph(brief: BriefBody): string {
  const w = factSheetWords(brief.lang);
  const themeName = (theme: string) => brief.sections.find((s) => s.theme === theme)?.name ?? theme;
  const byTheme = (rows: typeof brief.data_gaps.indicators, named: number) => {
    const themes = [...new Set(rows.map((g) => g.theme))];
    return themes
      .map((t) => {
        const names = rows.filter((g) => g.theme === t).map((g) => shortName(g.name, 40));
        if (named === 0) return `${themeName(t)} (${names.length})`;
        const shown = names.slice(0, named).join(', ');
        return `${themeName(t)} (${names.length}: ${shown}${names.length > named ? w.more(names.length - named) : ''})`;
      })
      .join('; ');
  };
  const gaps = brief.data_gaps.indicators;
  return w.gapsLine(
    byTheme(
      gaps.filter((g) => g.latest_year === null),
      GAPS_NAMED,
    ),
    byTheme(
      gaps.filter((g) => g.latest_year !== null),
      0,
    ),
  );
}

/** The efficiency result in at most two sentences: the score and its years, then the peers and any caveat. */
function efficiencySentences(brief: BriefBody): string[] {
  const p = brief.productivity;
  if (p.score === null) return [p.unavailable ?? ''].filter(Boolean);
  const w = factSheetWords(brief.lang);
  const own = w.ownYears(brief.country, yearsOf(p.targets.map((t) => t.value.year)));
  const first = [p.sentence, own].filter(Boolean).join(' ');
  const second = [p.peers_sentence, ...p.notes.slice(1)].filter(Boolean).join(' ');
  return [first, second].filter(Boolean).map(withMinusSigns);
}

export function factSheetOf(brief: BriefBody): FactSheet {
  const w = factSheetWords(brief.lang);
  const all = headlines(brief);
  const scoreRows = all.map((h) => scorecardRow(h, brief.lang)).filter((r): r is ScorecardRow => r !== null);
  const years = all.map((h) => h.value.year);
  const dataYear = years.length > 0 ? Math.max(...years) : null;
  const missing = brief.data_gaps.indicators.filter((g) => g.latest_year === null).length;
  const messages = messagesOf(brief);
  return {
    title: brief.title,
    subtitle: w.subtitle(brief.peer_group.label, dataYear, brief.labels.date ?? brief.generated_on),
    data_year: dataYear,
    sparse:
      missing > brief.data_gaps.agenda * SPARSE_SHARE
        ? w.sparse(brief.country, missing, brief.data_gaps.agenda, scoreRows.length)
        : null,
    messages,
    message_rule: messages.length > 0 ? w.messageRule(brief.since) : w.noMessages,
    scorecard: {
      themes: brief.sections
        .map((s) => ({ theme: s.theme, name: s.name, rows: scoreRows.filter((r) => r.theme === s.theme) }))
        .filter((t) => t.rows.length > 0),
      legend: w.legend(brief.country),
      description: w.description(
        brief.country,
        scoreRows.length,
        scoreRows.filter((r) => r.score === 100).length,
        scoreRows.filter((r) => r.rank && r.rank.value > r.rank.of - Math.ceil(r.rank.of / 3)).length,
      ),
    },
    table: {
      header: w.header(brief.since),
      themes: brief.sections
        .map((s) => ({ theme: s.theme, name: s.name, rows: s.headlines.map((h) => tableRow(brief, h)) }))
        .filter((t) => t.rows.length > 0),
    },
    efficiency: efficiencySentences(brief),
    gaps: gapsParagraph(brief),
    more: w.moreLine,
    labels: { messages: w.messages, scorecard: w.scorecard, table: w.table, efficiency: w.efficiency, gaps: w.gaps },
  };
}
