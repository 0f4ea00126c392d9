/**
 * Efficiency benchmark: one /v1/efficiency request (wage bill → GE.EST, EGDI, ASEAN+3, latest),
 * in process on the embedded database with every shipped release.
 *   cold     the first DEA request of the process: loads HiGHS (WebAssembly) and solves
 *   uncached median of repeated requests with the response cache off (every request re-solves)
 *   cached   median of repeated requests answered from the response cache
 * per method (fdh, dea-vrs without the bootstrap), plus the number of LPs one DEA request solves;
 * then the Simar–Wilson bootstrap (B = 2,000, the default) of the same DEA request, uncached, and
 * the Malmquist index (/v1/efficiency/change, ASEAN+3 2016 → 2018), uncached.
 * Usage: npm run bench:efficiency [-- --runs 30]
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { connectPglite } from '../src/db/pglite.ts';
import { loadShippedReleases, prepareSchema } from '../src/boot/prepare.ts';
import type { LpSolver } from '../src/domain/efficiency/linear-program.ts';
import { noResponseStore } from '../src/http/response-cache.ts';
import { loadHighsSolver } from '../src/solver/highs.ts';
import { yalpsSolver } from '../src/solver/yalps-lp.ts';
import { percentile } from './lib/load.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const RUNS = Number(args.runs);
const QUERY = '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN%2B3&latest=true';

const { db, close } = await connectPglite();
await prepareSchema(db);
await loadShippedReleases(db);

let solves = 0;
const counting = async (): Promise<LpSolver> => {
  const solver = await loadHighsSolver();
  return (lp) => {
    solves += 1;
    return solver(lp);
  };
};
const uncached = createApp({ db, lpSolver: counting, responseStore: noResponseStore });
const cached = createApp({ db, lpSolver: counting });
const withBootstrap = createApp({
  db,
  lpSolver: counting,
  replicationLpSolver: async () => yalpsSolver(),
  responseStore: noResponseStore,
});

async function timed(app: ReturnType<typeof createApp>, url: string): Promise<number> {
  const start = performance.now();
  const response = await app.request(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - start;
}

async function median(app: ReturnType<typeof createApp>, url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timed(app, url));
  return percentile(samples, 50);
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const cold = await timed(uncached, `${QUERY}&method=dea-vrs`);
console.log(`cold (first DEA request, loads HiGHS): ${ms(cold)}; LPs solved: ${solves}`);
for (const method of ['fdh', 'dea-vrs']) {
  const url = `${QUERY}&method=${method}&bootstrap=0`;
  const before = solves;
  const one = await timed(uncached, url);
  const lps = solves - before;
  const warm = await median(uncached, url);
  await timed(cached, url);
  const hit = await median(cached, url);
  console.log(
    `${method}: uncached median ${ms(warm)} (one request: ${ms(one)}, ${lps} LPs); cached median ${ms(hit)} (${RUNS} runs)`,
  );
}
const bootUrl = `${QUERY}&method=dea-vrs`;
const answer = (await (await withBootstrap.request(bootUrl)).json()) as {
  countries: number;
  robustness: { bootstrap: { replications: number } };
};
const bootRuns = Math.min(RUNS, 10);
const bootSamples: number[] = [];
// A new seed each run: the server keeps the bootstraps it has drawn (by data and seed), and a
// repeated request would time that memo, not the bootstrap.
for (let i = 0; i < bootRuns; i++) bootSamples.push(await timed(withBootstrap, `${bootUrl}&seed=${7001 + i}`));
console.log(
  `dea-vrs with the bootstrap (B = ${answer.robustness.bootstrap.replications}, ${answer.countries} countries): uncached median ${ms(percentile(bootSamples, 50))} (${bootRuns} runs)`,
);
const malmquistUrl =
  '/v1/efficiency/change?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN%2B3&from=2016&to=2018';
const malmquist: number[] = [];
for (let i = 0; i < RUNS; i++) malmquist.push(await timed(uncached, malmquistUrl));
console.log(`Malmquist (ASEAN+3, 2016 → 2018): uncached median ${ms(percentile(malmquist, 50))} (${RUNS} runs)`);
await close();
