import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * `npm run ingest`. A bulk load allocates fast and keeps little: a tidy 1 M-row file's live heap
 * stays under 128 MiB, but V8's default limits let garbage grow the process past 800 MiB before a
 * full collection. So the loader runs in a child Node with a small young generation and an
 * old-space cap: 128 MiB when every release named is tidy (1 M rows: peak RSS ~290-300 MiB, same
 * speed), 256 MiB when a reshaping reader (danfojs, TensorFlow.js) may run, as in `--all`, which
 * needs more than 128. This parent imports only yaml, so it stays small while it waits.
 * CIVSCOPE_INGEST_HEAP=default runs in-process with Node's own limits.
 */
const main = new URL('./ingest-main.ts', import.meta.url);

function onlyTidy(args: string[]): boolean {
  if (args.includes('--all')) return false;
  const folders = args.filter((a) => !a.startsWith('-'));
  try {
    return (
      folders.length > 0 &&
      folders.every((f) => parseYaml(readFileSync(path.join(f, 'meta.yaml'), 'utf8'))?.format === 'tidy')
    );
  } catch {
    return false; // the loader reports the unreadable meta.yaml
  }
}

const args = process.argv.slice(2);
if (
  process.env.CIVSCOPE_INGEST_HEAP === 'default' ||
  process.execArgv.some((a) => a.startsWith('--max-old-space-size'))
) {
  await import(main.href);
} else {
  const oldSpace = onlyTidy(args) ? 128 : 256;
  const flags = ['--max-semi-space-size=16', `--max-old-space-size=${oldSpace}`];
  const child = spawnSync(process.execPath, [...flags, ...process.execArgv, main.pathname, ...args], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
