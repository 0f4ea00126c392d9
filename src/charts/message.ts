import type { TopLevelSpec } from 'vega-lite';
import { type ChartFrame, framed } from './frame.ts';
import { wrapText } from './text-measure.ts';

/** A chart with nothing to draw says so in words, in the plot area, with the usual title and footer. */
export function messageChart(lines: readonly string[], frame: ChartFrame): TopLevelSpec {
  const wrapped = lines.flatMap((line) => wrapText(line, frame.width - 24, 14));
  const body = {
    layer: [
      {
        data: { values: [{}] },
        mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 14, lineHeight: 20, color: '#222222' },
        encoding: { text: { value: wrapped }, x: { value: 0 }, y: { value: 8 } },
      },
    ],
  };
  return framed(body, { ...frame, height: 20 * wrapped.length + 16 }, { left: 0, bottom: 8 });
}
