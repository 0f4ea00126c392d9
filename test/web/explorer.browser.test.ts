import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

/** Debian's Chromium (CI installs it); never a browser downloaded by a test tool. */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');

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
  });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});

/** Every CSP violation the page reports, from the console and from the securitypolicyviolation event. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|unsafe-eval/i.test(error.message)) violations.push(error.message);
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

afterAll(async () => {
  await browser?.close();
  server?.close();
  await test?.close();
});

describe.skipIf(!existsSync(CHROMIUM))('the explorer and the embed page in Chromium', () => {
  it('draws a chart, then redraws it with new data when the countries and the chart type change', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = watchCsp(page);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-render-count="1"]');
    expect(await page.locator('#chart svg.marks').count()).toBe(1);
    expect(await page.textContent('#description')).toContain('ranks first of 14');
    expect(await page.getAttribute('#data-table', 'data-rows')).toBe('14');

    // Pick five countries, then switch to a time series.
    await page.selectOption('#group', '');
    await page.waitForSelector('body[data-render-count="2"]');
    expect(await page.textContent('#description')).toContain('ranks first of 5');
    await page.selectOption('#type', 'timeseries');
    await page.waitForSelector('body[data-render-count="3"][data-chart-type="timeseries"]');
    const svgText = (await page.locator('#chart svg.marks').textContent()) ?? '';
    for (const country of ['Viet Nam', 'Thailand', 'Singapore', 'Malaysia', 'Indonesia'])
      expect(svgText).toContain(country);
    expect(svgText).not.toContain('Japan');
    expect(Number(await page.getAttribute('#data-table', 'data-rows'))).toBe(5 * 12); // 5 countries × 12 EGDI editions

    // Vietnamese labels.
    await page.selectOption('#lang', 'vi');
    await page.waitForSelector('body[data-render-count="4"]');
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Việt Nam');
    expect(await page.inputValue('#embed-snippet')).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/timeseries\?/,
    );
    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png'), fullPage: true });
    await page.close();
  });

  it('the embed page renders the chart as SVG from the local assets', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const violations = watchCsp(page);
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) external.push(request.url());
    });
    await page.goto(`${base}/embed/ranking?indicator=EGDI&group=ASEAN&year=2024&lang=vi&highlight=VNM`);
    await page.waitForSelector('body[data-rendered="true"] #chart svg.marks');
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Việt Nam');
    expect(external).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'embed-ranking.png'), fullPage: true });
    await page.close();
  });

  it('the API reference renders under its Content-Security-Policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const violations = watchCsp(page);
    const response = await page.goto(`${base}/docs`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForSelector('text=CivScope API', { timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
    await page.close();
  });
});
