import { Resvg } from '@resvg/resvg-js';
import { FONT } from '../charts/theme.ts';
import { FONT_FILES } from './fonts.ts';

/** SVG text → PNG bytes of exactly `width` pixels wide (height follows the chart's aspect ratio). */
export function renderPng(svg: string, width: number): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: 'white',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return new Uint8Array(resvg.render().asPng());
}
