/**
 * What every CivScope notebook needs: a server (CIVSCOPE_URL, or one started here on the embedded
 * database), JSON from the API with errors made readable, and charts shown as Vega-Lite with an
 * SVG fallback for code hosts that do not run Vega.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import * as tslab from 'tslab';

const ROOT = path.resolve(process.cwd(), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The base URL of a CivScope server: $CIVSCOPE_URL, or a server started on the embedded database. */
export async function civscope(): Promise<string> {
  if (process.env.CIVSCOPE_URL) return process.env.CIVSCOPE_URL.replace(/\/$/, '');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'src/node.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: 'false', CIVSCOPE_DATA_DIR: path.join(ROOT, '.data/notebook-pglite') },
    stdio: 'ignore',
  });
  process.on('exit', () => child.kill());
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${base}/health`).then((r) => r.ok).catch(() => false);
    if (ok) return base;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the CivScope server did not start');
}

/** GET JSON from the API; a problem+json answer becomes an error with its detail. */
export async function get<T = Record<string, unknown>>(base: string, pathAndQuery: string): Promise<T> {
  const response = await fetch(`${base}${pathAndQuery}`);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new Error(`${response.status} ${problem.code ?? ''}: ${problem.detail ?? response.statusText} (${pathAndQuery})`);
  }
  return (await response.json()) as T;
}

/**
 * Shows a chart from /v1/charts: Vega-Lite for JupyterLab and VS Code, the server's SVG for code
 * hosts, and the alt text as plain text, in one output.
 */
export async function showChart(base: string, type: string, query: string): Promise<string> {
  const chart = await get<{ spec: unknown; description: string }>(base, `/v1/charts/${type}?${query}`);
  const svg = await (await fetch(`${base}/v1/charts/${type}.svg?${query}`)).text();
  // tslab's public display sends one MIME type per output; its Jupyter module sends several.
  const jupyter = (await import('tslab/dist/jupyter.js')) as unknown as { lastWriteDisplayData: (data: unknown, update: boolean) => void };
  jupyter.lastWriteDisplayData({ data: { 'application/vnd.vegalite.v5+json': chart.spec, 'image/svg+xml': svg, 'text/plain': chart.description }, metadata: {}, transient: {} }, false);
  return chart.description;
}

/** A Markdown table from rows. */
export function table(header: string[], rows: (string | number | null)[][]): void {
  const cell = (v: string | number | null) => (v === null ? '—' : String(v).replaceAll('|', '\\|'));
  tslab.display.markdown([`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'));
}

export function markdown(text: string): void {
  tslab.display.markdown(text);
}
