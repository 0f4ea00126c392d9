/**
 * Executes every notebook with real Jupyter (Debian's jupyter-nbconvert and python3-ipykernel)
 * and the tslab TypeScript kernel, against one freshly started embedded CivScope server.
 * Fails on any cell error.
 * Usage: npm run notebooks                     # refresh the committed outputs in place
 *        npm run notebooks -- --output-dir D   # execute into D, leave the notebooks untouched (CI)
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, ROOT, run, startServer } from './lib/processes.ts';

const { values: args } = parseArgs({ options: { 'output-dir': { type: 'string' }, results: { type: 'string' } } });
const notebooksDir = path.join(ROOT, 'notebooks');
const jupyterPrefix = path.join(ROOT, '.data/jupyter');

// Register the tslab kernel in a project-local prefix: nothing is written to the user's Jupyter.
await run('tslab', ['install', '--python=/usr/bin/python3', `--prefix=${jupyterPrefix}`]);

const dataDir = path.join(ROOT, '.data/notebooks-run');
await rm(dataDir, { recursive: true, force: true });
const port = await freePort();
const server = await startServer(
  'node',
  ['src/node.ts'],
  { PORT: String(port), HOST: '127.0.0.1', CIVSCOPE_DATA_DIR: dataDir, LOG_REQUESTS: 'false' },
  port,
  '/health',
  180_000,
);
const results: { notebook: string; ok: boolean; error?: string }[] = [];
try {
  const notebooks = (await readdir(notebooksDir)).filter((f) => f.endsWith('.ipynb')).sort();
  for (const notebook of notebooks) {
    const started = performance.now();
    const outputArgs = args['output-dir'] ? [`--output-dir=${path.resolve(args['output-dir'])}`] : ['--inplace'];
    try {
      await run(
        'jupyter-nbconvert',
        [
          '--to',
          'notebook',
          '--execute',
          ...outputArgs,
          '--ExecutePreprocessor.timeout=300',
          // The tslab kernel starts Node and TypeScript; on a busy 2-core machine that once took
          // longer than nbclient's default 60 s and failed a CI run with "Kernel didn't respond".
          '--ExecutePreprocessor.startup_timeout=180',
          '--ExecutePreprocessor.kernel_name=tslab',
          path.join(notebooksDir, notebook),
        ],
        { CIVSCOPE_URL: `http://127.0.0.1:${port}`, JUPYTER_PATH: path.join(jupyterPrefix, 'share/jupyter') },
      );
      results.push({ notebook, ok: true });
      console.log(`✓ ${notebook} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      results.push({ notebook, ok: false, error: (error as Error).message });
      console.log(`✗ ${notebook}\n${(error as Error).message.split('\n').slice(-30).join('\n')}`);
    }
  }
} finally {
  await server.stop();
}
if (args.results) {
  await mkdir(path.dirname(path.resolve(args.results)), { recursive: true });
  await writeFile(
    path.resolve(args.results),
    JSON.stringify(
      { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results },
      null,
      2,
    ),
  );
}
const failed = results.filter((r) => !r.ok).length;
console.log(`notebooks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
