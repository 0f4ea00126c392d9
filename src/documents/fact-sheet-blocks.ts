import type { BriefBlock } from './brief-blocks.ts';
import type { Brief } from './brief-model.ts';

/**
 * The fact sheet as blocks, for the writers that lay blocks out (DOCX, HTML): the same content
 * and order as the PDF's two pages, the scorecard as one image block.
 */
export function factSheetBlocks(brief: Brief): BriefBlock[] {
  const sheet = brief.fact_sheet;
  return [
    { kind: 'title', text: sheet.title },
    { kind: 'paragraph', text: sheet.subtitle },
    ...(sheet.sparse ? [{ kind: 'paragraph' as const, text: sheet.sparse, strong: true }] : []),
    { kind: 'heading', level: 2, text: sheet.labels.messages },
    { kind: 'list', items: sheet.messages.map((m) => `${m.label}. ${m.text}`) },
    { kind: 'paragraph', text: sheet.message_rule, small: true },
    ...(sheet.scorecard.themes.length > 0
      ? [
          { kind: 'heading' as const, level: 2 as const, text: sheet.labels.scorecard },
          { kind: 'scorecard' as const, description: sheet.scorecard.description },
          { kind: 'paragraph' as const, text: sheet.scorecard.legend, small: true },
        ]
      : []),
    { kind: 'break' },
    { kind: 'heading', level: 2, text: sheet.labels.table },
    {
      kind: 'table',
      header: sheet.table.header,
      numeric: [false, true, true, true, true, true],
      rows: sheet.table.themes.flatMap((t) => [
        [t.name, '', '', '', '', ''],
        ...t.rows.map((r) => [r.short_name, r.value, String(r.year), r.rank, r.trend, r.world]),
      ]),
    },
    { kind: 'heading', level: 2, text: sheet.labels.efficiency },
    ...sheet.efficiency.map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading', level: 2, text: sheet.labels.gaps },
    { kind: 'paragraph', text: sheet.gaps, small: true },
    { kind: 'paragraph', text: sheet.more, small: true },
  ];
}
