import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Brief } from './brief-model.ts';
import { lineWithArrows, PAGE_MARGIN, textWithArrows } from './pdf-text.ts';
import { fitText, scorecardHeight, scorecardSvg } from './scorecard-svg.ts';

/**
 * The fact sheet on exactly two A4 pages of a pdfkit document (Node only). Page 1: title, peer
 * group and data year, key messages, the scorecard (its rows shrink, never below 10 pt apart, to
 * fit the page). Page 2: the indicator table with trend and world standing, the efficiency
 * result, the data gaps, where the rest is. No text is smaller than 8.5 pt. Arrows are drawn in
 * Noto Sans Symbols, which Noto Sans lacks.
 */

type Doc = InstanceType<typeof PDFDocument>;

const SMALL = 8.5;
const BODY = 9.5;
const GREY = '#444444';

const width = (doc: Doc) => doc.page.width - PAGE_MARGIN.left - PAGE_MARGIN.right;
const bottom = (doc: Doc) => doc.page.height - PAGE_MARGIN.bottom;

function heading(doc: Doc, text: string) {
  doc
    .moveDown(0.35)
    .font('bold')
    .fontSize(11)
    .fillColor('#1f4e79')
    .text(text, { width: width(doc) });
  doc.fillColor('#111111').moveDown(0.15);
}

function pageOne(doc: Doc, brief: Brief) {
  const sheet = brief.fact_sheet;
  doc
    .font('bold')
    .fontSize(16)
    .fillColor('#111111')
    .text(sheet.title, { width: width(doc) });
  doc
    .font('regular')
    .fontSize(BODY)
    .fillColor(GREY)
    .text(sheet.subtitle, { width: width(doc) });
  doc.fillColor('#111111');
  if (sheet.sparse)
    doc
      .moveDown(0.3)
      .font('bold')
      .fontSize(BODY)
      .text(sheet.sparse, { width: width(doc) });
  heading(doc, sheet.labels.messages);
  for (const m of sheet.messages) {
    doc
      .font('bold')
      .fontSize(BODY)
      .text(`${m.label}. `, { width: width(doc), continued: true });
    textWithArrows(doc, m.text, 'regular', { width: width(doc) });
    doc.moveDown(0.2);
  }
  doc
    .font('regular')
    .fontSize(SMALL)
    .fillColor(GREY)
    .text(sheet.message_rule, { width: width(doc) });
  doc.fillColor('#111111');
  if (sheet.scorecard.themes.length === 0) return;
  heading(doc, sheet.labels.scorecard);
  const legendHeight = doc
    .font('regular')
    .fontSize(SMALL)
    .heightOfString(sheet.scorecard.legend, { width: width(doc) });
  const room = bottom(doc) - doc.y - legendHeight - 6;
  const rowHeight = Math.max(10, Math.min(14, room / scorecardHeight(sheet, 1)));
  const svg = scorecardSvg(sheet, { width: width(doc), rowHeight });
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const top = doc.y;
  SVGtoPDF(doc, svg, PAGE_MARGIN.left, top, {
    width: width(doc),
    height,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
  });
  doc.x = PAGE_MARGIN.left;
  doc.y = top + height + 2;
  doc
    .font('regular')
    .fontSize(SMALL)
    .fillColor(GREY)
    .text(sheet.scorecard.legend, { width: width(doc) });
  doc.fillColor('#111111');
}

/** The table's columns, as shares of the width: indicator, value, year, rank, trend, world. */
const COLUMNS = [0.36, 0.1, 0.07, 0.1, 0.19, 0.18];

function tableRow(doc: Doc, cells: string[], bold: boolean, rowHeight: number) {
  const total = width(doc);
  const y = doc.y;
  let x = PAGE_MARGIN.left;
  cells.forEach((cell, i) => {
    const w = (COLUMNS[i] ?? 0) * total - 4;
    const fitted = fitText(cell, w, SMALL, bold);
    lineWithArrows(doc, fitted, bold ? 'bold' : 'regular', {
      x: x + 2,
      y: y + (rowHeight - SMALL * 1.2) / 2 + 1,
      width: w,
      align: i === 0 ? 'left' : 'right',
    });
    x += (COLUMNS[i] ?? 0) * total;
  });
  doc
    .moveTo(PAGE_MARGIN.left, y + rowHeight + 1)
    .lineTo(PAGE_MARGIN.left + total, y + rowHeight + 1)
    .lineWidth(0.4)
    .strokeColor('#bbbbbb')
    .stroke();
  doc.x = PAGE_MARGIN.left;
  doc.y = y + rowHeight + 2;
}

/** The height the text under the table takes: two headings, the efficiency sentences, the gaps, the closing line. */
function textBelowTable(doc: Doc, brief: Brief): number {
  const sheet = brief.fact_sheet;
  const w = width(doc);
  doc.font('regular').fontSize(BODY);
  const efficiency = sheet.efficiency.reduce((h, s) => h + doc.heightOfString(s, { width: w }) + BODY * 0.3, 0);
  doc.fontSize(SMALL);
  const rest = doc.heightOfString(sheet.gaps, { width: w }) + doc.heightOfString(sheet.more, { width: w });
  return efficiency + rest + 2 * 11 * 1.9 + SMALL * 1.5;
}

/** Table rows as tall as the page allows, from 1.45 down to 1.2 times the text size. */
function tableRowHeight(doc: Doc, brief: Brief): number {
  const themes = brief.fact_sheet.table.themes;
  const rows = themes.reduce((n, t) => n + t.rows.length, 0) + 1;
  const room = bottom(doc) - doc.y - textBelowTable(doc, brief) - themes.length * SMALL * 1.5;
  return Math.max(SMALL * 1.2, Math.min(SMALL * 1.45, room / rows - 2));
}

function pageTwo(doc: Doc, brief: Brief) {
  const sheet = brief.fact_sheet;
  heading(doc, sheet.labels.table);
  const rowHeight = tableRowHeight(doc, brief);
  doc.fontSize(SMALL);
  tableRow(doc, sheet.table.header, true, rowHeight);
  for (const theme of sheet.table.themes) {
    doc
      .moveDown(0.15)
      .font('bold')
      .fontSize(SMALL)
      .text(theme.name, PAGE_MARGIN.left + 2, doc.y, { width: width(doc) });
    for (const r of theme.rows)
      tableRow(doc, [r.short_name, r.value, String(r.year), r.rank, r.trend, r.world], false, rowHeight);
  }
  heading(doc, sheet.labels.efficiency);
  for (const s of sheet.efficiency)
    doc
      .font('regular')
      .fontSize(BODY)
      .text(s, { width: width(doc) })
      .moveDown(0.15);
  heading(doc, sheet.labels.gaps);
  doc
    .font('regular')
    .fontSize(SMALL)
    .text(sheet.gaps, { width: width(doc) });
  doc
    .moveDown(0.4)
    .fillColor(GREY)
    .text(sheet.more, { width: width(doc) });
  doc.fillColor('#111111');
}

/** Draws the fact sheet on the document's current page and the next one. */
export function drawFactSheet(doc: Doc, brief: Brief): void {
  pageOne(doc, brief);
  doc.addPage();
  pageTwo(doc, brief);
}
