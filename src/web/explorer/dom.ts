import { expressionInterpreter } from 'vega-interpreter';
import { type Lang, t, type UiKey, UI } from '../i18n.ts';

/** Small DOM helpers and the language switch of the static page text. */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export { escapeHtml } from '../html.ts';

/** vega-embed options for a strict CSP: vega's interpreter (no generated code), no injected styles. */
export const EMBED_OPTIONS = {
  renderer: 'svg',
  actions: false,
  ast: true,
  expr: expressionInterpreter,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
} as const;

/** Redraws every dictionary text and attribute of the page in a language. */
export function applyLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n as UiKey;
    if (key in UI[lang]) el.textContent = t(lang, key);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (el.dataset.i18nAttr ?? '').split(';')) {
      const [name, key] = pair.split(':') as [string, UiKey];
      if (key in UI[lang]) el.setAttribute(name, t(lang, key));
    }
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header.site nav a[href^="/"]')) {
    const url = new URL(a.href);
    if (url.pathname === '/' || url.pathname === '/methods') {
      url.searchParams.set('lang', lang);
      a.href = `${url.pathname}${url.search}`;
    }
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-set-lang]')) {
    if (a.dataset.setLang === lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

/** Numbers in the reader's convention: 0,7709 and 1.234 in Vietnamese, 0.7709 and 1,234 in English. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = (await response.json()) as T & { detail?: string };
  if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`);
  return body;
}

/** False when the clipboard refuses or does not answer within 3 s (a pending permission prompt). */
export async function copyText(text: string): Promise<boolean> {
  try {
    return await Promise.race([
      navigator.clipboard.writeText(text).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
    ]);
  } catch {
    return false;
  }
}
