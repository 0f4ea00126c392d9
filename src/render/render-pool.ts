import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { Problem } from '../errors.ts';
import type { ChartRenderer } from './chart-renderer.ts';

/** Seconds a client should wait when every render thread is busy and the queue is full. */
const RETRY_AFTER_BUSY = 2;

/**
 * What a render thread holds grows to its largest render and stays: its V8 heap, once grown, and
 * resvg's WebAssembly memory, which never shrinks (one 2000 px-wide PNG at scale 3 leaves it at
 * hundreds of MiB). So each thread gets a heap limit (V8 collects before it, instead of at the
 * machine's default of a quarter of RAM) and the pool is replaced after this many renders: the
 * retired threads finish what they hold and exit, which returns all of it. Starting a thread costs
 * about 0.3 s of one core, once per this many renders.
 */
export const RENDERS_PER_POOL = 400;
/** Old-generation heap per render thread: the most seen in use during `npm run soak` was 62 MiB. */
const THREAD_HEAP_MIB = 96;

export interface RenderPoolOptions {
  threads?: number;
  maxQueue?: number;
  rendersPerPool?: number;
}

/**
 * SVG, PNG and PDF rendering is CPU-bound (tens of milliseconds each): on the event loop it stalls
 * every JSON request behind it. The pool runs it in one thread per core, with a bounded queue;
 * past that the request is refused with 503 and Retry-After instead of piling up.
 */
/** The chart renderer, and how many pools of threads it has started (each replacing the one before). */
export type RenderPool = ChartRenderer & { readonly poolsStarted: number };

export function renderPool(options: RenderPoolOptions = {}): RenderPool {
  const threads = options.threads ?? availableParallelism();
  const rendersPerPool = options.rendersPerPool ?? RENDERS_PER_POOL;
  const create = (): Generation => ({
    pool: new Piscina({
      filename: new URL('./render-worker.ts', import.meta.url).href,
      minThreads: 1,
      maxThreads: threads,
      // Room for a few dozen concurrent image requests per thread (a few seconds of PNG work):
      // beyond that a client is better told to retry than left waiting.
      maxQueue: options.maxQueue ?? threads * 32,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MIB, maxYoungGenerationSizeMb: 16 },
    }),
    renders: 0,
    inFlight: 0,
    retired: false,
  });
  // Created at the first render or warm(), not at import: a thread loading vega, resvg and pdfkit
  // would compete with the server's own start-up for the cores.
  let current: Generation | undefined;
  let poolsStarted = 0;
  const stopping = new Set<Promise<void>>();
  // Piscina's own close() ends its threads once each is between tasks, even with renders still
  // queued (they failed with "Terminating worker thread"): a retired pool is destroyed here only
  // when the last render given to it has settled.
  const destroyIfDone = (generation: Generation) => {
    if (!generation.retired || generation.inFlight > 0) return;
    const stopped = generation.pool.destroy().finally(() => stopping.delete(stopped));
    stopping.add(stopped);
  };
  const active = () => {
    if (current && current.renders >= rendersPerPool) {
      current.retired = true;
      destroyIfDone(current);
      current = undefined;
    }
    if (!current) {
      current = create();
      poolsStarted++;
    }
    return current;
  };
  return {
    get poolsStarted() {
      return poolsStarted;
    },
    has: () => true,
    warm: () => {
      active();
    },
    render: async (name, ...args) => {
      const generation = active();
      generation.renders++;
      generation.inFlight++;
      try {
        return await generation.pool.run({ name, args });
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message)) {
          throw new Problem(503, 'service_unavailable', 'Every chart renderer is busy; retry shortly.', {
            retry_after: RETRY_AFTER_BUSY,
          });
        }
        throw error;
      } finally {
        generation.inFlight--;
        destroyIfDone(generation);
      }
    },
    close: async () => {
      if (current) {
        current.retired = true;
        await current.pool.destroy();
        current = undefined;
      }
      await Promise.all(stopping);
    },
  };
}

/** One pool of threads, from its first render to its retirement. */
interface Generation {
  pool: Piscina;
  renders: number;
  /** Renders given to it that have not settled (running or queued). */
  inFlight: number;
  retired: boolean;
}
