import type { BriefPart } from '../http/analysis-params.ts';
import type { Brief, BriefIndicator, BriefNumber, BriefSection } from './brief-model.ts';
import { factSheetHtml } from './fact-sheet-html.ts';

/**
 * The brief as one print-ready HTML page: A4, a page per section, running header and footer
 * (country, peer group, date, data version, page number) in CSS page-margin boxes, charts as
 * inline SVG drawn by the chart renderer. No script at all, so it runs under the strictest CSP.
 */

const escapeText = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** A string for CSS `content:` (page-margin boxes). */
const cssString = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', ' ')}"`;

/** The page's style: print first (A4, margins, breaks), readable on screen too. */
function stylesheet(brief: Brief): string {
  const l = brief.labels;
  const header = `${brief.country} · ${brief.peer_group.label}`;
  const footer = `CivScope · ${l.date ?? brief.generated_on} · ${l.dataVersion ?? ''}`;
  return `
@font-face { font-family: 'Noto Sans'; src: url('/assets/noto-sans-400.ttf') format('truetype'); font-weight: 400; }
@font-face { font-family: 'Noto Sans'; src: url('/assets/noto-sans-700.ttf') format('truetype'); font-weight: 700; }
@page { size: A4; margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(header)}; font: 8.5pt 'Noto Sans', sans-serif; color: #444; }
  @top-right { content: ${cssString(brief.title)}; font: 8.5pt 'Noto Sans', sans-serif; color: #444; }
  @bottom-left { content: ${cssString(footer)}; font: 8.5pt 'Noto Sans', sans-serif; color: #444; }
  @bottom-right { content: ${cssString(`${l.page} `)} counter(page) " / " counter(pages); font: 8.5pt 'Noto Sans', sans-serif; color: #444; }
}
html { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #111; }
body { margin: 0 auto; max-width: 178mm; padding: 0 2mm; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; border-bottom: 1.5pt solid #1f4e79; color: #1f4e79; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
p, li { margin: 2pt 0; }
ul { padding-left: 14pt; margin: 2pt 0; }
.subtitle { color: #444; margin: 0 0 6pt; }
.meta { font-size: 8.5pt; color: #444; }
section { break-before: page; }
section.summary, section.fact-sheet:first-child { break-before: auto; }
.messages li { margin: 3pt 0; }
.scorecard svg { width: 100%; height: auto; }
.sheet-table { line-height: 1.2; }
.sheet-table td, .sheet-table th { font-size: 8.5pt; padding: 0.6pt 3pt; white-space: nowrap; }
.sheet-table td:first-child { white-space: normal; }
.sheet-table tr.theme th { padding-top: 3pt; border-bottom: 0.5pt solid #888; }
.fact-sheet h2 { margin: 7pt 0 3pt; }
.fact-sheet p { margin: 1.5pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0; break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 2pt 3pt; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
figure { margin: 4pt 0; break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 8pt; color: #444; }
.rule, .note, .caveat { font-size: 8.5pt; color: #333; }
.thin { font-size: 8.5pt; color: #8a4b00; }
code { font-size: 8pt; word-break: break-all; }
.reproduce li { font-size: 8pt; }
@media screen { body { padding: 12mm 8mm; } section { border-top: 1px dashed #bbb; margin-top: 12mm; padding-top: 6mm; } }
`;
}

const numberCell = (n: BriefNumber | null | undefined) => `<td class="n">${n ? escapeText(n.text) : '–'}</td>`;

function headlineTable(brief: Brief, rows: BriefIndicator[]): string {
  const l = brief.labels;
  const body = rows
    .map(
      (h) =>
        `<tr><td>${escapeText(h.name)}${h.direction === 'lower' ? ` <span class="meta">${escapeText(l.lowerIsBetter ?? '')}</span>` : ''}</td>${numberCell(h.value)}<td class="n">${h.value.year}</td><td class="n">${h.rank ? escapeText(`${h.rank.value}/${h.rank.of}`) : '–'}</td>${numberCell(h.median)}${numberCell(h.best)}<td><code>${escapeText(h.value.release)}</code></td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>${escapeText(l.indicator ?? '')}</th><th class="n">${escapeText(l.value ?? '')}</th><th class="n">${escapeText(l.year ?? '')}</th><th class="n">${escapeText(l.rank ?? '')}</th><th class="n">${escapeText(l.median ?? '')}</th><th class="n">${escapeText(l.best ?? '')}</th><th>${escapeText(l.release ?? '')}</th></tr></thead><tbody>${body}</tbody></table>`;
}

const list = (items: string[], none: string) =>
  items.length === 0
    ? `<p>${escapeText(none)}</p>`
    : `<ul>${items.map((i) => `<li>${escapeText(i)}</li>`).join('')}</ul>`;

/** The summary: the position on each theme, strengths, gaps and changes, with their rules. */
function summarySection(brief: Brief): string {
  const l = brief.labels;
  const s = brief.summary;
  return `<section class="summary">
<h1>${escapeText(brief.title)}</h1>
<p class="subtitle">${escapeText(brief.subtitle)}</p>
<h2>${escapeText(l.summary ?? '')}</h2>
<h3>${escapeText(l.position ?? '')}</h3>
${list(
  s.themes.map((t) => t.sentence),
  l.none ?? '',
)}
<h3>${escapeText(l.strengths ?? '')}</h3>
${list(
  s.strengths.map((h) => h.sentence),
  l.noStrength ?? l.none ?? '',
)}
<h3>${escapeText(l.gaps ?? '')}</h3>
${list(
  s.gaps.map((h) => h.sentence),
  l.noGap ?? l.none ?? '',
)}
<p class="rule">${escapeText(s.highlight_rule)}</p>
<h3>${escapeText(brief.labels.changesHeading ?? '')}</h3>
${list(
  s.changes.map((c) => c.sentence),
  l.none ?? '',
)}
<p class="rule">${escapeText(s.change_rule)}</p>
</section>`;
}

/** A theme's section: its headlines as a table and sentences, its chart (SVG markup), its caveats. */
function themeSection(brief: Brief, sec: BriefSection, svg: string | undefined): string {
  const l = brief.labels;
  return `<section class="theme" id="theme-${escapeText(sec.theme)}">
<h2>${escapeText(sec.name)}</h2>
${sec.evidence === 'thin' ? `<p class="thin">${escapeText(l.evidenceThin ?? '')}${sec.note ? `: ${escapeText(sec.note)}` : ''}</p>` : ''}
${
  sec.headlines.length > 0
    ? `<h3>${escapeText(l.headlines ?? '')}</h3>${headlineTable(brief, sec.headlines)}${list(
        sec.headlines.map((h) => h.sentence),
        '',
      )}`
    : `<p>${escapeText(brief.summary.themes.find((t) => t.theme === sec.theme)?.sentence ?? '')}</p>`
}
${svg && sec.chart ? `<figure role="img" aria-label="${escapeText(sec.chart.description)}">${svg}<figcaption>${escapeText(sec.chart.api)}</figcaption></figure>` : ''}
${sec.caveats.length > 0 ? `<h3>${escapeText(l.caveats ?? '')}</h3><ul class="caveat">${sec.caveats.map((c) => `<li><b>${escapeText(c.indicator)}</b>: ${escapeText(c.text)}</li>`).join('')}</ul>` : ''}
</section>`;
}

/** The productivity frontier: the score, peers and targets, or why there is none. */
function productivitySection(brief: Brief): string {
  const l = brief.labels;
  const p = brief.productivity;
  return `<section class="productivity">
<h2>${escapeText(l.productivity ?? '')}</h2>
<p>${escapeText(p.description)}</p>
${p.unavailable ? `<p>${escapeText(p.unavailable)}</p>` : ''}
${p.sentence ? `<p>${escapeText(p.sentence)}</p>` : ''}
${p.summary ? `<p>${escapeText(p.summary)}</p>` : ''}
${p.peers_sentence ? `<p>${escapeText(p.peers_sentence)}</p>` : ''}
${
  p.targets.length > 0
    ? `<table><thead><tr><th>${escapeText(l.indicator ?? '')}</th><th class="n">${escapeText(l.value ?? '')}</th><th class="n">${escapeText(l.target ?? '')}</th><th class="n">${escapeText(l.year ?? '')}</th></tr></thead><tbody>${p.targets
        .map(
          (t) =>
            `<tr><td>${escapeText(t.indicator)}</td>${numberCell(t.value)}${numberCell(t.target)}<td class="n">${t.value.year}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${p.warning ? `<p class="note">${escapeText(p.warning)}</p>` : ''}
${p.notes.map((note) => `<p class="note">${escapeText(note)}</p>`).join('\n')}
<p class="meta"><code>${escapeText(p.api)}</code></p>
</section>`;
}

/** Data gaps: agenda indicators with no value or only an old one. */
function gapsSection(brief: Brief): string {
  const l = brief.labels;
  return `<section class="gaps">
<h2>${escapeText(l.dataGaps ?? '')}</h2>
<p class="rule">${escapeText(brief.data_gaps.rule)}</p>
${
  brief.data_gaps.indicators.length === 0
    ? `<p>${escapeText(l.none ?? '')}</p>`
    : `<table><thead><tr><th>${escapeText(l.indicator ?? '')}</th><th></th></tr></thead><tbody>${brief.data_gaps.indicators
        .map(
          (g) =>
            `<tr><td>${escapeText(g.name)} <span class="meta">${escapeText(g.indicator)}</span></td><td>${escapeText(g.sentence)}</td></tr>`,
        )
        .join('')}</tbody></table>`
}
</section>`;
}

/** Sources, licences, release checksums and the API calls that give every number again. */
function sourcesSection(brief: Brief): string {
  const l = brief.labels;
  return `<section class="sources">
<h2>${escapeText(l.sources ?? '')}</h2>
<ul>${brief.sources.sources
    .map((src) => `<li>${escapeText(src.citation)} <span class="meta">(${escapeText(src.licence)})</span></li>`)
    .join('')}</ul>
<table><thead><tr><th>${escapeText(l.release ?? '')}</th><th>sha256</th></tr></thead><tbody>${brief.sources.releases
    .map(
      (r) =>
        `<tr><td><code>${escapeText(r.id)}</code></td><td><code>${escapeText(String(r.sha256 ?? ''))}</code></td></tr>`,
    )
    .join('')}</tbody></table>
<h3>${escapeText(l.reproduce ?? '')}</h3>
<ul class="reproduce">${brief.reproduce.map((u) => `<li><code>${escapeText(u)}</code></li>`).join('')}</ul>
</section>`;
}

/** The annex: every section of the brief, in the order of the fact sheet's sources. */
function annexHtml(brief: Brief, charts: ReadonlyMap<string, string>): string {
  const sections = brief.sections.map((sec) => themeSection(brief, sec, charts.get(sec.theme))).join('\n');
  return [summarySection(brief), sections, productivitySection(brief), gapsSection(brief), sourcesSection(brief)].join(
    '\n',
  );
}

/**
 * The page: the fact sheet (`sheet`), the annex (`annex`: summary, sections, productivity, gaps,
 * sources), or both (`all`). `charts` holds each section's chart as SVG markup, by theme.
 */
export function briefHtml(brief: Brief, charts: ReadonlyMap<string, string>, part: BriefPart = 'sheet'): string {
  const sheet = part === 'annex' ? '' : factSheetHtml(brief);
  const annex = part === 'sheet' ? '' : annexHtml(brief, charts);
  return `<!doctype html>
<html lang="${brief.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(brief.title)}</title>
<style>${stylesheet(brief)}</style>
</head>
<body>
${sheet}
${annex}
</body>
</html>`;
}
