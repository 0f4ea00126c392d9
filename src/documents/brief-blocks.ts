import type { Brief, BriefIndicator, BriefNumber } from './brief-model.ts';

/**
 * The brief as a flat list of blocks (headings, paragraphs, lists, tables, charts, page breaks):
 * the one layout the PDF and DOCX renderers share, in the same order and wording as the HTML page.
 * Renderers draw blocks; they choose nothing about content.
 */
export type BriefBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; small?: boolean; strong?: boolean }
  | { kind: 'list'; items: string[]; small?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'chart'; theme: string; caption: string; description: string }
  | { kind: 'scorecard'; description: string }
  | { kind: 'break' };

/** The running header and footer of every page, in the brief's language. */
export function briefRunningText(brief: Brief): { header: string; footer: string } {
  return {
    header: `${brief.country} · ${brief.peer_group.label}`,
    footer: `CivScope · ${brief.generated_on} · ${brief.labels.dataVersion ?? ''}`,
  };
}

const cell = (n: BriefNumber | null | undefined) => (n ? n.text : '–');

function headlineTable(brief: Brief, rows: BriefIndicator[]): BriefBlock {
  const l = brief.labels;
  return {
    kind: 'table',
    header: [l.indicator, l.value, l.year, l.rank, l.median, l.best, l.release].map((s) => s ?? ''),
    numeric: [false, true, true, true, true, true, false],
    rows: rows.map((h) => [
      h.direction === 'lower' ? `${h.name} (${l.lowerIsBetter ?? ''})` : h.name,
      cell(h.value),
      String(h.value.year),
      h.rank ? `${h.rank.value}/${h.rank.of}` : '–',
      cell(h.median),
      cell(h.best),
      h.value.release,
    ]),
  };
}

const listOr = (items: string[], none: string): BriefBlock =>
  items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: none };

function summaryBlocks(brief: Brief): BriefBlock[] {
  const l = brief.labels;
  const s = brief.summary;
  const none = l.none ?? '';
  return [
    { kind: 'title', text: brief.title },
    { kind: 'paragraph', text: brief.subtitle },
    { kind: 'heading', level: 2, text: l.summary ?? '' },
    { kind: 'heading', level: 3, text: l.position ?? '' },
    listOr(
      s.themes.map((t) => t.sentence),
      none,
    ),
    { kind: 'heading', level: 3, text: l.strengths ?? '' },
    listOr(
      s.strengths.map((h) => h.sentence),
      l.noStrength ?? none,
    ),
    { kind: 'heading', level: 3, text: l.gaps ?? '' },
    listOr(
      s.gaps.map((h) => h.sentence),
      l.noGap ?? none,
    ),
    { kind: 'paragraph', text: s.highlight_rule, small: true },
    { kind: 'heading', level: 3, text: l.changesHeading ?? '' },
    listOr(
      s.changes.map((c) => c.sentence),
      none,
    ),
    { kind: 'paragraph', text: s.change_rule, small: true },
  ];
}

function sectionBlocks(brief: Brief): BriefBlock[] {
  const l = brief.labels;
  return brief.sections.flatMap((sec): BriefBlock[] => [
    { kind: 'break' },
    { kind: 'heading', level: 2, text: sec.name },
    ...(sec.evidence === 'thin'
      ? [{ kind: 'paragraph' as const, text: `${l.evidenceThin ?? ''}${sec.note ? `: ${sec.note}` : ''}`, small: true }]
      : []),
    ...(sec.headlines.length > 0
      ? [
          { kind: 'heading' as const, level: 3 as const, text: l.headlines ?? '' },
          headlineTable(brief, sec.headlines),
          { kind: 'list' as const, items: sec.headlines.map((h) => h.sentence) },
        ]
      : [
          {
            kind: 'paragraph' as const,
            text: brief.summary.themes.find((t) => t.theme === sec.theme)?.sentence ?? '',
          },
        ]),
    ...(sec.chart
      ? [
          {
            kind: 'chart' as const,
            theme: sec.theme,
            caption: sec.chart.api,
            description: sec.chart.description,
          },
        ]
      : []),
    ...(sec.caveats.length > 0
      ? [
          { kind: 'heading' as const, level: 3 as const, text: l.caveats ?? '' },
          { kind: 'list' as const, items: sec.caveats.map((c) => `${c.indicator}: ${c.text}`), small: true },
        ]
      : []),
  ]);
}

function closingBlocks(brief: Brief): BriefBlock[] {
  const l = brief.labels;
  const p = brief.productivity;
  const texts = [p.description, p.unavailable, p.sentence, p.summary, p.peers_sentence].filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
  const gaps = brief.data_gaps.indicators;
  return [
    { kind: 'break' },
    { kind: 'heading', level: 2, text: l.productivity ?? '' },
    ...texts.map((text): BriefBlock => ({ kind: 'paragraph', text })),
    ...(p.targets.length > 0
      ? [
          {
            kind: 'table' as const,
            header: [l.indicator, l.value, l.target, l.year].map((s) => s ?? ''),
            numeric: [false, true, true, true],
            rows: p.targets.map((t) => [t.indicator, cell(t.value), cell(t.target), String(t.value.year)]),
          },
        ]
      : []),
    ...(p.warning ? [{ kind: 'paragraph' as const, text: p.warning, small: true }] : []),
    ...p.notes.map((text) => ({ kind: 'paragraph' as const, text, small: true })),
    { kind: 'paragraph', text: p.api, small: true },
    { kind: 'heading', level: 2, text: l.dataGaps ?? '' },
    { kind: 'paragraph', text: brief.data_gaps.rule, small: true },
    gaps.length > 0
      ? {
          kind: 'table',
          header: [l.indicator ?? '', ''],
          numeric: [false, false],
          rows: gaps.map((g) => [`${g.name} (${g.indicator})`, g.sentence]),
        }
      : { kind: 'paragraph', text: l.none ?? '' },
    { kind: 'heading', level: 2, text: l.sources ?? '' },
    { kind: 'list', items: brief.sources.sources.map((s) => `${s.citation} (${s.licence})`), small: true },
    {
      kind: 'table',
      header: [l.release ?? '', 'sha256'],
      numeric: [false, false],
      rows: brief.sources.releases.map((r) => [r.id, String(r.sha256 ?? '')]),
    },
    { kind: 'heading', level: 3, text: l.reproduce ?? '' },
    { kind: 'list', items: brief.reproduce, small: true },
  ];
}

/** The whole brief, block by block. */
export function briefBlocks(brief: Brief): BriefBlock[] {
  return [...summaryBlocks(brief), ...sectionBlocks(brief), ...closingBlocks(brief)];
}
