import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Brief } from './brief-model.ts';
import { DOCUMENT_LANGUAGE } from './document-language.ts';
import type { BriefPart } from '../http/analysis-params.ts';
import { renderPng } from '../render/png.ts';
import { type BriefBlock, briefBlocks, briefRunningText } from './brief-blocks.ts';
import { factSheetBlocks } from './fact-sheet-blocks.ts';
import { scorecardSvg } from './scorecard-svg.ts';

/**
 * The brief as a Word document (Node only: the docx package, loaded on the first request by
 * node.ts): Title/Heading 1/Heading 2 styles, real tables, charts as PNG images, and a header
 * (country, peer group, title) and footer (date, data version, page number) in the brief's language.
 */

/** A chart drawn as PNG: its bytes and its size in CSS pixels (the PNG may be drawn at a higher scale). */
export interface BriefPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/** A4 less margins, in CSS pixels (docx sizes images in pixels at 96 dpi). */
const CONTENT_WIDTH_PX = 620;
const FONT = 'Noto Sans';

const run = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, bold: options.bold, size: options.size });

function table(block: Extract<BriefBlock, { kind: 'table' }>): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (c, i) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: block.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [run(c, { bold, size: 16 })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
  });
}

function blockChildren(
  block: BriefBlock,
  charts: ReadonlyMap<string, BriefPng>,
  scorecard: BriefPng | null,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [run(block.text)] })];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [run(block.text)],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text, { size: block.small ? 17 : 20, bold: block.strong })] })];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: [run(item, { size: block.small ? 16 : 20 })] }),
      );
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
    case 'chart': {
      const chart = charts.get(block.theme);
      if (!chart) return [];
      const scale = Math.min(1, CONTENT_WIDTH_PX / chart.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
              altText: { name: block.theme, title: block.caption, description: block.description },
            }),
          ],
        }),
        new Paragraph({ children: [run(block.caption, { size: 14 })] }),
      ];
    }
    case 'break':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'scorecard':
      if (!scorecard) return [];
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: scorecard.png,
              transformation: { width: scorecard.width, height: scorecard.height },
              altText: { name: 'scorecard', title: block.description, description: block.description },
            }),
          ],
        }),
      ];
  }
}

/** The scorecard drawn as PNG at twice its size, shown at the width of the text column. */
async function scorecardPng(brief: Brief): Promise<BriefPng | null> {
  if (brief.fact_sheet.scorecard.themes.length === 0) return null;
  const widthPt = CONTENT_WIDTH_PX * 0.75;
  const svg = scorecardSvg(brief.fact_sheet, { width: widthPt, rowHeight: 13 });
  const heightPt = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  return { png: await renderPng(svg, 2), width: CONTENT_WIDTH_PX, height: Math.round(heightPt / 0.75) };
}

/** Brief + each section's chart as PNG (by theme) → .docx bytes: the fact sheet, the annex, or both (`part`). */
export async function briefDocx(
  brief: Brief,
  charts: ReadonlyMap<string, BriefPng>,
  part: BriefPart = 'sheet',
): Promise<Uint8Array> {
  const { header, footer } = briefRunningText(brief);
  const scorecard = part === 'annex' ? null : await scorecardPng(brief);
  const blocks: BriefBlock[] = [
    ...(part === 'annex' ? [] : factSheetBlocks(brief)),
    ...(part === 'all' ? [{ kind: 'break' as const }] : []),
    ...(part === 'sheet' ? [] : briefBlocks(brief)),
  ];
  const doc = new Document({
    creator: 'CivScope',
    title: brief.title,
    description: brief.subtitle,
    // The document's language, for screen readers and spell-check: Vietnamese or English.
    styles: {
      default: { document: { run: { font: FONT, size: 20, language: { value: DOCUMENT_LANGUAGE[brief.lang] } } } },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 907, right: 907 } },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [run(`${header} · ${brief.title}`, { size: 16 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  run(`${footer} · ${brief.labels.page ?? ''} `, { size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16 }),
                  run(' / ', { size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap((b) => blockChildren(b, charts, scorecard)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
