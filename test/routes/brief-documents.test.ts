import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/domain/countries.ts';
import type { Brief } from '../../src/documents/brief-model.ts';
import { useLoadedApp } from '../helpers/app.ts';
import { documentApp as createDocumentApp } from '../helpers/document-app.ts';
import { pdfText, readPdf } from '../helpers/pdf.ts';

/**
 * GET /v1/briefs/{iso3}?format=pdf|docx: the PDF (read back with PDF.js, as a viewer's copy and search get it) and the
 * Word file (word/document.xml, read with jszip) hold the JSON brief's title, every heading, every
 * sentence and every table number, written as the brief writes them; download names, types and
 * ETags; 501 problem+json where no document writer is deployed (the Worker).
 */
const ctx = useLoadedApp();

const documentApp = () => createDocumentApp(ctx.test);

/** Whitespace-free, so line wrapping in the document does not matter. */
const squash = (text: string) => text.replace(/\s+/g, '');
/** For text read back from the PDF: every Vietnamese letter exactly as written (NFC), arrows included. */
const plain = (text: string) => squash(text).normalize('NFC');

async function docxText(bytes: Uint8Array): Promise<{ body: string; header: string; footer: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const textOf = async (pattern: RegExp) => {
    const names = Object.keys(zip.files).filter((n) => pattern.test(n));
    const xml = (await Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''))).join('');
    return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) =>
        (m[1] ?? '')
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&apos;', "'")
          .replaceAll('&amp;', '&'),
      )
      .join(' ');
  };
  return {
    body: await textOf(/^word\/document\.xml$/),
    header: await textOf(/^word\/header\d*\.xml$/),
    footer: await textOf(/^word\/footer\d*\.xml$/),
  };
}

/** What a reader must find in the document: the title, headings, sentences and table numbers. */
function expectedTexts(brief: Brief): string[] {
  const l = brief.labels;
  const texts = [brief.title, brief.subtitle, l.summary, l.productivity, l.dataGaps, l.sources];
  for (const t of brief.summary.themes) texts.push(t.sentence);
  for (const h of [...brief.summary.strengths, ...brief.summary.gaps]) texts.push(h.sentence);
  for (const c of brief.summary.changes) texts.push(c.sentence);
  for (const s of brief.sections) {
    texts.push(s.name);
    for (const h of s.headlines) {
      texts.push(h.name, h.sentence, h.value.text, String(h.value.year), h.value.release);
      if (h.rank) texts.push(`${h.rank.value}/${h.rank.of}`);
      if (h.median) texts.push(h.median.text);
      if (h.best) texts.push(h.best.text);
    }
  }
  const p = brief.productivity;
  for (const t of [p.sentence, p.summary, p.peers_sentence, ...p.notes]) if (t) texts.push(t);
  for (const t of p.targets) texts.push(t.value.text, t.target.text);
  for (const g of brief.data_gaps.indicators) texts.push(g.sentence);
  const sheet = brief.fact_sheet;
  texts.push(sheet.subtitle, sheet.message_rule, sheet.gaps, ...sheet.efficiency, ...sheet.messages.map((m) => m.text));
  return texts.filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** Every brief a meeting can ask for: 14 countries × {ASEAN, ASEAN+3} × {en, vi} = 56. */
const CASES: [string, string, string][] = COUNTRIES.flatMap(({ iso3 }) =>
  ['ASEAN', 'ASEAN+3'].flatMap((group) => ['en', 'vi'].map((lang): [string, string, string] => [iso3, group, lang])),
);

/** The text a reader sees in the HTML page: tags dropped, entities decoded. */
const htmlText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

describe('GET /v1/briefs/{iso3}?format=html|pdf|docx', () => {
  it('covers all 56 briefs', () => {
    expect(CASES).toHaveLength(56);
  });

  it.each(CASES)(
    '%s against %s in %s: HTML, PDF and DOCX with part=all hold the JSON brief',
    async (iso3, group, lang) => {
      const app = documentApp();
      const base = `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=${lang}&part=all`;
      const brief = (await (await app.request(base)).json()) as Brief;
      expect(brief.title).toBeTruthy();
      const expected = expectedTexts(brief);
      const peer = group.replace('+', 'plus');

      const html = await app.request(`${base}&format=html`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(html.headers.get('etag')).toBeTruthy();
      const page = await html.text();
      expect(page).toContain(`<html lang="${lang}"`);
      const pageText = squash(htmlText(page));
      for (const text of expected) expect(pageText, `HTML ${iso3} ${group} ${lang}: ${text}`).toContain(squash(text));
      expect((page.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(brief.sections.filter((s) => s.chart).length);

      const pdf = await app.request(`${base}&format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe(
        `attachment; filename="civscope-brief-${iso3}-${peer}-${lang}.pdf"`,
      );
      expect(pdf.headers.get('etag')).toBeTruthy();
      const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
      expect(new TextDecoder().decode(pdfBytes.slice(0, 5))).toBe('%PDF-');
      const pdfAll = plain(await pdfText(pdfBytes));
      for (const text of expected) expect(pdfAll, `PDF ${iso3} ${group} ${lang}: ${text}`).toContain(plain(text));
      expect(pdfAll).toContain(plain(brief.country));
      // The PDF declares its language, for screen readers and spell-check.
      expect((await readPdf(pdfBytes)).language).toBe(lang === 'vi' ? 'vi-VN' : 'en');
      expect(pdfAll).toContain(plain(brief.labels.dataVersion ?? ''));

      const docx = await app.request(`${base}&format=docx`);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers.get('content-disposition')).toBe(
        `attachment; filename="civscope-brief-${iso3}-${peer}-${lang}.docx"`,
      );
      expect(docx.headers.get('etag')).toBeTruthy();
      const docxBytes = new Uint8Array(await docx.arrayBuffer());
      const word = await docxText(docxBytes);
      const body = squash(word.body);
      for (const text of expected) expect(body, `DOCX ${iso3} ${group} ${lang}: ${text}`).toContain(squash(text));
      expect(squash(word.header)).toContain(squash(`${brief.country} · ${brief.peer_group.label}`));
      expect(squash(word.footer)).toContain(squash(brief.labels.dataVersion ?? ''));
      expect(squash(word.footer)).toContain(brief.generated_on);
      const zip = await JSZip.loadAsync(docxBytes);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('w:val="Heading1"');
      // So does the Word file: the default run language of its styles.
      const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
      expect(styles).toContain(`<w:lang w:val="${lang === 'vi' ? 'vi-VN' : 'en'}"/>`);
      expect(xml).toContain('<w:tbl>');
      // Each section's chart, and the fact sheet's scorecard.
      const charts =
        brief.sections.filter((s) => s.chart).length + (brief.fact_sheet.scorecard.themes.length > 0 ? 1 : 0);
      expect(Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n)).length).toBe(charts);
    },
  );

  it('answers 501 problem+json naming the Node deployment where no document writer is deployed', async () => {
    for (const format of ['pdf', 'docx']) {
      const response = await ctx.app.request(`/v1/briefs/VNM?group=ASEAN&format=${format}`);
      expect(response.status).toBe(501);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { detail: string };
      expect(problem.detail).toContain('Node');
    }
  });
});
