import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { sharedFont } from '../render/pdf.ts';

/**
 * What the brief's PDF pages share: the A4 margins, and text with arrows. Noto Sans has no
 * arrows, so each arrow (→ ↑ ↓) is drawn in Noto Sans Symbols within the same run of text, and
 * copies and searches as the arrow it is.
 */

type Doc = InstanceType<typeof PDFDocument>;

const require = createRequire(import.meta.url);
const SYMBOLS = require.resolve('@expo-google-fonts/noto-sans-symbols/400Regular/NotoSansSymbols_400Regular.ttf');
const ARROWS = /([\u2190-\u21ff])/;

export const PAGE_MARGIN = { top: 56, bottom: 56, left: 45, right: 45 };

/**
 * The option that puts an arrow on the same baseline as `font`: pdfkit places text by the font's
 * own ascender, and Noto Sans Symbols' is 0.41 em taller than Noto Sans's.
 */
function sameBaseline(doc: Doc, font: string): { baseline: number } {
  const internal = doc.font(font) as unknown as { _font: { ascender: number }; _fontSize: number };
  return { baseline: -((internal._font.ascender / 1000) * internal._fontSize) };
}

/** Registers the symbols font as 'symbols' (after pdfBytes has registered 'regular' and 'bold'). */
export const registerSymbols = (doc: Doc) => doc.registerFont('symbols', sharedFont(SYMBOLS) as never);

/** Text with arrows: each arrow in the symbols font, the rest in `font`, as one flowing run. */
export function textWithArrows(
  doc: Doc,
  text: string,
  font: string,
  options: PDFKit.Mixins.TextOptions & { x?: number; y?: number },
): void {
  const { x, y, ...rest } = options;
  const pieces = text.split(ARROWS).filter((p) => p !== '');
  if (pieces.length === 0) return;
  const arrowBaseline = sameBaseline(doc, font);
  pieces.forEach((piece, i) => {
    const arrow = ARROWS.test(piece);
    doc.font(arrow ? 'symbols' : font);
    const last = i === pieces.length - 1;
    const options = { ...rest, continued: !last || rest.continued === true, ...(arrow ? arrowBaseline : {}) };
    if (i === 0 && x !== undefined) doc.text(piece, x, y, options);
    else doc.text(piece, options);
  });
}

/**
 * One line with arrows at (x, y) within `width`, aligned left or right, drawn piece by piece at
 * measured positions (pdfkit's `continued` runs ignore right alignment).
 */
export function lineWithArrows(
  doc: Doc,
  text: string,
  font: string,
  box: { x: number; y: number; width: number; align: 'left' | 'right' },
): void {
  const pieces = text.split(ARROWS).filter((p) => p !== '');
  const fontOf = (piece: string) => (ARROWS.test(piece) ? 'symbols' : font);
  const widths = pieces.map((p) => doc.font(fontOf(p)).widthOfString(p));
  const total = widths.reduce((a, b) => a + b, 0);
  let x = box.align === 'right' ? box.x + box.width - total : box.x;
  const arrowBaseline = sameBaseline(doc, font);
  pieces.forEach((piece, i) => {
    const arrow = ARROWS.test(piece);
    doc.font(fontOf(piece)).text(piece, x, box.y, { lineBreak: false, ...(arrow ? arrowBaseline : {}) });
    x += widths[i] ?? 0;
  });
}
