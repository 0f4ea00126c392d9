/**
 * Advance widths of Noto Sans (regular and bold) for every character a chart can show, in em, so
 * vega lays text out on the server (and on Workers, without a canvas) with the font the browser
 * and the PNG use. Kerning is ignored: it moves a label by a fraction of a pixel.
 * Usage: npm run build:text-metrics  →  src/charts/text-widths.json
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_FILES } from '../src/render/fonts.ts';

/** Latin, Latin-1, Latin Extended-A/B, Vietnamese, general punctuation, arrows, minus. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x323],
  [0x1ea0, 0x1ef9],
  [0x2010, 0x2044],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];

function widths(file: string): Record<string, number> {
  const font = fontkit.openSync(file) as fontkit.Font;
  const out: Record<string, number> = {};
  for (const [from, to] of RANGES)
    for (let cp = from; cp <= to; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      out[cp.toString(36)] = Math.round((glyph.advanceWidth / font.unitsPerEm) * 1e4) / 1e4;
    }
  return out;
}

const [regular, bold] = FONT_FILES as [string, string];
const target = path.resolve(import.meta.dirname, '../src/charts/text-widths.json');
await writeFile(target, `${JSON.stringify({ regular: widths(regular), bold: widths(bold) })}\n`);
console.log(`wrote ${target}`);
