import type { IndicatorRow } from '../db/schema.ts';
import type { BriefIndicator } from '../documents/brief-model.ts';
import type { Theme } from '../domain/themes.ts';
import { isValueAttribute } from '../domain/value-attributes.ts';
import type { ProfileEntry } from './brief-request.ts';

/** Headline indicators per theme. */
const HEADLINES_PER_THEME = 4;
/**
 * Never headlines, beside the attributes of a value (isValueAttribute): duplicate percentile and
 * world ranks, and WWBI's private-sector comparators (a civil-service brief leads with the public
 * sector's figures), and the WGI's 0–100 scores, the same estimate on another scale as the
 * `.EST` beside them.
 */
const NOT_HEADLINE =
  /(\.PER\.RNK|_RANK|^BI\.WAG\.PREM\.PB\.PV)$|^BI\.[A-Z]+\.(PRVS|AGES\.PV|CPRS\.PV)\.|^(CC|GE|PV|RL|RQ|VA)\.SCORE$/;
const isHeadlineCandidate = (code: string) => !isValueAttribute(code) && !NOT_HEADLINE.test(code);
const LEVEL_ORDER: Record<string, number> = { index: 0, domain: 1, theme: 2, indicator: 3 };
/** The top of a source's hierarchy (or a stand-alone series) before its parts. */
const hierarchyOrder = (i: IndicatorRow | undefined) => (!i?.parent_code ? 0 : 1 + (LEVEL_ORDER[i.level ?? ''] ?? 3));

/** Each caveat once, naming every headline indicator it applies to (a source's caveats repeat across its indicators). */
export function caveatsOf(headlines: BriefIndicator[]): { indicator: string; text: string }[] {
  const byText = new Map<string, string[]>();
  for (const h of headlines) for (const text of h.caveats) byText.set(text, [...(byText.get(text) ?? []), h.indicator]);
  return [...byText].map(([text, codes]) => ({ indicator: codes.join(', '), text }));
}

/**
 * The headline indicators of a theme: not bands, source counts or duplicate ranks; most peers
 * reporting first, then indicators with a direction, the top of a hierarchy, the newest year;
 * one per source before a second from the same source.
 */
export function headlinesOf(
  entries: ProfileEntry[],
  indicators: Map<string, IndicatorRow>,
  theme: Theme,
): ProfileEntry[] {
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
