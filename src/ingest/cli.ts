import { spawnSync } from 'node:child_process';

/**
 * `npm run ingest`. A bulk load allocates fast and keeps little: its live heap stays under 128 MiB
 * for a 1 M-row file, but V8's default limits let garbage grow the process past 800 MiB before a
 * full collection. The loader therefore runs in a child Node with a small young generation and a
 * 128 MiB old-space cap (1 M rows: peak RSS ~290 MiB, same speed). This parent imports nothing else,
 * so it stays at a few tens of MiB while it waits. CIVSCOPE_INGEST_HEAP=default runs in-process
 * with Node's own limits.
 */
const HEAP_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=128'];
const main = new URL('./cli-main.ts', import.meta.url);

if (
  process.env.CIVSCOPE_INGEST_HEAP === 'default' ||
  process.execArgv.some((a) => a.startsWith('--max-old-space-size'))
) {
  await import(main.href);
} else {
  const child = spawnSync(
    process.execPath,
    [...HEAP_FLAGS, ...process.execArgv, main.pathname, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(child.status ?? 1);
}
