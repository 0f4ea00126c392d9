import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './theme.ts';
import type { Lang } from './locale.ts';

/** What every chart carries besides its marks. */
export interface ChartFrame {
  lang: Lang;
  title: string;
  /** Peer group, year(s), normalisation: one line each. */
  subtitle: string[];
  /** Source, licence and release lines. */
  footer: string[];
  /** Alt text, generated from the data. */
  description: string;
  width: number;
  height: number;
}

const FOOTER_LINE_HEIGHT = 14;
/** Average width of a 10 px Noto Sans character, to wrap the footer to the chart width. */
const FOOTER_CHAR_WIDTH = 5.6;

/** Vega text does not wrap: long source lines are broken at spaces to fit the chart width. */
export function wrapLines(lines: readonly string[], width: number): string[] {
  const max = Math.max(40, Math.floor(width / FOOTER_CHAR_WIDTH));
  return lines.flatMap((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + 1 + word.length > max) {
        out.push(current);
        current = `  ${word}`;
      } else current = current ? `${current} ${word}` : word;
    }
    if (current) out.push(current);
    return out;
  });
}

/**
 * Wraps a chart body (a unit, layer or facet spec with its own data) with the title, subtitle,
 * source footer, description and theme. The footer is a text mark under the chart because
 * Vega-Lite has no footer of its own.
 */
export function framed(body: Record<string, unknown>, frame: ChartFrame): TopLevelSpec {
  const footerLines = wrapLines(frame.footer, frame.width);
  const footer = {
    data: { values: [{}] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: 10,
      color: '#555555',
      lineBreak: '\n',
      lineHeight: FOOTER_LINE_HEIGHT,
    },
    encoding: { text: { value: footerLines.join('\n') }, x: { value: 0 }, y: { value: 0 } },
    width: frame.width,
    height: FOOTER_LINE_HEIGHT * footerLines.length,
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: frame.description,
    title: { text: frame.title, subtitle: frame.subtitle },
    config: chartConfig(frame.lang),
    vconcat: [body, footer],
    spacing: 16,
    usermeta: { lang: frame.lang, description: frame.description },
  } as unknown as TopLevelSpec;
}

/** d3-format string for an indicator's number of decimals, with thousands separators. */
export function numberFormat(decimals: number): string {
  return `,.${decimals}f`;
}
