import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface LoadResult {
  /** Successful (2xx) answers per second: a 503 from a busy server is not throughput. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** Runs autocannon in its own process (so it does not share the server's event loop). */
export function autocannon(target: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/autocannon/autocannon.js'),
        '--json',
        '-c',
        String(connections),
        '-d',
        String(seconds),
        target,
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => {
      try {
        const r = JSON.parse(out);
        resolve({ rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors });
      } catch {
        // autocannon prints nothing when no request completed at all (a starved server):
        // that is a measurement (0 answers), not a crash of the benchmark.
        resolve({ rps: 0, p50: Number.NaN, p99: Number.NaN, non2xx: 0 });
      }
    });
  });
}

/** 3 s of warm-up, then the measured run; prints one line. */
export async function measure(
  label: string,
  target: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  await autocannon(target, 3, connections);
  const result = await autocannon(target, seconds, connections);
  console.log(
    `${label.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} req/s   p50 ${String(result.p50).padStart(4)} ms   p99 ${String(result.p99).padStart(4)} ms${result.non2xx ? `   non-2xx ${result.non2xx}` : ''}`,
  );
  return result;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
