import type { Config } from 'vega-lite';
import { type Lang, NUMBER_LOCALE } from './locale.ts';

/** The font every chart uses; the same TTF is loaded by the PNG renderer, so text looks alike everywhere. */
export const FONT = 'Noto Sans';

/**
 * One fixed colour per country, in every chart. The colours come from the Okabe–Ito palette and
 * Paul Tol's "muted" palette, both designed for colour-vision deficiencies, and are all dark
 * enough for a thin line on white. With 14 countries no palette keeps every pair apart for every
 * deficiency, so charts also label countries directly and `highlight` greys out the others.
 */
export const COUNTRY_COLOURS: Readonly<Record<string, string>> = {
  BRN: '#999933',
  KHM: '#44AA99',
  IDN: '#CC6677',
  LAO: '#882255',
  MYS: '#332288',
  MMR: '#117733',
  PHL: '#AA4499',
  SGP: '#E69F00',
  THA: '#0072B2',
  VNM: '#D55E00',
  TLS: '#56B4E9',
  CHN: '#661100',
  JPN: '#009E73',
  KOR: '#6A6A6A',
};

/** Colour of everything that is not the highlighted country. */
export const MUTED = '#C8C8C8';
export const NO_DATA = '#EEEEEE';
/** Sequential, colour-blind-safe scheme for scores and maps. */
export const SEQUENTIAL_SCHEME = 'viridis';

/** The countries a chart brings forward; the others are greyed out. Empty or absent: none. */
export type Highlight = readonly string[] | undefined;

/** A colour scale with one fixed colour per country: the same country is the same colour in every chart. */
export function countryColourScale(iso3s: readonly string[], highlight?: Highlight) {
  // Only a highlighted country that is drawn greys the others: one outside the chart (not in the
  // group) leaves every country in its colour, and the subtitle says it is not drawn.
  const drawn = (highlight ?? []).filter((iso3) => iso3s.includes(iso3));
  const muted = (iso3: string) => drawn.length > 0 && !drawn.includes(iso3);
  return {
    domain: [...iso3s],
    range: iso3s.map((iso3) => (muted(iso3) ? MUTED : (COUNTRY_COLOURS[iso3] ?? MUTED))),
  };
}

/** A Vega test that is true for the highlighted countries (codes are checked ISO3, safe to quote). */
export function highlightTest(highlight: readonly string[]): string {
  return `indexof(${JSON.stringify(highlight)}, datum.iso3) >= 0`;
}

export function chartConfig(lang: Lang): Config {
  return {
    font: FONT,
    locale: { number: NUMBER_LOCALE[lang] as unknown as NonNullable<Config['locale']>['number'] },
    // Line heights of 1.4 em: Noto Sans's ascenders and descenders take 1.36 em, so wrapped lines never touch.
    title: {
      anchor: 'start',
      fontSize: 16,
      lineHeight: 22,
      subtitleFontSize: 12,
      subtitleLineHeight: 17,
      subtitlePadding: 4,
      subtitleColor: '#444444',
      offset: 12,
    },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#EEEEEE', titleLineHeight: 17 },
    legend: { labelFontSize: 11, titleFontSize: 12, titleLineHeight: 17 },
    view: { stroke: null },
    background: 'white',
  };
}
