import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { briefDocx } from '../../src/documents/brief-docx.ts';
import { briefPdf } from '../../src/documents/brief-pdf.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { COUNTRIES } from '../../src/domain/countries.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { UI } from '../../src/web/i18n.ts';
import { nodeAssets } from '../../src/web/node-assets.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { requireSystemTool, skipWithoutTool } from '../helpers/system-tools.ts';

/** Debian's Chromium (CI installs it); never a browser downloaded by a test tool. */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
/** The strictest policy the pages must work under: nothing inline, nothing evaluated, nothing remote. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

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
    // As on Node: the brief is also written as PDF and Word, so the explorer offers both.
    lpSolver: loadHighsSolver,
    briefDocuments: { pdf: briefPdf, docx: briefDocx },
  });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: requireSystemTool('chromium'),
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

/** A page that gets the strict CSP on every document and records errors and requests leaving the server. */
async function openPage(width: number) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) external.push(r.url());
  });
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  return { page, problems, external };
}

async function rendered(page: Page, count: number) {
  await page.waitForSelector(`body[data-render-count="${count}"]`, { timeout: 30_000 });
}

/**
 * English words a Vietnamese page must not show: every word of the English dictionary and of the
 * English country names that the Vietnamese ones do not also use.
 */
function englishWords(): Set<string> {
  const words = (texts: string[]) =>
    new Set(texts.flatMap((t) => t.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? []).filter((w) => w !== 'asean'));
  const vi = words([...Object.values(UI.vi), ...COUNTRIES.map((c) => c.nameVi)]);
  const en = words([...Object.values(UI.en), ...COUNTRIES.map((c) => c.nameEn)]);
  return new Set([...en].filter((w) => !vi.has(w)));
}

/**
 * Every visible string of the page, except text marked lang="en" (quoted from a source), code
 * (the API call and embed snippet) and, in chart footers, the publisher's own name and licence
 * after the localised "Source:" / "Licence:" label.
 */
async function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A chart's multi-line text (a footer) is one string: its lines are tspans of one <text>.
      const parent = node.parentElement?.closest('svg text') ?? node.parentElement;
      if (!parent || seen.has(parent) || parent.closest('[lang="en"], code, cite, textarea, script, [hidden]'))
        continue;
      seen.add(parent);
      const text = (parent.closest('svg') ? parent.textContent : node.textContent)?.trim() ?? '';
      if (!text || (parent.closest('svg') === null && parent.getClientRects().length === 0)) continue;
      out.push(text);
    }
    return out;
  });
}

async function untranslated(page: Page): Promise<string[]> {
  const english = englishWords();
  const footerLabels = [UI.vi['sources.source'], 'Giấy phép', 'Phiên bản dữ liệu'];
  return (await visibleStrings(page)).filter((text) => {
    const label = footerLabels.find((l) => text.startsWith(`${l}:`));
    const own = label ? label : text;
    const words = own.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [];
    return words.some((w) => english.has(w));
  });
}

async function viewOf(page: Page) {
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    lang: document.documentElement.lang,
    selectedTab: document.querySelector('[role="tab"][aria-selected="true"]')?.id,
    chart: document.querySelector('#chart svg.marks, #map svg.marks')?.textContent,
    table: document.querySelector('#data-table')?.textContent,
    sorted: [...document.querySelectorAll('#data-table th[aria-sort]')].map(
      (th) => `${th.textContent} ${th.getAttribute('aria-sort')}`,
    ),
    controls: [
      ...document.querySelectorAll<HTMLInputElement>('#controls input:not([type=search]), #controls select'),
    ].map((el) => (el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value)),
  }));
}

/**
 * The chart's texts that a reader cannot read: outside the frame (clipped) or under 10 px. A rotated
 * or scaled text keeps its size: the scale is the length of the CTM's first column.
 */
async function unreadableText(page: Page, selector: string, frameWidth: number) {
  const boxes = await page.$$eval(`${selector} svg.marks text`, (elements) =>
    elements
      .filter((el) => (el.textContent ?? '').trim() !== '' && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        const ctm = (el as SVGGraphicsElement).getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const size = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
        return { text: (el.textContent ?? '').trim(), left: r.left, right: r.right, size };
      }),
  );
  const svgRight = await page.$eval(`${selector} svg.marks`, (svg) => svg.getBoundingClientRect().right);
  return {
    texts: boxes.length,
    clipped: [
      ...boxes.filter((b) => b.left < -0.5 || b.right > frameWidth + 0.5).map((b) => b.text),
      ...(svgRight > frameWidth + 0.5 ? [`svg ends at ${svgRight} px`] : []),
    ],
    small: boxes.filter((b) => b.size < 10).map((b) => `${b.text} (${b.size} px)`),
  };
}

describe.skipIf(skipWithoutTool('chromium'))('the explorer, embed and methods pages in Chromium', () => {
  it('walks a Vietnamese analyst journey: shared link, tabs, search, CSV, copied link, back button', async () => {
    const { page, problems, external } = await openPage(1600);
    // 1. A colleague's link: Government Effectiveness over time for ASEAN, Viet Nam highlighted.
    await page.goto(`${base}/?lang=vi&type=timeseries&indicator=GE.EST&group=ASEAN&from=2015&highlight=VNM`);
    await rendered(page, 1);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Việt Nam');
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Hiệu quả của Chính phủ');
    expect(await page.inputValue('#type')).toBe('timeseries');
    expect(await page.getAttribute('#highlight button[data-iso3="VNM"]', 'aria-pressed')).toBe('true');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vi-1600-chart.png'), fullPage: true });
    const sharedView = await viewOf(page);

    // 2. The table: rounded to the indicator's 4 decimals with a decimal comma, sortable.
    await page.click('#tab-table');
    await rendered(page, 2);
    const cells = await page.locator('#data-table tbody td.num').allTextContents();
    expect(cells.filter((c) => /^[-−]?\d,\d{4}$/.test(c)).length).toBeGreaterThan(10);
    expect(cells.some((c) => /\d\.\d/.test(c))).toBe(false);
    await page.click('#data-table th:nth-child(3) button');
    expect(await page.getAttribute('#data-table th:nth-child(3)', 'aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('3');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vi-1600-table.png'), fullPage: true });
    expect(await untranslated(page)).toEqual([]);

    // 3. Sources: definition, caveats, release and what the last release changed.
    await page.click('#tab-sources');
    await rendered(page, 3);
    const sources = (await page.textContent('#sources')) ?? '';
    for (const label of ['Định nghĩa', 'Giấy phép', 'Trích dẫn', 'Thay đổi trong phiên bản mới nhất'])
      expect(sources).toContain(label);
    // The definition in Vietnamese (CivScope's translation, said so), the source's English a click away.
    expect(sources).toContain('Ước lượng nhận thức về chất lượng dịch vụ công, chất lượng của đội ngũ công chức');
    expect(sources).toContain('Bản dịch của CivScope; văn bản tiếng Anh của nguồn là bản chính thức.');
    expect(await page.locator('#sources details[open]').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vi-1600-sources.png'), fullPage: true });
    expect(await untranslated(page)).toEqual([]);

    // 4. Search by the Vietnamese name, typed without accents, and pick digital government.
    await page.waitForSelector('body[data-coverage-loaded="true"]', { timeout: 60_000 });
    // A theme resting on thin evidence says so, in Vietnamese, above its indicators.
    await page.waitForSelector('body[data-themes-loaded="true"]', { timeout: 60_000 });
    expect(await page.textContent('details[data-theme="training-and-learning"] .thin-evidence')).toMatch(
      /^Bằng chứng còn mỏng: 9 chỉ số của 1 tổ chức công bố \(CivScope\) có giá trị;/,
    );
    expect(await page.locator('details[data-theme="digital-transformation"] .thin-evidence').count()).toBe(0);
    await page.fill('#indicator-search', 'chinh phu dien tu');
    const found = await page
      .locator('#indicator-list button[data-code]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.code));
    expect(found).toContain('EGDI');
    expect(found).not.toContain('GE.EST');
    expect(await page.textContent('#indicator-list button[data-code="EGDI"]')).toMatch(/14\/14 nước · 2003–2024/);
    await page.click('#indicator-list button[data-code="EGDI"]');
    await rendered(page, 4);
    expect(await page.textContent('#sources h2')).toBe('Chỉ số phát triển Chính phủ điện tử (EGDI)');

    // 5. Download: the CSV of the view for Excel (a byte order mark, Vietnamese column names, the
    // indicator's name and unit, display decimals), and the exact CSV for systems beside it.
    await page.click('#tab-download');
    await rendered(page, 5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vi-1600-download.png'), fullPage: true });
    expect(await untranslated(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'Chỉ số,Đơn vị,Mã ISO3,Quốc gia,Quốc gia (tiếng Anh),Năm,Giá trị,Cờ đánh dấu,Ghi chú,Phiên bản dữ liệu,Nguồn,Giấy phép,Tài liệu tham chiếu',
    );
    expect(csv).toContain('Chỉ số phát triển Chính phủ điện tử (EGDI),chỉ số 0–1,VNM,Việt Nam,Viet Nam,2024,0.7709,');
    const [exact] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv-exact')]);
    const exactCsv = await readFile((await exact.path()) as string, 'utf8');
    expect(exactCsv.split('\r\n')[0]).toBe(
      'indicator,iso3,country,year,value,flag,note,release,source,licence,reference_url',
    );
    expect(exactCsv).toContain('EGDI,VNM,Việt Nam,2024,0.77092,');
    expect(await page.getAttribute('#dl-xlsx', 'href')).toMatch(/format=xlsx&style=reader$/);
    expect(await page.getAttribute('#dl-pdf', 'href')).toMatch(/^\/v1\/charts\/timeseries\.pdf\?/);
    // The brief of the highlighted country within the group, in the page's language.
    expect(await page.getAttribute('#brief-link', 'href')).toBe('/v1/briefs/VNM?group=ASEAN&lang=vi&format=html');
    expect(await page.textContent('#brief-link')).toBe('Bản tóm tắt về Việt Nam trong nhóm ASEAN');
    // The same brief as a PDF to print and as a Word file to edit; each link answers with its document.
    expect(await page.textContent('#brief-docx')).toBe('Word (chỉnh sửa được)');
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const href = await page.getAttribute(`#brief-${format}`, 'href');
      expect(href).toBe(`/v1/briefs/VNM?group=ASEAN&lang=vi&format=${format}`);
      const document = await page.request.get(`${base}${href}`);
      expect([document.status(), document.headers()['content-type']]).toEqual([200, type]);
    }

    // 6. The map tab, then the back button walks back through the views.
    await page.click('#tab-map');
    await rendered(page, 6);
    expect(await page.locator('#map svg.marks').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vi-1600-map.png'), fullPage: true });
    expect(await untranslated(page)).toEqual([]);
    await page.goBack();
    await rendered(page, 7);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('download');
    for (let count = 8; count <= 11; count++) {
      await page.goBack();
      await rendered(page, count);
    }
    expect(await viewOf(page)).toEqual(sharedView);

    // 7. "Copy link" gives a URL that reopens the identical view in a new window.
    await page.click('#tab-table');
    await rendered(page, 12);
    // Sorted by value, highest first: the sort is part of the link.
    await page.click('#data-table th:nth-child(3) button');
    await page.click('#data-table th:nth-child(3) button');
    expect(await page.getAttribute('#data-table th:nth-child(3)', 'aria-sort')).toBe('descending');
    await page.click('#copy-link');
    const link = (await page.getAttribute('body', 'data-copied-link')) as string;
    const view = await viewOf(page);
    const other = await openPage(1600);
    await other.page.goto(link);
    await rendered(other.page, 1);
    expect(await viewOf(other.page)).toEqual(view);
    await other.page.close();

    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('shows the first chart of /?lang=vi from the HTML itself on a throttled phone, then swaps in the interactive chart', async () => {
    // The page's HTML carries the chart at both widths, drawn on the server: no script is needed to see it.
    const html = await (await fetch(`${base}/?lang=vi`)).text();
    expect(html).toMatch(/<div class="first-paint narrow"><svg [^>]*width="360"/);
    expect(html).toMatch(/<div class="first-paint wide"><svg [^>]*width="720"/);
    expect(html).toMatch(/<script defer src="\/assets\/vega\.min\.js\?v=[\w-]{16}">/);
    // The phone profile of the issue: CPU 4x slower, 1.6 Mbit/s down, 150 ms latency, nothing cached.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const violations = watchCsp(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = performance.now();
    await page.goto(`${base}/?lang=vi`, { waitUntil: 'commit' });
    await page.waitForSelector('#chart .first-paint.narrow svg', { state: 'visible' });
    const firstChart = performance.now() - started;
    expect(await page.locator('#chart .first-paint.wide svg').isVisible()).toBe(false);
    await page.waitForSelector('body[data-render-count="1"]', { timeout: 90_000 });
    const interactive = performance.now() - started;
    // Printed, not asserted: timings belong to measurements, and this machine is shared.
    console.log(
      `phone profile (CPU 4x, 1.6 Mbit/s, 150 ms): first chart ${firstChart.toFixed(0)} ms, interactive chart ${interactive.toFixed(0)} ms`,
    );
    expect(await page.locator('#chart .first-paint').count()).toBe(0);
    expect(await page.locator('#chart svg.marks').count()).toBe(1);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('looks right at 390 and 1600 px in both languages (screenshots in test-results/)', async () => {
    for (const lang of ['vi', 'en']) {
      for (const width of [390, 1600]) {
        const { page, problems, external } = await openPage(width);
        await page.goto(`${base}/?lang=${lang}&type=ranking&indicator=EGDI&group=ASEAN&highlight=VNM,THA`);
        await rendered(page, 1);
        const svgWidth = await page.locator('#chart svg.marks').evaluate((el) => el.getBoundingClientRect().width);
        expect(svgWidth).toBeLessThanOrEqual(width);
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(pageWidth).toBeLessThanOrEqual(width);
        const text = await unreadableText(page, '#chart', width);
        expect(text.texts).toBeGreaterThan(11); // 11 country labels, axis, title, footer
        expect({ clipped: text.clipped, small: text.small }).toEqual({ clipped: [], small: [] });
        if (lang === 'vi') expect(await untranslated(page)).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `explorer-${lang}-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
        expect(external).toEqual([]);
        await page.close();
      }
    }
  });

  it('the embed and methods pages are Vietnamese with lang=vi, from local assets, under a strict CSP', async () => {
    const { page, problems, external } = await openPage(800);
    await page.goto(`${base}/embed/ranking?indicator=EGDI&group=ASEAN&year=2024&lang=vi&highlight=VNM`);
    await page.waitForSelector('body[data-rendered="true"] #chart svg.marks');
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Việt Nam');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'embed-ranking-vi.png'), fullPage: true });

    await page.goto(`${base}/methods?lang=vi`);
    expect(await page.textContent('h1')).toBe('Phương pháp');
    expect(await untranslated(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'methods-vi-390.png') });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('draws the default view, then redraws it with new data when the countries, chart type and language change', async () => {
    const { page, problems, external } = await openPage(1280);
    await page.goto(`${base}/`);
    await rendered(page, 1);
    expect(await page.locator('#chart svg.marks').count()).toBe(1);
    expect(await page.textContent('#description')).toContain('ranks first of 11');
    expect(await page.getAttribute('#data-table', 'data-rows')).toBe('11');

    // Five countries of one's own choosing, then a time series of them.
    await page.selectOption('#group', '');
    await rendered(page, 2);
    expect(await page.textContent('#description')).toContain('ranks first of 5');
    expect(new URL(page.url()).searchParams.get('countries')).toBe('VNM,THA,SGP,MYS,IDN');
    await page.selectOption('#type', 'timeseries');
    await rendered(page, 3);
    const svgText = (await page.locator('#chart svg.marks').textContent()) ?? '';
    for (const country of ['Viet Nam', 'Thailand', 'Singapore', 'Malaysia', 'Indonesia'])
      expect(svgText).toContain(country);
    expect(svgText).not.toContain('Japan');
    expect(Number(await page.getAttribute('#data-table', 'data-rows'))).toBe(5 * 12); // 5 countries × 12 EGDI editions

    // Vietnamese labels, and an embed snippet pointing at this server.
    await page.click('[data-set-lang="vi"]');
    await rendered(page, 4);
    expect(await page.locator('#chart svg.marks').textContent()).toContain('Việt Nam');
    expect(await page.inputValue('#embed-snippet')).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/timeseries\?/,
    );
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png'), fullPage: true });
    await page.close();
  });

  it('indexes to a chosen base year from the controls: the URL and the table follow', async () => {
    const { page, problems, external } = await openPage(1280);
    await page.goto(`${base}/?lang=vi&type=timeseries&indicator=EGDI&group=ASEAN&highlight=VNM`);
    await rendered(page, 1);
    await page.check('#values-index');
    await rendered(page, 2);
    await page.selectOption('#base', '2014');
    await rendered(page, 3);
    expect(new URL(page.url()).searchParams.get('normalise')).toBe('index:2014');
    await page.click('#tab-table');
    await rendered(page, 4);
    // Columns: country, year, value, indexed value, ...; every country is 100 in its base year.
    const rows = await page
      .locator('#data-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const base2014 = rows.filter((r) => r[1] === '2014');
    expect(base2014.length).toBe(11);
    expect(base2014.every((r) => r[3] === '100,0')).toBe(true);
    // Viet Nam 2024: 0.77092 / 0.47045 (2014) x 100 = 163.87.
    expect(rows.find((r) => r[0] === 'Việt Nam' && r[1] === '2024')?.slice(2, 4)).toEqual(['0,7709', '163,9']);
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('the embed page lays the chart out for its own frame: nothing clipped, no text under 10 px at 320, 700 and 1200 px', async () => {
    for (const [type, query] of [
      ['ranking', 'indicator=EGDI&group=ASEAN&year=2024&highlight=VNM'],
      ['timeseries', 'indicator=GE.EST&group=ASEAN&from=2015&highlight=VNM'],
    ]) {
      for (const width of [320, 700, 1200]) {
        const { page, problems, external } = await openPage(width);
        await page.goto(`${base}/embed/${type}?${query}&lang=vi`);
        await page.waitForSelector('body[data-rendered="true"] #chart svg.marks');
        const text = await unreadableText(page, '#chart', width);
        expect(text.texts).toBeGreaterThan(5);
        expect({ type, width, clipped: text.clipped, small: text.small }).toEqual({
          type,
          width,
          clipped: [],
          small: [],
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // The chart uses the frame: not a thumbnail in a wide frame.
        const svgWidth = await page.locator('#chart svg.marks').evaluate((el) => el.getBoundingClientRect().width);
        expect(svgWidth).toBeGreaterThan(width * 0.8);
        expect(problems).toEqual([]);
        expect(external).toEqual([]);
        await page.close();
      }
    }
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
