import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { pdfBytes } from '../render/pdf.ts';
import type { Brief } from './brief-model.ts';
import { DOCUMENT_LANGUAGE } from './document-language.ts';
import { type BriefBlock, briefBlocks, briefRunningText } from './brief-blocks.ts';
import type { BriefPart } from '../http/analysis-params.ts';
import { drawFactSheet } from './fact-sheet-pdf.ts';
import { PAGE_MARGIN, registerSymbols, textWithArrows } from './pdf-text.ts';

/**
 * The brief as an A4 PDF (Node only: pdfkit; loaded on the first request by node.ts): Noto Sans
 * embedded so Vietnamese prints and copies as text, charts as vectors (svg-to-pdfkit), a running
 * header (country, peer group, title) and footer (date, data version, page n / m) on every page.
 */

const MARGIN = PAGE_MARGIN;
const BLUE = '#1f4e79';

type Doc = InstanceType<typeof PDFDocument>;

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;
const ensureRoom = (doc: Doc, height: number) => {
  if (doc.y + height > bottom(doc)) doc.addPage();
};

function drawTable(doc: Doc, block: Extract<BriefBlock, { kind: 'table' }>) {
  const width = contentWidth(doc);
  const weights = block.header.map((_, i) => (i === 0 ? 3 : block.numeric[i] ? 1.2 : 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(7.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 4 }))) + 4;
    ensureRoom(doc, height);
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.text(c, x + 2, y + 2, { width: w - 4, align: block.numeric[i] ? 'right' : 'left' });
      x += w;
    });
    doc
      .moveTo(MARGIN.left, y + height)
      .lineTo(MARGIN.left + width, y + height)
      .lineWidth(0.4)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = MARGIN.left;
    doc.y = y + height;
  };
  row(block.header, true);
  for (const r of block.rows) row(r, false);
  doc.moveDown(0.5);
}

function drawChart(doc: Doc, svg: string, caption: string) {
  const w = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640);
  const h = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 400);
  const scale = Math.min(1, contentWidth(doc) / w);
  ensureRoom(doc, h * scale + 20);
  const y = doc.y;
  doc.save().translate(MARGIN.left, y).scale(scale);
  SVGtoPDF(doc, svg, 0, 0, {
    width: w,
    height: h,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
  });
  doc.restore();
  doc.x = MARGIN.left;
  doc.y = y + h * scale + 4;
  doc
    .font('regular')
    .fontSize(7)
    .fillColor('#444444')
    .text(caption, { width: contentWidth(doc) });
  doc.fillColor('#111111').moveDown(0.5);
}

function drawBlock(doc: Doc, block: BriefBlock, charts: ReadonlyMap<string, string>) {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(18).fillColor('#111111').text(block.text, { width });
      return;
    case 'heading':
      ensureRoom(doc, 40);
      doc.moveDown(block.level === 2 ? 0.6 : 0.3);
      doc
        .font('bold')
        .fontSize(block.level === 2 ? 13 : 10.5)
        .fillColor(block.level === 2 ? BLUE : '#111111')
        .text(block.text, { width });
      doc.fillColor('#111111').moveDown(0.2);
      return;
    case 'paragraph':
      doc.fontSize(block.small ? 8 : 9.5);
      textWithArrows(doc, block.text, 'regular', { width });
      doc.moveDown(0.3);
      return;
    case 'list':
      doc.fontSize(block.small ? 7.5 : 9.5);
      for (const item of block.items) {
        textWithArrows(doc, `•  ${item}`, 'regular', { width, indent: 0 });
        doc.moveDown(0.15);
      }
      doc.moveDown(0.2);
      return;
    case 'table':
      drawTable(doc, block);
      return;
    case 'chart': {
      const svg = charts.get(block.theme);
      if (svg) drawChart(doc, svg, block.caption);
      return;
    }
    case 'break':
      doc.addPage();
      return;
    case 'scorecard':
      return;
  }
}

/** Header and footer on every buffered page, drawn last so the footer knows the page count. */
function runningText(doc: Doc, brief: Brief) {
  const { header, footer } = briefRunningText(brief);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.font('regular').fontSize(8.5).fillColor('#444444');
    doc.text(header, MARGIN.left, 28, { width: width / 2, lineBreak: false });
    doc.text(brief.title, MARGIN.left + width / 2, 28, { width: width / 2, align: 'right', lineBreak: false });
    const y = doc.page.height - 36;
    doc.text(footer, MARGIN.left, y, { width: (width * 3) / 4, lineBreak: false });
    doc.text(`${brief.labels.page ?? ''} ${i + 1} / ${range.count}`, MARGIN.left + (width * 3) / 4, y, {
      width: width / 4,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}

/**
 * Brief + each section's chart SVG (by theme) → PDF bytes: the two-page fact sheet (`sheet`), the
 * annex with every section (`annex`), or both in one document (`all`).
 */
export async function briefPdf(
  brief: Brief,
  charts: ReadonlyMap<string, string>,
  part: BriefPart = 'sheet',
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: DOCUMENT_LANGUAGE[brief.lang],
    info: { Title: brief.title, Author: 'CivScope', Producer: 'CivScope', Creator: 'CivScope' },
  });
  return pdfBytes(doc, () => {
    registerSymbols(doc);
    if (part !== 'annex') drawFactSheet(doc, brief);
    if (part === 'all') doc.addPage();
    if (part !== 'sheet') for (const block of briefBlocks(brief)) drawBlock(doc, block, charts);
    runningText(doc, brief);
  });
}
