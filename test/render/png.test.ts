import { describe, expect, it } from 'vitest';
import { outlineText, renderPng } from '../../src/render/png.ts';

const MiB = 1024 * 1024;

/** A tall chart-like SVG: at scale 2 its raster is 960 × 2456 px, 9.4 MB of pixels. */
const TALL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="1228">${Array.from(
  { length: 60 },
  (_, i) =>
    `<rect x="120" y="${i * 20}" width="${40 + i * 5}" height="14" fill="#4c78a8"/><text x="4" y="${i * 20 + 11}" font-size="11">Việt Nam ${i}</text>`,
).join('')}</svg>`;

const pngWidth = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(16);
const pngHeight = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(20);

describe('PNG rasters', () => {
  it('are the SVG size times the scale', async () => {
    const png = await renderPng(TALL_SVG, 2);
    expect([pngWidth(png), pngHeight(png)]).toEqual([960, 2456]);
  });

  it('give their memory back: 60 rasters of 9.4 MB pixels leave resident memory within 64 MiB of where it was', async () => {
    // The native resvg module kept every pixmap: these 60 rasters held about 600 MiB for good.
    await renderPng(TALL_SVG, 2);
    const before = process.memoryUsage.rss();
    for (let i = 0; i < 60; i++) await renderPng(TALL_SVG, 2);
    expect((process.memoryUsage.rss() - before) / MiB).toBeLessThan(64);
  });

  it('outline every text as paths: no text element is left, and each of the 60 labels became glyph outlines', async () => {
    const outlined = await outlineText(TALL_SVG);
    expect(outlined).not.toMatch(/<text/);
    expect((outlined.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(60);
  });
});
