import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { CHART_TYPES } from '../../src/charts/chart-types.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { FONT_FACES } from '../../src/web/html.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { CHART_SAMPLES } from './chart-samples.ts';
import { requireSystemTool, skipWithoutTool } from '../helpers/system-tools.ts';

/**
 * The visual test: every registered chart type, in English and Vietnamese, at 320, 700 and 1600 px,
 * drawn twice — by vega-embed in the embed page in Chromium, and by the server as the SVG that
 * resvg turns into the PNG. In both, no two texts overlap, nothing leaves the frame, and no text
 * is under 10 px at scale 1. The images are kept in test-results/visual for a person to look at.
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/visual');
const WIDTHS = [320, 700, 1600] as const;
const LANGS = ['en', 'vi'] as const;

let test: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  test = await createLoadedDatabase();
  const app = createApp({
    db: test.db,
    versions: dataVersionSource(test.db, 0),
    assets: nodeAssets(),
    renderer: inThreadRenderer(RENDERERS),
    lpSolver: loadHighsSolver,
  });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: requireSystemTool('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await test?.close();
});

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
}

export interface Inspection {
  texts: number;
  overlaps: string[];
  clipped: string[];
  smallest: number;
  /** Texts under 10 px, with their size. */
  small: string[];
  svgWidth: number;
}

/** Every visible SVG text's box and font size, then the pairs that overlap and the texts outside the frame. */
async function inspect(page: Page, frameWidth: number): Promise<Inspection> {
  const boxes: TextBox[] = await page.$$eval('svg text', (elements) =>
    elements
      .filter((el) => (el.textContent ?? '').trim() !== '' && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => Number(getComputedStyle(el).opacity) > 0 && Number(el.getAttribute('fill-opacity') ?? 1) > 0)
      .flatMap((el) => {
        // A multi-line text is one box per line.
        const lines = el.querySelectorAll('tspan').length > 0 ? [...el.querySelectorAll('tspan')] : [el];
        // Rotated text (a y axis title) keeps its size: the scale is the length of the CTM's first column.
        const ctm = (el as SVGGraphicsElement).getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        return lines.map((line) => {
          const r = line.getBoundingClientRect();
          return {
            text: (line.textContent ?? '').trim(),
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            fontSize: Number.parseFloat(getComputedStyle(el).fontSize) * scale,
          };
        });
      }),
  );
  const svgWidth = await page.$eval('svg', (svg) => svg.getBoundingClientRect().width);
  const shrink = 1; // a pixel of anti-aliasing is not an overlap
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as TextBox;
      const b = boxes[j] as TextBox;
      // A label drawn twice at one place (a white halo under dark text) is one label.
      const halo = a.text === b.text && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1;
      if (
        !halo &&
        a.left + shrink < b.right - shrink &&
        b.left + shrink < a.right - shrink &&
        a.top + shrink < b.bottom - shrink &&
        b.top + shrink < a.bottom - shrink
      )
        overlaps.push(`"${a.text}" × "${b.text}"`);
    }
  const clipped = boxes.filter((b) => b.left < -0.5 || b.right > frameWidth + 0.5 || b.top < -0.5).map((b) => b.text);
  if (svgWidth > frameWidth + 0.5) clipped.push(`svg ${svgWidth} px wide`);
  return {
    texts: boxes.length,
    overlaps,
    clipped,
    smallest: Math.min(...boxes.map((b) => b.fontSize)),
    small: boxes.filter((b) => b.fontSize < 10).map((b) => `${b.text} (${b.fontSize} px)`),
    svgWidth,
  };
}

const tally = { combinations: 0, overlaps: 0, clipped: 0, smallest: Number.POSITIVE_INFINITY };

describe.skipIf(skipWithoutTool('chromium'))('every chart type looks right in Chromium and as PNG', () => {
  const cases = CHART_TYPES.flatMap((type) => LANGS.flatMap((lang) => WIDTHS.map((width) => ({ type, lang, width }))));
  it.each(cases)('$type ($lang) at $width px', { timeout: 60_000 }, async ({ type, lang, width }) => {
    const query = `${CHART_SAMPLES[type]}&lang=${lang}&width=${width}`;
    const name = `${type}-${lang}-${width}`;
    // 1. The embed page in a frame of that width (the page lays the chart out for its own width).
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/embed/${type}?${query}`);
    await page.waitForSelector('body[data-rendered="true"] #chart svg.marks');
    const inBrowser = await inspect(page, width);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-embed.png`), fullPage: true });

    // 2. The server's SVG, the one resvg rasterises, measured in the same browser with the same font.
    const svg = await (await fetch(`${base}/v1/charts/${type}.svg?${query}`)).text();
    await page.setContent(
      `<!doctype html><html><head>${FONT_FACES}<style>body{margin:0}</style></head><body>${svg}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    const served = await inspect(page, width);
    const png = new Uint8Array(await (await fetch(`${base}/v1/charts/${type}.png?${query}`)).arrayBuffer());
    await writeFile(path.join(ARTIFACTS, `${name}.png`), png);
    await page.close();
    const pngWidth = new DataView(png.buffer).getUint32(16);

    tally.combinations += 1;
    tally.overlaps += inBrowser.overlaps.length + served.overlaps.length;
    tally.clipped += inBrowser.clipped.length + served.clipped.length;
    tally.smallest = Math.min(tally.smallest, inBrowser.smallest, served.smallest);
    expect({ browser: inBrowser.overlaps, png: served.overlaps }).toEqual({ browser: [], png: [] });
    expect({ browser: inBrowser.clipped, png: served.clipped }).toEqual({ browser: [], png: [] });
    expect({ browser: inBrowser.small, png: served.small }).toEqual({ browser: [], png: [] });
    expect(pngWidth).toBe(Math.ceil(served.svgWidth)); // scale 1: one PNG pixel per CSS pixel
    expect(pngWidth).toBeLessThanOrEqual(width);
  });

  afterAll(async () => {
    await writeFile(path.join(ARTIFACTS, 'summary.json'), `${JSON.stringify(tally, null, 2)}\n`);
    console.log(
      `visual test: ${tally.combinations} combinations, ${tally.overlaps} overlapping text pairs, ${tally.clipped} clipped, smallest text ${tally.smallest} px`,
    );
  });
});
