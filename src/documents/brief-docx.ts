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
import { type BriefBlock, briefBlocks, briefRunningText } from './brief-blocks.ts';

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

function blockChildren(block: BriefBlock, charts: ReadonlyMap<string, BriefPng>): (Paragraph | Table)[] {
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
      return [new Paragraph({ children: [run(block.text, { size: block.small ? 16 : 20 })] })];
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
  }
}

/** Brief + each section's chart as PNG (by theme) → .docx bytes. */
export async function briefDocx(brief: Brief, charts: ReadonlyMap<string, BriefPng>): Promise<Uint8Array> {
  const { header, footer } = briefRunningText(brief);
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
        children: briefBlocks(brief).flatMap((b) => blockChildren(b, charts)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
