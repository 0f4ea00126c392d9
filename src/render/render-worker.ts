import { isMainThread } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { RENDERERS, type RendererName } from './renderers.ts';

/** One render in a pool thread. Bytes go back to the main thread moved, not copied. */
export default async function render(task: { name: RendererName; args: unknown[] }): Promise<unknown> {
  if (isMainThread) throw new Error('render-worker.ts runs only inside the render pool');
  const renderer = RENDERERS[task.name] as (...args: unknown[]) => Promise<unknown>;
  const result = await renderer(...task.args);
  return result instanceof Uint8Array ? Piscina.move(result) : result;
}
