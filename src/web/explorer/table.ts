import { dynamicKey, type Lang, t, type UiKey } from '../i18n.ts';
import type { Catalogue } from './catalogue.ts';
import { $, escapeHtml, formatNumber } from './dom.ts';
import type { TableSort } from './state.ts';

/** One column of the data table: how to read a cell from a row and how to show it. */
interface Column {
  label: string;
  get: (row: Row) => string | number | null;
  decimals?: number;
  className?: string;
}
type Row = Record<string, unknown>;

function name(catalogue: Catalogue, iso3: string, lang: Lang): string {
  return catalogue.countries.find((c) => c.iso3 === iso3)?.name[lang] ?? iso3;
}

function noteColumn(lang: Lang): Column {
  return { label: t(lang, 'table.note'), get: (r) => (r.note as string | null) ?? null, className: 'note' };
}

/** A yes/no indicator's value is an answer: shown as a word, never as 1 or 0. */
function answerOf(value: number, lang: Lang): string {
  return value === 1 ? t(lang, 'table.yes') : value === 0 ? t(lang, 'table.no') : String(value);
}

function flagColumn(lang: Lang): Column {
  return { label: t(lang, 'table.flag'), get: (r) => (r.flag as string | null) ?? null, className: 'flag' };
}

/** The columns for a response: rankings, observations or a comparison matrix. */
function columnsFor(data: Row, catalogue: Catalogue, lang: Lang): { columns: Column[]; rows: Row[] } {
  const country: Column = { label: t(lang, 'table.country'), get: (r) => name(catalogue, String(r.iso3), lang) };
  const year: Column = { label: t(lang, 'table.year'), get: (r) => (r.year as number | null) ?? null };
  const release: Column = { label: t(lang, 'table.release'), get: (r) => String(r.release ?? '') };
  const indicator = data.indicator as { decimals?: number; scale?: string } | undefined;
  const decimals = indicator?.decimals ?? 2;
  if (Array.isArray(data.ranking)) {
    // Countries whose value was searched for and not found follow the values, saying so, with
    // what was searched as their note.
    const searched = ((data.not_found as Row[] | undefined) ?? []).map(
      (g): Row => ({ ...g, value: null, searched: true }),
    );
    const rows = [...(data.ranking as Row[]), ...searched];
    const notFound = t(lang, 'table.notFound');
    // A yes/no indicator has answers, not ranks or scores: those columns would be empty.
    if (indicator?.scale === 'yes-no')
      return {
        columns: [
          country,
          { label: t(lang, 'table.value'), get: (r) => (r.searched ? notFound : answerOf(r.value as number, lang)) },
          year,
          flagColumn(lang),
          noteColumn(lang),
          release,
        ],
        rows,
      };
    const columns: Column[] = [
      { label: t(lang, 'table.rank'), get: (r) => (r.rank as number | null) ?? null, decimals: 0 },
      country,
      { label: t(lang, 'table.value'), get: (r) => (r.searched ? notFound : (r.value as number)), decimals },
      year,
      { label: t(lang, 'table.score'), get: (r) => (r.score as number | null) ?? null, decimals: 1 },
      flagColumn(lang),
      ...(rows.some((r) => r.note) ? [noteColumn(lang)] : []),
      release,
    ];
    return { columns, rows };
  }
  if (Array.isArray(data.observations)) {
    const normalised = data.normalisation !== null && data.normalisation !== undefined;
    const columns: Column[] = [
      country,
      year,
      { label: t(lang, 'table.value'), get: (r) => r.value as number, decimals },
      ...(normalised
        ? [{ label: t(lang, 'table.indexed'), get: (r: Row) => (r.normalised as number | null) ?? null, decimals: 1 }]
        : []),
      flagColumn(lang),
      noteColumn(lang),
      release,
    ];
    return { columns, rows: data.observations as Row[] };
  }
  const indicators = (data.indicators as { code: string; decimals: number; name: { en: string; vi: string } }[]) ?? [];
  const cell = (r: Row, code: string) => (r.cells as Record<string, Row | null>)[code] ?? null;
  const columns: Column[] = [
    country,
    ...indicators.flatMap((i) => [
      { label: i.name[lang], get: (r: Row) => (cell(r, i.code)?.value as number) ?? null, decimals: i.decimals },
      { label: t(lang, 'table.year'), get: (r: Row) => (cell(r, i.code)?.year as number) ?? null },
      { label: t(lang, 'table.score'), get: (r: Row) => (cell(r, i.code)?.score as number) ?? null, decimals: 1 },
    ]),
  ];
  return { columns, rows: (data.rows as Row[]) ?? [] };
}

function compare(a: string | number | null, b: string | number | null, lang: Lang): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), lang);
}

function cellHtml(column: Column, row: Row, lang: Lang): string {
  const value = column.get(row);
  if (value === null || value === '') return `<td class="${column.className ?? ''}"></td>`;
  if (typeof value === 'number') {
    const text = column.decimals === undefined ? String(value) : formatNumber(value, column.decimals, lang);
    return `<td class="num">${text}</td>`;
  }
  // Notes come in the page's language (every note is translated at ingest), so no lang attribute.
  return `<td class="${column.className ?? ''}">${escapeHtml(value)}</td>`;
}

/** Draws the table, sorted by the chosen column; the flags it shows are explained below it. */
export function renderTable(data: Row, catalogue: Catalogue, lang: Lang, title: string, sort: TableSort | null): void {
  const { columns, rows } = columnsFor(data, catalogue, lang);
  const sorted = [...rows];
  if (sort && columns[sort.column]) {
    const column = columns[sort.column] as Column;
    const direction = sort.descending ? -1 : 1;
    sorted.sort((a, b) => direction * compare(column.get(a), column.get(b), lang));
  }
  const head = columns
    .map((c, i) => {
      const ariaSort = sort?.column === i ? ` aria-sort="${sort.descending ? 'descending' : 'ascending'}"` : '';
      const numeric = c.decimals !== undefined ? ' class="num"' : '';
      return `<th scope="col"${numeric}${ariaSort}><button type="button" data-sort="${i}">${escapeHtml(c.label)}</button></th>`;
    })
    .join('');
  const body = sorted.map((r) => `<tr>${columns.map((c) => cellHtml(c, r, lang)).join('')}</tr>`).join('');
  const table = $<HTMLTableElement>('data-table');
  const caption = t(lang, 'table.caption', { name: title, rows: rows.length });
  table.innerHTML = `<caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
  table.dataset.rows = String(rows.length);
  renderFlags(rows, lang);
}

function renderFlags(rows: Row[], lang: Lang): void {
  const flags = [...new Set(rows.map((r) => r.flag).filter((f): f is string => typeof f === 'string'))];
  const items = flags.map((flag) => {
    const key = dynamicKey('flag', flag);
    return `<dt>${escapeHtml(flag)}</dt><dd>${escapeHtml(key ? t(lang, key as UiKey) : '')}</dd>`;
  });
  $<HTMLElement>('table-flags').innerHTML = items.length
    ? `<h3>${escapeHtml(t(lang, 'table.flagsHeading'))}</h3><dl>${items.join('')}</dl>`
    : '';
}

/** Clicking a heading sorts by it; clicking it again reverses the order. Null when no heading was hit. */
export function sortAfterClick(target: HTMLElement, sort: TableSort | null): TableSort | null {
  const button = target.closest<HTMLButtonElement>('button[data-sort]');
  if (!button) return null;
  const column = Number(button.dataset.sort);
  return sort?.column === column ? { column, descending: !sort.descending } : { column, descending: false };
}
