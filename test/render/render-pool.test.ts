import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { Problem } from '../../src/http/problem.ts';
import { renderPool } from '../../src/render/render-pool.ts';
import { RENDERERS } from '../../src/render/renderers.ts';

const SPEC: TopLevelSpec = {
  width: 200,
  height: 100,
  data: {
    values: [
      { country: 'Việt Nam', value: 0.7709 },
      { country: 'Singapore', value: 0.9691 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } },
};

const pool = renderPool({ threads: 2, maxQueue: 2 });
afterAll(() => pool.close());

describe('the render pool', () => {
  it('renders in a worker thread exactly what the main thread renders', async () => {
    const [inPool, inThread] = await Promise.all([pool.render('svg', SPEC), RENDERERS.svg(SPEC)]);
    expect(inPool).toBe(inThread);
    expect(inPool).toContain('Việt Nam');
  });

  it('returns PNG bytes at the requested scale: scale 2 is twice as wide as scale 1', async () => {
    const [one, two] = await Promise.all([pool.render('png', SPEC, 1), pool.render('png', SPEC, 2)]);
    expect(two).toBeInstanceOf(Uint8Array);
    expect([...two.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const width = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width(two)).toBe(2 * width(one));
  });

  it('refuses with 503 service_unavailable once every thread is busy and the queue is full', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => pool.render('png', SPEC, 3)));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(Problem);
      expect((reason as Problem).status).toBe(503);
      expect((reason as Problem).code).toBe('service_unavailable');
    }
  });
});

describe('a render pool that recycles its threads', () => {
  it('replaces its threads every rendersPerPool renders, and no render queued meanwhile fails', async () => {
    const recycling = renderPool({ threads: 2, rendersPerPool: 3 });
    try {
      // Ten renders at once span four pools: the retired ones finish their queues before exiting.
      const results = await Promise.all(Array.from({ length: 10 }, () => recycling.render('svg', SPEC)));
      expect(results).toHaveLength(10);
      // Renders 1-3, 4-6, 7-9 and 10: four pools, each started when the one before had 3.
      expect(recycling.poolsStarted).toBe(4);
      expect(new Set(results).size).toBe(1);
      expect(results[0]).toContain('Việt Nam');
    } finally {
      await recycling.close();
    }
  });
});
