/**
 * The two scripts of an embedded chart, served by us (no inline script, so a strict CSP holds).
 *
 * In the frame (/embed-frame.js): the page draws the spec laid out for the width in its URL; when
 * the frame is another width, it asks /v1/charts for the same chart laid out at the frame's
 * width (titles, labels and footer wrap on the server with the chart's font) and draws that, and
 * again when the frame is resized. It then tells its parent how tall it is.
 *
 * On the host page (/embed.js, optional, like OWID's): sets each CivScope iframe's height to its chart's.
 */
export const EMBED_FRAME_JS = `(() => {
  const holder = document.getElementById('chart');
  const type = document.body.dataset.chartType;
  let spec = JSON.parse(document.getElementById('spec').textContent);
  let drawnWidth = Number(new URLSearchParams(location.search).get('width')) || spec.width;
  let view;
  const tell = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (parent !== window) parent.postMessage({ civscope: 'resize', href: location.href, height }, '*');
  };
  const draw = (next) =>
    vegaEmbed('#chart', next, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
      .then((result) => {
        if (view) view.finalize();
        view = result.view;
        document.body.setAttribute('data-rendered', 'true');
        document.body.setAttribute('data-chart-width', String(drawnWidth));
        tell();
      })
      .catch((error) => { holder.textContent = 'The chart could not be drawn: ' + error.message; });
  const fit = async () => {
    const width = Math.max(200, Math.min(2000, Math.floor(holder.clientWidth)));
    if (Math.abs(width - drawnWidth) < 8) return;
    const params = new URLSearchParams(location.search);
    params.set('width', String(width));
    const response = await fetch('/v1/charts/' + type + '?' + params);
    if (!response.ok) return;
    spec = (await response.json()).spec;
    drawnWidth = width;
    await draw(spec);
  };
  let timer;
  addEventListener('resize', () => { clearTimeout(timer); timer = setTimeout(fit, 150); });
  // Vega measures text with the page's font: wait for Noto Sans, or labels are laid out with a fallback's widths.
  const fonts = document.fonts ? Promise.all(['11px "Noto Sans"', 'bold 16px "Noto Sans"'].map((f) => document.fonts.load(f))) : Promise.resolve();
  fonts.catch(() => {}).then(() => draw(spec)).then(fit);
})();
`;

export const EMBED_HOST_JS = `(() => {
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.civscope !== 'resize' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe[data-civscope-embed]')) {
      if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';
    }
  });
})();
`;
