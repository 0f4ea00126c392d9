import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FILES } from './fonts.ts';

const [REGULAR, BOLD] = FONT_FILES as [string, string];

/**
 * SVG text → a one-page vector PDF the size of the chart (1 CSS px = 1 pt), with Noto Sans
 * embedded (subset) so Vietnamese diacritics print and copy as text.
 */
export async function renderPdf(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 400);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: { Producer: 'CivScope', Creator: 'CivScope' },
  });
  return pdfBytes(doc, () =>
    SVGtoPDF(doc, svg, 0, 0, {
      width,
      height,
      assumePt: true,
      fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
    }),
  );
}

/** Registers Noto Sans as 'regular' and 'bold', runs `draw`, ends the document and returns its bytes. */
export async function pdfBytes(
  doc: InstanceType<typeof PDFDocument>,
  draw: () => void,
): Promise<Uint8Array<ArrayBuffer>> {
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  for (const name of ['bold', 'regular']) layoutPrecomposed(doc.font(name));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  draw();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

type FontkitLayout = (text: string, features?: unknown) => unknown;

/**
 * fontkit's default `ccmp` feature splits ị, ụ, ệ … into a base glyph and one shared dot-below
 * glyph; PDFKit maps each glyph to the text it first came from, so text copied or searched in the
 * PDF read "trụng vị yếụ" for "trung vị yếu". Noto Sans has every Vietnamese letter precomposed,
 * so laying out without `ccmp` draws the same glyphs and keeps one glyph per letter. Applies to
 * the document's own text and to svg-to-pdfkit's chart text, which both go through this font.
 */
function layoutPrecomposed(doc: InstanceType<typeof PDFDocument>): void {
  const font = (doc as unknown as { _font: { font: { layout: FontkitLayout } } })._font.font;
  const layout = font.layout.bind(font);
  font.layout = (text, features) => layout(text, features ?? { ccmp: false });
}
