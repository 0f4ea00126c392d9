import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/charts/text-measure.ts';
import type { Brief } from '../../src/documents/brief-model.ts';
import { scorecardSvg } from '../../src/documents/scorecard-svg.ts';
import { COUNTRIES } from '../../src/domain/countries.ts';
import { minMax } from '../../src/domain/normalise.ts';
import { briefWords } from '../../src/services/brief-text.ts';
import { factSheetWords } from '../../src/services/fact-sheet-text.ts';
import { useLoadedApp } from '../helpers/app.ts';
import { documentApp as createDocumentApp } from '../helpers/document-app.ts';
import { readPdf } from '../helpers/pdf.ts';

/**
 * The two-page fact sheet, GET /v1/briefs/{iso3} with format=pdf|docx|html (part=sheet, the
 * default): exactly two A4 pages for every country, group and language, no text under 8.5 pt, a
 * scorecard whose labels never overlap and whose dots are the /v1/rankings scores, key messages
 * by their stated rule, world standings as the publishers give them, print typography.
 */
const ctx = useLoadedApp();

const documentApp = () => createDocumentApp(ctx.test);

const squash = (text: string) => text.replace(/\s+/g, '').normalize('NFC');

const CASES: [string, string, string][] = COUNTRIES.flatMap(({ iso3 }) =>
  ['ASEAN', 'ASEAN+3'].flatMap((group) => ['en', 'vi'].map((lang): [string, string, string] => [iso3, group, lang])),
);

async function briefOf(app: ReturnType<typeof documentApp>, url: string): Promise<Brief> {
  const response = await app.request(url);
  expect(response.status, url).toBe(200);
  return (await response.json()) as Brief;
}

/** The text boxes of an SVG's <text> elements, measured in Noto Sans as the renderer draws them. */
function textBoxes(svg: string) {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map(
    (m) => {
      const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const bold = (m[4] ?? '').includes('bold');
      const text = (m[5] ?? '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
      const width = textWidth(text, size, bold);
      const anchor = /text-anchor="(\w+)"/.exec(m[4] ?? '')?.[1] ?? 'start';
      const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      return { text, left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.2 };
    },
  );
}

describe('the fact sheet', () => {
  it.each(CASES)(
    '%s against %s in %s: two A4 pages, no text under 8.5 pt, page 1 the messages, page 2 the table',
    async (iso3, group, lang) => {
      const app = documentApp();
      const base = `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=${lang}`;
      const brief = await briefOf(app, base);
      const sheet = brief.fact_sheet;
      const response = await app.request(`${base}&format=pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="civscope-fact-sheet-${iso3}-${group.replace('+', 'plus')}-${lang}.pdf"`,
      );
      const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
      expect(pdf.pages).toHaveLength(2);
      expect(pdf.sizes[0]).toEqual({ width: 595.28, height: 841.89 });
      expect(pdf.smallestText).toBeGreaterThanOrEqual(8.5);
      expect(pdf.language).toBe(lang === 'vi' ? 'vi-VN' : 'en');
      const [one, two] = pdf.pages.map(squash) as [string, string];
      expect(one).toContain(squash(sheet.title));
      for (const m of sheet.messages) expect(one, m.text).toContain(squash(`${m.label}. ${m.text}`));
      if (sheet.sparse) expect(one).toContain(squash(sheet.sparse));
      expect(one).toContain(squash(sheet.scorecard.legend));
      for (const t of sheet.table.themes) {
        expect(two).toContain(squash(t.name));
        for (const r of t.rows) expect(two, `${r.indicator}`).toContain(squash(`${r.value}${r.year}${r.rank}`));
      }
      for (const s of sheet.efficiency) expect(two).toContain(squash(s));
      expect(two).toContain(squash(sheet.gaps));
      // No empty rows: every theme shown has rows, every scorecard row a median over at least 3 peers.
      for (const t of [...sheet.scorecard.themes, ...sheet.table.themes]) expect(t.rows.length).toBeGreaterThan(0);
      for (const t of sheet.scorecard.themes) for (const r of t.rows) expect(r.peers.length).toBeGreaterThanOrEqual(3);
      // Print typography: real arrows and minus signs, never ASCII "->".
      expect(pdf.pages.join('')).not.toContain('->');
    },
  );

  it.each(CASES)(
    '%s against %s in %s: no two scorecard labels overlap, at the tightest row height',
    async (iso3, group, lang) => {
      const brief = await briefOf(ctx.app, `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=${lang}`);
      const boxes = textBoxes(scorecardSvg(brief.fact_sheet, { width: 505.28, rowHeight: 10 }));
      expect(boxes.length).toBeGreaterThan(2);
      for (const [i, a] of boxes.entries()) {
        expect(a.left, a.text).toBeGreaterThanOrEqual(0);
        expect(a.right, a.text).toBeLessThanOrEqual(505.28 + 0.06);
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${a.text} / ${b.text}`).toBe(false);
        }
      }
    },
  );

  it('Timor-Leste and Brunei say on page 1 that there are few values to compare; Viet Nam does not', async () => {
    for (const iso3 of ['TLS', 'BRN']) {
      const brief = await briefOf(ctx.app, `/v1/briefs/${iso3}?group=ASEAN`);
      const missing = brief.data_gaps.indicators.filter((g) => g.latest_year === null).length;
      expect(missing).toBeGreaterThan(brief.data_gaps.agenda / 2);
      expect(brief.fact_sheet.sparse).toBe(
        `Few values to compare: ${brief.country} has no value for ${missing} of the ${brief.data_gaps.agenda} agenda indicators CivScope holds. The scorecard shows the ${brief.fact_sheet.scorecard.themes.reduce((n, t) => n + t.rows.length, 0)} that can be compared with the group; page 2 names the gaps.`,
      );
    }
    expect((await briefOf(ctx.app, '/v1/briefs/VNM?group=ASEAN')).fact_sheet.sparse).toBeNull();
  });

  it('every scorecard dot is the /v1/rankings score of its peer, and the median bar is the median on that scale', async () => {
    const brief = await briefOf(ctx.app, '/v1/briefs/VNM?group=ASEAN');
    const headlines = brief.sections.flatMap((s) => s.headlines);
    const rows = brief.fact_sheet.scorecard.themes.flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const h = headlines.find((x) => x.indicator === row.indicator);
      const ranking = (await (await ctx.app.request(h?.ranking_api ?? '')).json()) as {
        ranking: { iso3: string; value: number; score: number }[];
        median: number;
      };
      expect(row.peers).toEqual(ranking.ranking.map((r) => ({ iso3: r.iso3, score: r.score })));
      expect(row.score).toBe(ranking.ranking.find((r) => r.iso3 === 'VNM')?.score);
      // The best performer named on the right is the one at 100.
      expect(row.best).toEqual(ranking.ranking.filter((r) => r.score === 100).map((r) => r.iso3));
      const direction = h?.direction as 'higher' | 'lower';
      expect(row.median_score).toBe(minMax([...ranking.ranking.map((r) => r.value), ranking.median], direction).at(-1));
    }
  });

  it('Viet Nam against ASEAN in Vietnamese: the messages by their rule, world standings as published, hand-checked', async () => {
    const brief = await briefOf(ctx.app, '/v1/briefs/VNM?group=ASEAN&lang=vi');
    const sheet = brief.fact_sheet;
    // The clearest strength, the clearest gap, the largest change, the efficiency result, then the next gap.
    expect(sheet.messages.map((m) => m.kind)).toEqual(['strength', 'gap', 'change', 'efficiency', 'gap']);
    expect(sheet.messages[0]?.indicator).toBe(brief.summary.strengths[0]?.indicator);
    expect(sheet.messages[1]?.indicator).toBe(brief.summary.gaps[0]?.indicator);
    expect(sheet.messages[2]?.indicator).toBe(brief.summary.changes[0]?.indicator);
    // EGDI 2016 0.5143 → 2024 0.7709 (un-egov:2024, data.csv); a decimal comma, a real arrow, the source in Vietnamese.
    expect(sheet.messages[2]?.text).toBe(
      'Chỉ số phát triển Chính phủ điện tử (EGDI) từ 0,5143 năm 2016 → 0,7709 năm 2024. Nguồn: Khảo sát Chính phủ điện tử của Liên Hợp Quốc.',
    );
    // Control of corruption 2025, -0.1063171 in wb-wgi:2026: written with a minus sign.
    expect(sheet.messages[0]?.text).toContain('−0,1063 (2025)');
    const rows = sheet.table.themes.flatMap((t) => t.rows);
    const row = (code: string) => rows.find((r) => r.indicator === code);
    // EGDI_RANK VNM 2024 = 71 (un-egov:2024 data.csv); Blavatnik Index VNM rank label "=62" (bipa2024_all_data.csv, structure 0).
    // 193: every UN Member State, as the 2014-2024 Surveys rank them (un-egov meta.yaml ranked_of).
    expect(row('EGDI')?.world).toBe('hạng 71 trên 193 nước');
    expect(row('BIPA.INDEX')?.world).toBe('hạng =62 trên 120 nước');
    // The WGI's percentile ranks stop at 2023: no standing beside a 2025 estimate.
    expect(row('GE.EST')?.world).toBe('–');
    // EGDI rose 0.25666 since 2016.
    expect(row('EGDI')?.trend).toBe('↑\u2009+0,2567 (2016)');
    // A WGI 0–100 score is the estimate on another scale: never a second headline beside it.
    expect(rows.some((r) => r.indicator.endsWith('.SCORE'))).toBe(false);
  });

  it('a Vietnamese fact sheet has no English word outside the names of its sources (28 fact sheets)', async () => {
    const words = (text: string): string[] => text.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? [];
    // Every fixed word of the fact sheet and the brief in a language: strings, and templates called with blanks.
    const fixed = (lang: 'en' | 'vi') =>
      [factSheetWords(lang), briefWords(lang)]
        .flatMap((w) => Object.values(w))
        .flatMap((v): unknown[] => (typeof v === 'function' ? [v('', '', '', '', '', '')] : [v]))
        .flatMap((v) => (typeof v === 'object' && v !== null ? Object.values(v) : [v]))
        .filter((v): v is string => typeof v === 'string')
        .concat(COUNTRIES.map((c) => (lang === 'vi' ? c.nameVi : c.nameEn)))
        .join(' ');
    // Words both languages write: the service's name, the API parameter `part=annex`, and the
    // bootstrap of Simar and Wilson (a method Vietnamese writes by its name).
    const shared = ['civscope', 'part', 'annex', 'bootstrap', 'simar', 'wilson'];
    expect(words(fixed('vi')).filter((w) => words(fixed('en')).includes(w) && !shared.includes(w))).toEqual([]);
    const english = new Set(words(fixed('en')).filter((w) => !shared.includes(w)));
    expect(english.has('strength')).toBe(true);
    const textOf = (brief: Brief) => {
      const sheet = brief.fact_sheet;
      // The sources' own names (publishers, datasets) are proper names and stay as published.
      const sources = [...new Set(sheet.messages.flatMap((m) => m.source.split('; ')))];
      const strip = (text: string) => sources.reduce((t, src) => t.replaceAll(src, ''), text);
      return [
        sheet.title,
        sheet.subtitle,
        sheet.sparse ?? '',
        sheet.message_rule,
        sheet.scorecard.legend,
        sheet.scorecard.description,
        sheet.gaps,
        sheet.more,
        ...Object.values(sheet.labels),
        ...sheet.table.header,
        ...sheet.messages.map((m) => `${m.label} ${strip(m.text)}`),
        ...sheet.table.themes.flatMap((t) => [t.name, ...t.rows.map((r) => `${r.short_name} ${r.trend} ${r.world}`)]),
        ...sheet.efficiency,
      ].join(' ');
    };
    let checked = 0;
    for (const group of ['ASEAN', 'ASEAN+3'])
      for (const { iso3 } of COUNTRIES) {
        const vi = await briefOf(ctx.app, `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=vi`);
        expect(
          words(textOf(vi)).filter((w) => english.has(w)),
          `${iso3} ${group}`,
        ).toEqual([]);
        checked++;
      }
    expect(checked).toBe(28);
  });

  it('in English, world standings read as ordinals', async () => {
    const brief = await briefOf(ctx.app, '/v1/briefs/VNM?group=ASEAN');
    const rows = brief.fact_sheet.table.themes.flatMap((t) => t.rows);
    expect(rows.find((r) => r.indicator === 'EGDI')?.world).toBe('71st of 193');
    expect(rows.find((r) => r.indicator === 'BIPA.INDEX')?.world).toBe('=62nd of 120');
  });

  it('part=annex is the whole brief on its own, part=all the fact sheet and then the annex', async () => {
    const app = documentApp();
    const base = '/v1/briefs/VNM?group=ASEAN&lang=vi&format=pdf';
    const pages = async (url: string) =>
      (await readPdf(new Uint8Array(await (await app.request(url)).arrayBuffer()))).pages;
    const [sheet, annex, all] = await Promise.all([
      pages(base),
      pages(`${base}&part=annex`),
      pages(`${base}&part=all`),
    ]);
    expect(sheet).toHaveLength(2);
    expect(annex.length).toBeGreaterThan(5);
    expect(all).toHaveLength(2 + annex.length);
    const bad = await app.request('/v1/briefs/VNM?part=summary');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('part must be one of sheet, annex, all');
  });

  it('the Word fact sheet holds the messages and the scorecard as an image with alt text; the HTML draws it inline', async () => {
    const app = documentApp();
    const base = '/v1/briefs/VNM?group=ASEAN&lang=vi';
    const brief = await briefOf(app, base);
    const zip = await JSZip.loadAsync(new Uint8Array(await (await app.request(`${base}&format=docx`)).arrayBuffer()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const m of brief.fact_sheet.messages) expect(xml).toContain(m.text.replaceAll('&', '&amp;'));
    expect(Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(1);
    expect(xml).toContain(`descr="${brief.fact_sheet.scorecard.description}"`);
    const html = await (await app.request(`${base}&format=html`)).text();
    expect(html).toContain(
      `<figure class="scorecard" role="img" aria-label="${brief.fact_sheet.scorecard.description}">`,
    );
    expect(html.match(/<svg/g)).toHaveLength(1);
  });
});
