import { unitLabel } from '../../charts/locale.ts';
import { type Lang, t } from '../i18n.ts';
import type { Catalogue, Indicator, Release } from './catalogue.ts';
import { $, escapeHtml, getJson } from './dom.ts';
import { themeName } from './picker.ts';

interface Change {
  indicator: string;
}
interface ChangesResponse {
  sources: { source: string; added: Change[]; changed: Change[]; removed: Change[] }[];
}

/** Text the sources publish in English (definitions, citations): shown as is, marked as English. */
function quoted(text: string): string {
  return `<span lang="en">${escapeHtml(text)}</span>`;
}

/**
 * The source's English words; in Vietnamese, CivScope's translation first (marked as such) with the
 * English original under it, or the English alone, marked as quoted, where no translation exists.
 */
function translated(lang: Lang, english: readonly string[], vietnamese: readonly string[] | null): string {
  const list = (items: readonly string[], html: (text: string) => string) =>
    items.length === 1
      ? `<p>${html(items[0] as string)}</p>`
      : `<ul>${items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
  if (lang === 'en') return list(english, quoted);
  const original = `<span class="quoted">${escapeHtml(t(lang, 'sources.original'))}</span>${list(english, quoted)}`;
  if (vietnamese === null) return original;
  return `${list(vietnamese, escapeHtml)}<span class="quoted">${escapeHtml(t(lang, 'sources.translation'))}</span><details><summary>${escapeHtml(t(lang, 'sources.englishOriginal'))}</summary>${list(english, quoted)}</details>`;
}

function releasesOf(catalogue: Catalogue, sourceId: string): Release[] {
  return catalogue.releases
    .filter((r) => r.source_id === sourceId)
    .sort((a, b) => a.published_on.localeCompare(b.published_on) || a.id.localeCompare(b.id));
}

/** What the newest release of the indicator's source changed for this indicator. */
async function changesLine(catalogue: Catalogue, indicator: Indicator, lang: Lang): Promise<string> {
  const releases = releasesOf(catalogue, indicator.source_id);
  const previous = releases.at(-2);
  if (!previous) return t(lang, 'sources.changesFirst', { n: catalogue.coverage.get(indicator.code)?.values ?? 0 });
  const changes = await getJson<ChangesResponse>(`/v1/changes?since_release=${encodeURIComponent(previous.id)}`);
  const mine = changes.sources.find((s) => s.source === indicator.source_id);
  const count = (list: Change[] | undefined) => (list ?? []).filter((c) => c.indicator === indicator.code).length;
  return t(lang, 'sources.changesCounts', {
    previous: previous.label,
    added: count(mine?.added),
    changed: count(mine?.changed),
    removed: count(mine?.removed),
  });
}

function direction(indicator: Indicator, lang: Lang): string {
  if (indicator.higher_is_better === null) return t(lang, 'sources.neutral');
  return t(lang, indicator.higher_is_better ? 'sources.higher' : 'sources.lower');
}

async function article(catalogue: Catalogue, indicator: Indicator, lang: Lang): Promise<string> {
  const source = catalogue.sources.get(indicator.source_id);
  const release = releasesOf(catalogue, indicator.source_id).at(-1);
  const row = (key: Parameters<typeof t>[1], html: string) => `<dt>${escapeHtml(t(lang, key))}</dt><dd>${html}</dd>`;
  const caveats = indicator.caveats.length
    ? row('sources.caveats', translated(lang, indicator.caveats, indicator.caveats_vi))
    : '';
  const link =
    source && /^https?:/.test(source.url)
      ? `<a href="${escapeHtml(source.url)}" rel="noopener">${escapeHtml(source.url)}</a>`
      : '';
  return `<article data-code="${escapeHtml(indicator.code)}">
    <h2>${escapeHtml(indicator.name[lang])}</h2>
    <p class="hint"><code>${escapeHtml(indicator.code)}</code> · ${escapeHtml(themeName(indicator.theme, lang))}</p>
    <dl>
      ${row('sources.definition', translated(lang, [indicator.definition], indicator.definition_vi === null ? null : [indicator.definition_vi]))}
      ${caveats}
      ${row('sources.unit', escapeHtml(unitLabel(indicator.unit, lang)))}
      ${row('sources.direction', escapeHtml(direction(indicator, lang)))}
      ${row('sources.decimals', String(indicator.decimals))}
      ${source ? row('sources.source', `${quoted(source.name)}${link ? `<br>${link}` : ''}`) : ''}
      ${source ? row('sources.publisher', quoted(source.publisher)) : ''}
      ${release ? row('sources.release', `${quoted(release.label)} · ${escapeHtml(t(lang, 'sources.published', { date: release.published_on }))}`) : ''}
      ${source ? row('sources.licence', quoted(source.licence)) : ''}
      ${source ? row('sources.citation', quoted(source.citation)) : ''}
      ${row('sources.changes', escapeHtml(await changesLine(catalogue, indicator, lang)))}
    </dl>
  </article>`;
}

/** Definition, caveats, source, release, licence, citation and last changes of every indicator shown. */
export async function renderSources(catalogue: Catalogue, codes: readonly string[], lang: Lang): Promise<void> {
  const indicators = codes.map((c) => catalogue.byCode.get(c)).filter((i): i is Indicator => i !== undefined);
  $<HTMLElement>('sources').innerHTML = (await Promise.all(indicators.map((i) => article(catalogue, i, lang)))).join(
    '',
  );
}
