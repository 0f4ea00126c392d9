import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { COUNTRIES } from '../../src/domain/countries.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { readPdf } from '../helpers/pdf.ts';
import { findSystemTool, requireSystemTool, skipWithoutTool } from '../helpers/system-tools.ts';

/**
 * The HTML brief printed by a real Chromium: A4 PDF, no chart cut by the page's content area, no
 * text under 8 pt, and page 1 in English and Vietnamese saved to test-results/ for review.
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
/** No inline script, nothing remote: the brief must print under this policy (styles inline are allowed). */
const CSP =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";
/** A4 at 96 CSS px per inch, less the page margins of the brief's @page rule (16 mm each side, 20 mm top, 18 mm bottom). */
const MM = 96 / 25.4;
const CONTENT = { width: (210 - 32) * MM, height: (297 - 38) * MM };
const MIN_PT = 8;

let test: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  test = await createLoadedDatabase();
  const app = createApp({
    db: test.db,
    now: () => new Date('2026-11-22T12:00:00Z'),
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
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  await test?.close();
});

describe.skipIf(skipWithoutTool('chromium')).each(['en', 'vi'] as const)(
  'the printed brief of Viet Nam against ASEAN (%s)',
  (lang) => {
    it('prints to an A4 PDF with every chart inside the content area and no text under 8 pt', async () => {
      // The page's own width is A4's content width, as in print.
      const page = await browser.newPage({ viewport: { width: Math.round(CONTENT.width), height: 1000 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
      });
      const response = await page.goto(`${base}/v1/briefs/VNM?group=ASEAN&lang=${lang}&part=all&format=html`);
      expect(response?.status()).toBe(200);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);

      const layout = await page.evaluate(() => {
        const charts = [...document.querySelectorAll('figure svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          const inner = (svg as SVGSVGElement).getBBox();
          const width = Number(svg.getAttribute('width'));
          const height = Number(svg.getAttribute('height'));
          return {
            box: { left: box.left, right: box.right, width: box.width, height: box.height },
            inner: { x: inner.x, y: inner.y, right: inner.x + inner.width, bottom: inner.y + inner.height },
            width,
            height,
            scale: box.width / width,
          };
        });
        const smallest: { text: string; px: number }[] = [];
        for (const el of document.querySelectorAll('body *')) {
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (!own) continue;
          let px = Number.parseFloat(getComputedStyle(el).fontSize);
          const svg = el.closest('svg');
          if (svg) px *= svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
          smallest.push({ text: (el.textContent ?? '').trim().slice(0, 40), px });
        }
        smallest.sort((a, b) => a.px - b.px);
        return { charts, smallest: smallest.slice(0, 3), scripts: document.scripts.length };
      });
      expect(layout.scripts).toBe(0);
      expect(layout.charts.length).toBeGreaterThanOrEqual(5);
      for (const chart of layout.charts) {
        // The SVG box lies within the page's content area…
        expect(chart.box.left).toBeGreaterThanOrEqual(-0.5);
        expect(chart.box.right).toBeLessThanOrEqual(CONTENT.width + 0.5);
        expect(chart.box.height).toBeLessThanOrEqual(CONTENT.height);
        // …and everything vega drew lies within the SVG (nothing cut at its edges).
        expect(chart.inner.x).toBeGreaterThanOrEqual(-1);
        expect(chart.inner.y).toBeGreaterThanOrEqual(-1);
        expect(chart.inner.right).toBeLessThanOrEqual(chart.width + 1);
        expect(chart.inner.bottom).toBeLessThanOrEqual(chart.height + 1);
      }
      // 8 pt = 8 × 96 / 72 CSS px.
      expect(layout.smallest[0]?.px, JSON.stringify(layout.smallest)).toBeGreaterThanOrEqual((MIN_PT * 96) / 72 - 0.01);
      expect(errors).toEqual([]);

      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(ARTIFACTS, `brief-VNM-ASEAN-${lang}.pdf`);
      await writeFile(file, pdf);
      const printed = await readPdf(pdf);
      expect(printed.pages[0]).toContain(lang === 'vi' ? 'đứng thứ' : 'of 11');
      await writeFile(path.join(ARTIFACTS, `brief-VNM-ASEAN-${lang}-page1.txt`), printed.pages[0] ?? '');
      // A4: 595.28 × 841.89 pt.
      expect(printed.sizes[0]?.width).toBeCloseTo(595.28, 0);
      expect(printed.sizes[0]?.height).toBeCloseTo(841.89, 0);
      // Page 1 as an image for review (CI artefact): poppler's rasteriser where installed, else the screen.
      const png = path.join(ARTIFACTS, `brief-VNM-ASEAN-${lang}-page1`);
      const pdftoppm = findSystemTool('pdftoppm');
      if (pdftoppm) {
        await promisify(execFile)(pdftoppm, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, png]);
      } else {
        await page.setViewportSize({ width: Math.round(210 * MM), height: Math.round(297 * MM) });
        await page.screenshot({ path: `${png}.png` });
      }
      await page.close();
    });

    it('prints the fact sheet on exactly two A4 pages, no text under 8.5 pt, the scorecard inside the column', async () => {
      const page = await browser.newPage({ viewport: { width: Math.round(CONTENT.width), height: 1000 } });
      const response = await page.goto(`${base}/v1/briefs/VNM?group=ASEAN&lang=${lang}&format=html`);
      expect(response?.status()).toBe(200);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      const box = await page.evaluate(() => {
        const svg = document.querySelector('figure.scorecard svg') as SVGSVGElement;
        const r = svg.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(box.left).toBeGreaterThanOrEqual(-0.5);
      expect(box.right).toBeLessThanOrEqual(CONTENT.width + 0.5);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      await writeFile(path.join(ARTIFACTS, `fact-sheet-VNM-ASEAN-${lang}.pdf`), pdf);
      const printed = await readPdf(pdf);
      expect(printed.pages).toHaveLength(2);
      expect(printed.smallestText).toBeGreaterThanOrEqual(8.5 - 0.01);
      expect(printed.pages[0]).toContain(lang === 'vi' ? 'Thông điệp chính' : 'Key messages');
      await page.close();
    });
  },
);

describe.skipIf(skipWithoutTool('chromium'))('every printed fact sheet', () => {
  it('is exactly two A4 pages with no text under 8.5 pt: 14 countries × ASEAN, ASEAN+3 × en, vi', async () => {
    const page = await browser.newPage();
    const printed: string[] = [];
    for (const { iso3 } of COUNTRIES)
      for (const group of ['ASEAN', 'ASEAN+3'])
        for (const lang of ['en', 'vi']) {
          await page.goto(`${base}/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=${lang}&format=html`);
          await page.evaluate(() => document.fonts.ready);
          const pdf = await readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
          printed.push(
            `${iso3} ${group} ${lang}: ${pdf.pages.length} pages, ${pdf.smallestText >= 8.49 ? 'ok' : pdf.smallestText}`,
          );
        }
    expect(printed).toEqual(
      COUNTRIES.flatMap(({ iso3 }) =>
        ['ASEAN', 'ASEAN+3'].flatMap((g) => ['en', 'vi'].map((l) => `${iso3} ${g} ${l}: 2 pages, ok`)),
      ),
    );
    await page.close();
  }, 300_000);
});
