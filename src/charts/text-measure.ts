import table from './text-widths.json' with { type: 'json' };

/**
 * Text widths in Noto Sans from its advance widths (scripts/build-text-metrics.ts), so the
 * builders can wrap titles and footers, and vega can lay charts out on the server exactly as the
 * browser does with the same font. Characters outside the table count as a wide glyph.
 */
const REGULAR = table.regular as Record<string, number>;
const BOLD = table.bold as Record<string, number>;
const UNKNOWN_EM = 0.65;

export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text.normalize('NFC')) em += widths[(ch.codePointAt(0) as number).toString(36)] ?? UNKNOWN_EM;
  return em * fontSize;
}

/** Breaks text at spaces into lines no wider than `maxWidth` px; a single long word stays whole. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}
