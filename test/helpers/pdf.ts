import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back the way a reader's viewer does, with Mozilla's PDF.js (an npm package, so the
 * tests need no poppler-utils on the machine): the text of each page through the fonts' ToUnicode
 * maps (what copy, search and screen readers get), the page count and sizes, and the fonts.
 */
export interface PdfReadBack {
  /** The text of each page: runs of one line joined, a line break where PDF.js ends a line. */
  pages: string[];
  /** Each page's size in points. */
  sizes: { width: number; height: number }[];
  /** Names of the fonts the pages draw with (e.g. `ABCDEF+NotoSans-Regular`). */
  fonts: string[];
  /** The document's declared language (`/Lang` in the catalogue), if any. */
  language: string | null;
  /** The smallest text on any page, in points at the page's own size (rotated text included). */
  smallestText: number;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  // PDF.js takes ownership of the buffer it is given, and refuses a Node Buffer: hand it a plain copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    const sizes: { width: number; height: number }[] = [];
    let smallestText = Number.POSITIVE_INFINITY;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push({ width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        // The text matrix's vertical axis is the font size, whatever the rotation.
        const [, , c = 0, d = 0] = item.transform as number[];
        if (item.str.trim() !== '') smallestText = Math.min(smallestText, Math.hypot(c, d));
      }
      pages.push(text);
      page.cleanup();
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Language?: string } | undefined;
    return { pages, sizes, fonts: baseFonts(bytes), language: info?.Language ?? null, smallestText };
  } finally {
    await task.destroy();
  }
}

/**
 * The fonts' real names: every `/BaseFont /Name` in the file. PDFKit writes font dictionaries as
 * plain objects (never inside compressed object streams), so the names stand in the bytes.
 */
function baseFonts(bytes: Uint8Array): string[] {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return [...new Set([...latin1.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1] as string))];
}

/** All the text of a PDF, pages separated by a form feed (as pdftotext writes it). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).pages.join('\f');
}
