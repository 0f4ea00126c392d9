import type { Brief } from './brief-model.ts';
import { scorecardSvg } from './scorecard-svg.ts';

/**
 * The fact sheet as two print pages of HTML (A4, the brief page's stylesheet): key messages and
 * the scorecard (inline SVG, with its description as alt text) on the first, the indicator table,
 * efficiency and data gaps on the second.
 */

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Width of the HTML page's text column in points (178 mm less 2 mm padding each side), so 8.5 pt prints at 8.5 pt. */
const COLUMN_PT = 493;

export function factSheetHtml(brief: Brief): string {
  const sheet = brief.fact_sheet;
  const svg =
    sheet.scorecard.themes.length > 0
      ? `<h2>${escapeText(sheet.labels.scorecard)}</h2><figure class="scorecard" role="img" aria-label="${escapeText(sheet.scorecard.description)}">${scorecardSvg(sheet, { width: COLUMN_PT, rowHeight: 12 })}</figure><p class="rule">${escapeText(sheet.scorecard.legend)}</p>`
      : '';
  const rows = sheet.table.themes
    .map(
      (t) =>
        `<tr class="theme"><th colspan="6">${escapeText(t.name)}</th></tr>${t.rows
          .map(
            (r) =>
              `<tr><td title="${escapeText(r.indicator)}">${escapeText(r.short_name)}</td><td class="n">${escapeText(r.value)}</td><td class="n">${r.year}</td><td class="n">${escapeText(r.rank)}</td><td class="n">${escapeText(r.trend)}</td><td class="n">${escapeText(r.world)}</td></tr>`,
          )
          .join('')}`,
    )
    .join('');
  const header = sheet.table.header.map((h, i) => `<th${i > 0 ? ' class="n"' : ''}>${escapeText(h)}</th>`).join('');
  return `<section class="fact-sheet">
<h1>${escapeText(sheet.title)}</h1>
<p class="subtitle">${escapeText(sheet.subtitle)}</p>
${sheet.sparse ? `<p class="sparse"><strong>${escapeText(sheet.sparse)}</strong></p>` : ''}
<h2>${escapeText(sheet.labels.messages)}</h2>
<ul class="messages">${sheet.messages.map((m) => `<li><strong>${escapeText(m.label)}.</strong> ${escapeText(m.text)}</li>`).join('')}</ul>
<p class="rule">${escapeText(sheet.message_rule)}</p>
${svg}
</section>
<section class="fact-sheet page-two">
<h2>${escapeText(sheet.labels.table)}</h2>
<table class="sheet-table"><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table>
<h2>${escapeText(sheet.labels.efficiency)}</h2>
${sheet.efficiency.map((s) => `<p>${escapeText(s)}</p>`).join('')}
<h2>${escapeText(sheet.labels.gaps)}</h2>
<p class="rule">${escapeText(sheet.gaps)}</p>
<p class="rule">${escapeText(sheet.more)}</p>
</section>`;
}
