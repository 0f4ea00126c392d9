/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** JSON inside <script type="application/json">: "</script>" must never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** The chart libraries, from our own /assets (installed packages), never a CDN. */
export const VEGA_SCRIPTS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js']
  // Deferred: the page (and the chart drawn on the server) shows while they load; they still run in order, before the page's module.
  .map((f) => `<script defer src="/assets/${f}"></script>`)
  .join('\n');

/**
 * The pages' one stylesheet (fonts included), from /assets: no inline style, so the pages run under
 * a Content-Security-Policy without 'unsafe-inline'.
 */
/** Noto Sans from /assets: the same font as the server-rendered PNGs, with Vietnamese coverage. */
export const FONT_FACES = `<style>
  @font-face { font-family: 'Noto Sans'; src: url('/assets/noto-sans-400.ttf') format('truetype'); font-weight: 400; font-display: swap; }
  @font-face { font-family: 'Noto Sans'; src: url('/assets/noto-sans-700.ttf') format('truetype'); font-weight: 700; font-display: swap; }
</style>`;

export const STYLESHEET = '<link rel="stylesheet" href="/assets/civscope.css">';
