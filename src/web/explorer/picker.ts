import { searchIndicators } from '../../domain/indicator-search.ts';
import { THEME_NAMES, THEMES, type Theme } from '../../domain/themes.ts';
import { type Lang, t } from '../i18n.ts';
import type { Catalogue, Indicator } from './catalogue.ts';
import { $, escapeHtml } from './dom.ts';

/** The agenda order; a theme not in it comes last, by name. */
const THEME_ORDER: readonly string[] = THEMES;

export function themeName(theme: string, lang: Lang): string {
  return THEME_NAMES[theme as Theme]?.[lang] ?? theme;
}

/** The indicators the search box finds, most relevant first: the API's own rule (`/v1/indicators?q=`). */
function found(indicators: readonly Indicator[], query: string): Indicator[] {
  if (!query) return [...indicators];
  const searchable = indicators.map((i) => ({
    ...i,
    name_en: i.name.en,
    name_vi: i.name.vi,
    countries: i.coverage_summary.countries,
    source: i,
  }));
  return searchIndicators(searchable, query).map((hit) => hit.indicator.source);
}

function coverageText(i: Indicator, lang: Lang): string {
  const c = i.coverage_summary;
  if (c.countries === 0) return t(lang, 'indicator.coverageNone');
  return t(lang, 'indicator.coverage', {
    n: c.countries,
    total: c.of,
    first: c.first_year ?? '',
    last: c.latest_year ?? '',
  });
}

function item(i: Indicator, lang: Lang, selected: readonly string[]): string {
  return `<li><button type="button" data-code="${escapeHtml(i.code)}" aria-pressed="${selected.includes(i.code)}">${escapeHtml(i.name[lang])} <code class="code">${escapeHtml(i.code)}</code><span class="coverage">${escapeHtml(coverageText(i, lang))}</span></button></li>`;
}

/** Where /v1/themes finds a theme's evidence thin, the gap in words, above its indicators. */
function thinEvidence(catalogue: Catalogue, theme: string, lang: Lang): string {
  const evidence = catalogue.themes.get(theme);
  if (evidence?.evidence !== 'thin' || !evidence.gap) return '';
  return `<p class="thin-evidence">${escapeHtml(evidence.gap[lang])}</p>`;
}

/** The indicator list, grouped by theme and filtered by the search box. */
export function renderPicker(catalogue: Catalogue, lang: Lang, selected: readonly string[]): void {
  const query = $<HTMLInputElement>('indicator-search').value.trim();
  const hits = found(catalogue.indicators, query);
  const themes = [...new Set(hits.map((i) => i.theme))].sort(
    (a, b) => (THEME_ORDER.indexOf(a) + 1 || 99) - (THEME_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const openThemes = new Set(
    query ? themes : selected.map((code) => catalogue.byCode.get(code)?.theme).filter((x) => x !== undefined),
  );
  const groups = themes.map((theme) => {
    const items = hits.filter((i) => i.theme === theme);
    return `<details data-theme="${escapeHtml(theme)}"${openThemes.has(theme) ? ' open' : ''}><summary>${escapeHtml(themeName(theme, lang))} <span class="count">(${items.length})</span></summary>${thinEvidence(catalogue, theme, lang)}<ul>${items.map((i) => item(i, lang, selected)).join('')}</ul></details>`;
  });
  $<HTMLElement>('indicator-list').innerHTML =
    groups.join('') || `<p class="empty">${escapeHtml(t(lang, 'indicator.none', { query }))}</p>`;
  renderChips(catalogue, lang, selected);
}

function renderChips(catalogue: Catalogue, lang: Lang, selected: readonly string[]): void {
  $<HTMLElement>('selected-indicators').innerHTML = selected
    .map((code) => {
      const name = catalogue.byCode.get(code)?.name[lang] ?? code;
      const remove = selected.length > 1 ? t(lang, 'indicator.remove', { name }) : '';
      return `<li><span title="${escapeHtml(name)}">${escapeHtml(name)}</span>${remove ? `<button type="button" data-remove="${escapeHtml(code)}" aria-label="${escapeHtml(remove)}" title="${escapeHtml(remove)}">×</button>` : ''}</li>`;
    })
    .join('');
}
