/**
 * Country brief benchmark: GET /v1/briefs/VNM?group=ASEAN&lang=vi as JSON, and as HTML, PDF and
 * DOCX for the fact sheet (part=sheet) and the annex (part=annex), in process on the embedded database with every shipped release.
 *   cold     the first request of a fresh app (empty response cache; HiGHS and vega load); run one
 *            format and part alone (--formats pdf --parts sheet) for the first request after start
 *   uncached median of repeated requests with the response cache off (every request rebuilds)
 *   cached   median of repeated requests answered from the response cache
 * Usage: npm run bench:brief [-- --runs 10 --formats json,html,pdf,docx --parts sheet,annex]
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { loadShippedReleases, prepareSchema } from '../src/boot/prepare.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { noResponseStore } from '../src/http/response-cache.ts';
import { inThreadRenderer } from '../src/render/chart-renderer.ts';
import { RENDERERS } from '../src/render/renderers.ts';
import { loadHighsSolver } from '../src/solver/highs.ts';
import { yalpsSolver } from '../src/solver/yalps-lp.ts';
import { briefDocx } from '../src/documents/brief-docx.ts';
import { briefPdf } from '../src/documents/brief-pdf.ts';
import { percentile } from './lib/load.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    parts: { type: 'string', default: 'sheet,annex' },
    formats: { type: 'string', default: 'json,html,pdf,docx' },
  },
});
const RUNS = Number(args.runs);
const QUERY = '/v1/briefs/VNM?group=ASEAN&lang=vi';

const { db, close } = await connectPglite();
await prepareSchema(db);
await loadShippedReleases(db);
const renderer = inThreadRenderer(RENDERERS);

async function timed(app: ReturnType<typeof createApp>, url: string): Promise<number> {
  const start = performance.now();
  const response = await app.request(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
}

const briefDocuments = { pdf: briefPdf, docx: briefDocx };
const PARTS = (args.parts ?? '').split(',').filter(Boolean);
for (const format of (args.formats ?? '').split(','))
  for (const part of format === 'json' ? [''] : PARTS) {
    const url = `${QUERY}&format=${format}${part ? `&part=${part}` : ''}`;
    // As node.ts wires them: HiGHS for the scores, YALPS for the country's bootstrap.
    const replicationLpSolver = async () => yalpsSolver();
    const cachedApp = createApp({ db, lpSolver: loadHighsSolver, replicationLpSolver, renderer, briefDocuments });
    const uncachedApp = createApp({
      db,
      lpSolver: loadHighsSolver,
      replicationLpSolver,
      renderer,
      responseStore: noResponseStore,
      briefDocuments,
    });
    const cold = await timed(cachedApp, url);
    const cached: number[] = [];
    const uncached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cached.push(await timed(cachedApp, url));
      uncached.push(await timed(uncachedApp, url));
    }
    console.log(
      `${format.padEnd(4)} ${part.padEnd(5)} cold ${cold.toFixed(0)} ms · uncached median ${percentile(uncached, 50).toFixed(0)} ms · cached median ${percentile(cached, 50).toFixed(2)} ms (${RUNS} runs)`,
    );
  }
await close();
