/**
 * The embed page's script (/assets/embed.js): draws the spec inlined in the page with vega-embed
 * and vega's expression interpreter (no inline script, strict CSP), redraws it at the frame's width
 * and tells a host page (/embed.js) its height.
 */
import { isLang, t } from '../i18n.ts';
import { EMBED_OPTIONS } from './dom.ts';

declare const vegaEmbed: (
  el: HTMLElement | string,
  spec: unknown,
  options?: Record<string, unknown>,
) => Promise<{ view: { finalize(): void } }>;

const holder = document.getElementById('chart') as HTMLElement;
const type = document.body.dataset.chartType;
const lang = isLang(document.documentElement.lang) ? document.documentElement.lang : 'en';
let spec = JSON.parse(document.getElementById('spec')?.textContent ?? 'null') as { width?: number };
let drawnWidth = Number(new URLSearchParams(location.search).get('width')) || (spec?.width ?? 0);
let view: { finalize(): void } | undefined;

function tell(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (parent !== window) parent.postMessage({ civscope: 'resize', href: location.href, height }, '*');
}

async function draw(next: unknown): Promise<void> {
  try {
    const result = await vegaEmbed(holder, next, EMBED_OPTIONS);
    view?.finalize();
    view = result.view;
    document.body.setAttribute('data-chart-width', String(drawnWidth));
    tell();
  } catch (error) {
    holder.textContent = t(lang, 'embed.failed', { detail: (error as Error).message });
  }
}

async function fitWidth(): Promise<void> {
  const width = Math.max(200, Math.min(2000, Math.floor(holder.clientWidth)));
  if (Math.abs(width - drawnWidth) < 8) return;
  const params = new URLSearchParams(location.search);
  params.set('width', String(width));
  const response = await fetch(`/v1/charts/${type}?${params}`);
  if (!response.ok) return;
  spec = ((await response.json()) as { spec: { width?: number } }).spec;
  drawnWidth = width;
  await draw(spec);
}

let timer: ReturnType<typeof setTimeout> | undefined;
addEventListener('resize', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void fitWidth(), 150);
});
// Vega measures text with the page's font: wait for Noto Sans, or labels are laid out with a fallback's widths.
const fonts = document.fonts
  ? Promise.all(['11px "Noto Sans"', 'bold 16px "Noto Sans"'].map((f) => document.fonts.load(f)))
  : Promise.resolve();
// The page counts as rendered once the chart is laid out for this frame (the second draw, when
// the frame is another width than the URL's): checking, printing or screenshotting the first
// draw would see a chart of the wrong width.
void fonts
  .catch(() => undefined)
  .then(() => draw(spec))
  .then(fitWidth)
  .then(() => document.body.setAttribute('data-rendered', 'true'));
