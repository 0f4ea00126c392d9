import { Hono } from 'hono';
import type { AssetProvider } from '../app-deps.ts';
import { withAssetVersions } from './asset-versions.ts';
import { METHODS, METHODS_VI } from '../routes/methods/methods-text.ts';
import { pageHeader } from './explorer-page.ts';
import { escapeHtml, STYLESHEET } from './html.ts';
import { isLang, type Lang, t, type UiKey } from './i18n.ts';

/** `code` in the methods text becomes <code>. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** References are titles of published works: cited as published, in <cite>. */
function references(list: readonly string[]): string {
  return `<ul>${list.map((v) => `<li><cite>${prose(v)}</cite></li>`).join('')}</ul>`;
}

function block(value: unknown): string {
  if (typeof value === 'string') return `<p>${prose(value)}</p>`;
  if (Array.isArray(value)) return `<ul>${value.map((v) => `<li>${prose(String(v))}</li>`).join('')}</ul>`;
  const { rule, ...terms } = value as Record<string, unknown>;
  // `rule` is the section's own text; the other keys are terms of the API (parameter values, flags, error codes).
  const list = Object.entries(terms)
    .map(
      ([term, text]) =>
        `<dt><code>${escapeHtml(term)}</code></dt><dd>${typeof text === 'string' ? prose(text) : block(text)}</dd>`,
    )
    .join('');
  return `${typeof rule === 'string' ? `<p>${prose(rule)}</p>` : ''}${list ? `<dl>${list}</dl>` : ''}`;
}

/** /methods: every formula and rule of /v1/methods as a page a person reads, in English or Vietnamese. */
export function methodsPage(lang: Lang): string {
  const text = lang === 'vi' ? METHODS_VI : METHODS;
  const sections = Object.entries(text).map(
    ([key, value]) =>
      `<section id="${key}"><h2 data-i18n="methods.${key}">${escapeHtml(t(lang, `methods.${key}` as UiKey))}</h2>${key === 'references' ? references(value as readonly string[]) : block(value)}</section>`,
  );
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t(lang, 'methods.title'))} · CivScope</title>
${STYLESHEET}
</head>
<body>
${pageHeader(lang, 'methods')}
<main class="methods">
<h1 data-i18n="methods.title">${escapeHtml(t(lang, 'methods.title'))}</h1>
<p data-i18n="methods.intro">${escapeHtml(t(lang, 'methods.intro'))}</p>
${sections.join('\n')}
</main>
</body>
</html>`;
}

export function methodsPageRoutes(assets: AssetProvider | undefined) {
  return new Hono().get('/methods', async (c) => {
    const requested = c.req.query('lang');
    const page = await withAssetVersions(methodsPage(isLang(requested) ? requested : 'en'), assets);
    return c.html(page, 200, { 'cache-control': 'public, max-age=300' });
  });
}
