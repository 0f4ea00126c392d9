import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT } from '../charts/theme.ts';
import { FONT_FILES } from './fonts.ts';

/** resvg with Noto Sans only: no system font can stand in, so every machine draws the same text. */
const RESVG_FONTS: ResvgRenderOptions['font'] = {
  fontFiles: FONT_FILES,
  loadSystemFonts: false,
  defaultFontFamily: FONT,
  sansSerifFamily: FONT,
};

/**
 * SVG text → PNG bytes at `scale` device pixels per CSS pixel: the chart is laid out at its own
 * width (so scale 1 keeps 10 px text at 10 px) and scale 2 or 3 doubles or triples every pixel.
 */
export function renderPng(svg: string, scale = 1): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, background: 'white', font: RESVG_FONTS });
  return new Uint8Array(resvg.render().asPng());
}

/** The same SVG with every text drawn as outlines of Noto Sans: renders alike without the font installed. */
export function outlineText(svg: string): string {
  return new Resvg(svg, { font: RESVG_FONTS }).toString();
}
