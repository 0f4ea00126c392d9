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

/**
 * Wraps a chart body (a unit, layer or facet spec with its own data) with the title, subtitle,
 * source footer, description and theme. The footer is a text mark under the chart because
 * Vega-Lite has no footer of its own.
 */
export function framed(body: Record<string, unknown>, frame: ChartFrame): TopLevelSpec {
  const footer = {
    data: { values: [{}] },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10, color: '#555555', lineBreak: '\n', lineHeight: FOOTER_LINE_HEIGHT },
    encoding: { text: { value: frame.footer.join('\n') }, x: { value: 0 }, y: { value: 0 } },
    width: frame.width,
    height: FOOTER_LINE_HEIGHT * frame.footer.length,
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
