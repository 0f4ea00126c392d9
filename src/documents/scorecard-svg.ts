import { textWidth } from '../charts/text-measure.ts';
import { withMinusSigns } from '../domain/typography.ts';
import type { FactSheet } from './brief-model.ts';

/**
 * The fact sheet's scorecard as one SVG, sized in points for an A4 column (1 unit = 1 pt): a
 * theme heading, then a row per headline indicator — its short name, a 0–100 track with every
 * peer as a small grey dot, the group median as a dark bar, the country as a large black dot with
 * a white ring, and on the right its value, its rank and the best performer. Greys and shapes only, so it prints in
 * greyscale; every label is one line fitted to its column, so no two labels overlap.
 */

export const SCORECARD_FONT = 8.5;
const THEME_FONT = 9;
const LABEL_WIDTH = 200;
const GAP = 8;
const RIGHT_WIDTH = 150;

export interface ScorecardLayout {
  width: number;
  /** Height of an indicator row; a theme heading takes 1.15 of it. */
  rowHeight: number;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `text` cut with an ellipsis until it fits `width` points at `size`. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd().replace(/[,:;–-]$/, '')}…`;
}

/** The height the scorecard takes with this row height. */
export function scorecardHeight(sheet: FactSheet, rowHeight: number): number {
  const rows = sheet.scorecard.themes.reduce((n, t) => n + t.rows.length, 0);
  return rowHeight * (1.4 + rows + sheet.scorecard.themes.length * 1.15);
}

export function scorecardSvg(sheet: FactSheet, { width, rowHeight }: ScorecardLayout): string {
  const trackX = LABEL_WIDTH + GAP;
  const trackWidth = width - trackX - GAP - RIGHT_WIDTH;
  const x = (score: number) => trackX + (score / 100) * trackWidth;
  const parts: string[] = [];
  const text = (tx: number, ty: number, body: string, options: { bold?: boolean; anchor?: string; size?: number }) =>
    `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" font-family="Noto Sans" font-size="${options.size ?? SCORECARD_FONT}"${options.bold ? ' font-weight="bold"' : ''}${options.anchor ? ` text-anchor="${options.anchor}"` : ''} fill="#111">${escapeXml(body)}</text>`;
  let y = rowHeight * 1.1;
  // The scale, once, above the first track.
  parts.push(text(x(0), y - 2, '0', { anchor: 'start' }), text(x(100), y - 2, '100', { anchor: 'end' }));
  y += rowHeight * 0.3;
  for (const theme of sheet.scorecard.themes) {
    y += rowHeight * 1.15;
    parts.push(text(0, y - 3, fitText(theme.name, width, THEME_FONT, true), { bold: true, size: THEME_FONT }));
    for (const row of theme.rows) {
      const mid = y + rowHeight / 2;
      const base = y + rowHeight / 2 + SCORECARD_FONT * 0.35;
      parts.push(text(0, base, fitText(row.short_name, LABEL_WIDTH, SCORECARD_FONT), {}));
      parts.push(
        `<line x1="${x(0).toFixed(1)}" x2="${x(100).toFixed(1)}" y1="${mid.toFixed(1)}" y2="${mid.toFixed(1)}" stroke="#c8c8c8" stroke-width="0.8"/>`,
      );
      for (const p of row.peers)
        parts.push(`<circle cx="${x(p.score).toFixed(1)}" cy="${mid.toFixed(1)}" r="2" fill="#9a9a9a"/>`);
      parts.push(
        `<rect x="${(x(row.median_score) - 0.9).toFixed(1)}" y="${(mid - 4.5).toFixed(1)}" width="1.8" height="9" fill="#333"/>`,
      );
      parts.push(
        `<circle cx="${x(row.score).toFixed(1)}" cy="${mid.toFixed(1)}" r="3.8" fill="#000" stroke="#fff" stroke-width="1"/>`,
      );
      const right = `${row.value.text}${row.rank ? ` · ${row.rank.value}/${row.rank.of}` : ''} · ${row.best_names}`;
      parts.push(text(width, base, fitText(withMinusSigns(right), RIGHT_WIDTH, SCORECARD_FONT), { anchor: 'end' }));
      y += rowHeight;
    }
  }
  const height = Math.ceil(y + rowHeight * 0.2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><title>${escapeXml(sheet.scorecard.description)}</title>${parts.join('')}</svg>`;
}
