/**
 * Cold-start benchmark: from process start to the first 200 on /v1/observations with all shipped
 * data, (a) on an empty data directory and (b) on an already-loaded one. Prints medians.
 * Usage: npm run bench:start [-- --empty-runs 3 --loaded-runs 7]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'empty-runs': { type: 'string', default: '5' }, 'loaded-runs': { type: 'string', default: '7' } },
});
const root = path.resolve(import.meta.dirname, '..');
const URL_PATH = '/v1/observations?indicator=EGDI&group=ASEAN%2B3';

/** The server's own "start-up split" line of the last run (phases in ms from process start). */
let lastSplit = '';

async function timeToFirst200(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'src/node.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CIVSCOPE_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    lastSplit = /start-up split \(ms\): (.*)/.exec(output)?.[1] ?? lastSplit;
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no 200 within 120 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}${URL_PATH}`);
        await response.arrayBuffer();
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const work = await mkdtemp(path.join(tmpdir(), 'civscope-bench-start-'));
try {
  const empty: number[] = [];
  let loadedDir = '';
  for (let i = 0; i < Number(values['empty-runs']); i++) {
    const dir = path.join(work, `empty-${i}`);
    empty.push(await timeToFirst200(dir, 18700 + i));
    console.log(`empty run ${i + 1}: ${Math.round(empty[i] ?? 0)} ms to the first 200; server split: ${lastSplit}`);
    loadedDir = dir;
  }
  const loaded: number[] = [];
  for (let i = 0; i < Number(values['loaded-runs']); i++) {
    loaded.push(await timeToFirst200(loadedDir, 18750 + i));
    console.log(`loaded run ${i + 1}: ${Math.round(loaded[i] ?? 0)} ms to the first 200; server split: ${lastSplit}`);
  }
  const fmt = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  const range = (xs: number[]) => `min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))}`;
  console.log(
    `(a) empty data directory:  median ${Math.round(median(empty))} ms, ${range(empty)}  (runs: ${fmt(empty)})`,
  );
  console.log(
    `(b) loaded data directory: median ${Math.round(median(loaded))} ms, ${range(loaded)}  (runs: ${fmt(loaded)})`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
