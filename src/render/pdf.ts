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
  doc.registerFont('regular', sharedFont(REGULAR) as never);
  doc.registerFont('bold', sharedFont(BOLD) as never);
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

/** The part of a fontkit glyph run PDFKit reads; it scales `positions` in place. */
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}
type FontkitFont = { layout: (text: string, features?: unknown) => GlyphRun };

const SHARED_FONTS = new Map<string, FontkitFont>();
/** Runs kept per font: the words of the briefs and charts repeat; past this the memo starts afresh. */
const MAX_RUNS = 20_000;

/**
 * One fontkit font per file for every document. PDFKit parsed the font anew for each document it
 * was registered in by path, and shaped each word again (OpenType lookups): together about 100 ms
 * of a 320 ms fact-sheet PDF. PDFKit takes a font object as readily as a path; it only reads the
 * font and subsets it per document. The shaped runs are kept (bounded by MAX_RUNS) and handed out
 * as copies, since PDFKit scales a run's positions in place.
 *
 * Layout is without fontkit's default `ccmp`: it splits ị, ụ, ệ … into a base glyph and one shared
 * dot-below glyph, and PDFKit maps each glyph to the text it first came from, so text copied or
 * searched in the PDF read "trụng vị yếụ" for "trung vị yếu". Noto Sans has every Vietnamese
 * letter precomposed, so the glyphs drawn are the same, one per letter. This applies to the
 * documents' own text and to svg-to-pdfkit's chart text alike.
 */
export function sharedFont(file: string): FontkitFont {
  const known = SHARED_FONTS.get(file);
  if (known) return known;
  // PDFKit opens the file as it would for any document; the fontkit font inside is what is kept.
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont('f', file);
  const font = (probe.font('f') as unknown as { _font: { font: FontkitFont } })._font.font;
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, features) => {
    const key = features === undefined ? text : `${text}\u0000${JSON.stringify(features)}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = layout(text, features ?? { ccmp: false });
      runs.set(key, run);
    }
    return copyRun(run);
  };
  SHARED_FONTS.set(file, font);
  return font;
}

/** A run with its own positions (same classes, so its getters such as advanceWidth still work). */
function copyRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)), run) as GlyphRun;
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p)), p));
  return copy;
}
