import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { Problem } from '../errors.ts';
import type { ChartRenderer } from './chart-renderer.ts';

/** Seconds a client should wait when every render thread is busy and the queue is full. */
const RETRY_AFTER_BUSY = 2;

/**
 * SVG, PNG and PDF rendering is CPU-bound (tens of milliseconds each): on the event loop it stalls
 * every JSON request behind it. The pool runs it in one thread per core, with a bounded queue;
 * past that the request is refused with 503 and Retry-After instead of piling up.
 */
export function renderPool(options: { threads?: number; maxQueue?: number } = {}): ChartRenderer {
  const threads = options.threads ?? availableParallelism();
  // Created at the first render or warm(), not at import: a thread loading vega, resvg and pdfkit
  // would compete with the server's own start-up for the cores.
  let pool: Piscina | undefined;
  const started = () => {
    pool ??= new Piscina({
      filename: new URL('./render-worker.ts', import.meta.url).href,
      minThreads: 1,
      maxThreads: threads,
      // Room for a few dozen concurrent image requests per thread (a few seconds of PNG work):
      // beyond that a client is better told to retry than left waiting.
      maxQueue: options.maxQueue ?? threads * 32,
      idleTimeout: 60_000,
    });
    return pool;
  };
  return {
    has: () => true,
    warm: () => {
      started();
    },
    render: async (name, ...args) => {
      try {
        return await started().run({ name, args });
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message)) {
          throw new Problem(503, 'service_unavailable', 'Every chart renderer is busy; retry shortly.', {
            retry_after: RETRY_AFTER_BUSY,
          });
        }
        throw error;
      }
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}
