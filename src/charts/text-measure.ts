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

/**
 * The units a line may break between: words, except that a parenthesis that fits on a line stays
 * whole ("(khoảng -2,5 đến 2,5)" never ends one line and starts the next). A parenthesis too long
 * for any line breaks between its words.
 */
function breakUnits(text: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const units: string[] = [];
  let group: string[] | null = null;
  for (const word of text.split(' ')) {
    if (group) group.push(word);
    else if (word.startsWith('(') && !word.includes(')')) group = [word];
    else units.push(word);
    if (group && word.includes(')')) {
      const whole = group.join(' ');
      units.push(...(textWidth(whole, fontSize, bold) <= maxWidth ? [whole] : group));
      group = null;
    }
  }
  if (group) units.push(...group);
  return units;
}

/** Breaks text at spaces into lines no wider than `maxWidth` px; a single long word stays whole. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of breakUnits(text, maxWidth, fontSize, bold)) {
    const candidate = current ? `${current} ${unit}` : unit;
    if (current && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(current);
      current = unit;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}
