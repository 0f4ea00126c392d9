import { unitLabel } from '../../charts/locale.ts';
import { type Lang, t } from '../i18n.ts';
import type { Catalogue, Indicator, Release, Source } from './catalogue.ts';
import { $, escapeHtml, getJson } from './dom.ts';
import { themeName } from './picker.ts';

interface ChangesResponse {
  changes: { indicator: string; change: 'added' | 'changed' | 'removed' }[];
  method_revisions: { note: { en: string; vi: string } }[];
}

/** Text the sources publish in English (definitions, citations): shown as is, marked as English. */
function quoted(text: string): string {
  return `<span lang="en">${escapeHtml(text)}</span>`;
}

/** A source's name, publisher or licence in the page's language (CivScope's Vietnamese), else quoted English. */
function inPageLanguage(source: Source, field: 'name' | 'publisher' | 'licence', lang: Lang): string {
  const vi = source[`${field}_vi`];
  return lang === 'vi' && vi ? escapeHtml(vi) : quoted(source[field]);
}

/** A release's label in the page's language (the Vietnamese is CivScope's translation). */
function releaseLabel(release: Release, lang: Lang): string {
  return lang === 'vi' ? escapeHtml(release.label_vi) : quoted(release.label);
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

/**
 * What the newest edition (as HTML) of the indicator's source changed for this indicator, against the
 * edition before it (the newest release published earlier: an edition may come as several
 * releases on one day). A method revision is said in words, its re-estimates counted apart.
 */
async function changesLine(catalogue: Catalogue, indicator: Indicator, lang: Lang): Promise<string> {
  const releases = releasesOf(catalogue, indicator.source_id);
  const newest = releases.at(-1);
  const previous = releases.filter((r) => newest && r.published_on < newest.published_on).at(-1);
  if (!previous)
    return escapeHtml(t(lang, 'sources.changesFirst', { n: catalogue.coverage.get(indicator.code)?.values ?? 0 }));
  const changes = await getJson<ChangesResponse>(
    `/v1/changes?since_release=${encodeURIComponent(previous.id)}&limit=5000`,
  );
  const count = (kind: ChangesResponse['changes'][number]['change']) =>
    changes.changes.filter((c) => c.indicator === indicator.code && c.change === kind).length;
  const line = escapeHtml(
    t(lang, 'sources.changesCounts', {
      previous: '\u0000',
      added: count('added'),
      changed: count('changed'),
      removed: count('removed'),
    }),
  ).replace('\u0000', releaseLabel(previous, lang));
  return [line, ...new Set(changes.method_revisions.map((r) => escapeHtml(r.note[lang])))].join(' ');
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
      ${source ? row('sources.source', `${inPageLanguage(source, 'name', lang)}${link ? `<br>${link}` : ''}`) : ''}
      ${source ? row('sources.publisher', inPageLanguage(source, 'publisher', lang)) : ''}
      ${release ? row('sources.release', `${releaseLabel(release, lang)} · ${escapeHtml(t(lang, 'sources.published', { date: release.published_on }))}`) : ''}
      ${source ? row('sources.licence', inPageLanguage(source, 'licence', lang)) : ''}
      ${source ? row('sources.citation', quoted(source.citation)) : ''}
      ${row('sources.changes', await changesLine(catalogue, indicator, lang))}
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
