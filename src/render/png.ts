import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';
import { FONT } from '../charts/theme.ts';
import { FONT_FILES } from './fonts.ts';

/**
 * resvg's WebAssembly build, not its native module: the native @resvg/resvg-js 2.6 never returns
 * a render's pixmap (measured: 10 MiB more resident memory for every 960 × 2456 PNG, forced
 * garbage collections or not, so 250 charts at scale 2 held 2.7 GiB). Here every object is freed
 * by hand the moment its bytes are out, and the module's memory stays at the largest single
 * render. Same resvg version, byte-identical PNGs; about a third slower per raster.
 */
const require = createRequire(import.meta.url);
const ready = initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));

/** Noto Sans only: no system font can stand in, so every machine draws the same text. */
const RESVG_FONTS: ResvgRenderOptions['font'] = {
  fontBuffers: FONT_FILES.map((file) => readFileSync(file)),
  defaultFontFamily: FONT,
  sansSerifFamily: FONT,
};

/** Runs `use` on a parsed SVG and frees it (and so its tree and fonts) whatever happens. */
async function withResvg<T>(svg: string, options: ResvgRenderOptions, use: (resvg: ParsedSvg) => T): Promise<T> {
  await ready;
  const resvg = new Resvg(svg, { ...options, font: RESVG_FONTS });
  try {
    return use(resvg);
  } finally {
    resvg.free();
  }
}
type ParsedSvg = InstanceType<typeof Resvg>;

/**
 * SVG text → PNG bytes at `scale` device pixels per CSS pixel: the chart is laid out at its own
 * width (so scale 1 keeps 10 px text at 10 px) and scale 2 or 3 doubles or triples every pixel.
 */
export function renderPng(svg: string, scale = 1): Promise<Uint8Array<ArrayBuffer>> {
  return withResvg(svg, { fitTo: { mode: 'zoom', value: scale }, background: 'white' }, (resvg) => {
    const image = resvg.render();
    try {
      // A copy out of the module's memory, which the next render reuses.
      return new Uint8Array(image.asPng());
    } finally {
      image.free();
    }
  });
}

/** The same SVG with every text drawn as outlines of Noto Sans: renders alike without the font installed. */
export function outlineText(svg: string): Promise<string> {
  return withResvg(svg, {}, (resvg) => resvg.toString());
}
