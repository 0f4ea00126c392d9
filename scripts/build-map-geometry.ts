/**
 * Cuts the Natural Earth 1:50m country shapes (world-atlas, public domain) down to the 14 ASEAN+3
 * countries, with coordinates rounded to 0.1° and points closer than 0.3° dropped (a regional map needs no more), and writes src/charts/map-geometry.json.
 * Run after upgrading world-atlas: npm run build:map
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { COUNTRIES } from '../src/domain/countries.ts';

type Ring = [number, number][];
const require = createRequire(import.meta.url);
const STEP = 0.1;
/** Points closer than this (degrees) to the last kept point are dropped: enough for a regional map. */
const MIN_DISTANCE = 0.3;

const round = (v: number) => Math.round(v / STEP) * STEP;
const fix = (v: number) => Number(v.toFixed(1));

/** Twice the planar signed area: its sign is the ring's winding, which d3-geo reads as inside/outside. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function simplifyRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const point: [number, number] = [fix(round(x)), fix(round(y))];
    const last = out.at(-1);
    if (!last || Math.hypot(last[0] - point[0], last[1] - point[1]) >= MIN_DISTANCE) out.push(point);
  }
  const first = out[0];
  if (first) out.push(first); // keep the ring closed
  // A ring needs 4 positions (closed triangle); islands smaller than the grid disappear. A ring
  // whose winding flipped while simplifying would turn into "the whole globe except this" for
  // d3-geo, so it is dropped too.
  if (out.length < 4) return null;
  return Math.sign(signedArea(out)) === Math.sign(signedArea(ring)) ? out : null;
}

const topology = JSON.parse(await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const all = feature(topology, topology.objects.countries as GeometryCollection);
const byM49 = new Map(COUNTRIES.map((c) => [c.m49, c.iso3]));
const features = all.features
  .filter((f) => byM49.has(String(f.id).padStart(3, '0')))
  .map((f) => {
    const iso3 = byM49.get(String(f.id).padStart(3, '0')) as string;
    const geometry = f.geometry as { type: string; coordinates: unknown };
    const polygons: Ring[][] =
      geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : (geometry.coordinates as Ring[][]);
    const kept = polygons
      .map((rings) => rings.map(simplifyRing).filter((r): r is Ring => r !== null))
      .filter((rings) => rings.length > 0);
    return { type: 'Feature', id: iso3, properties: { iso3 }, geometry: { type: 'MultiPolygon', coordinates: kept } };
  });
const missing = COUNTRIES.filter((c) => !features.some((f) => f.id === c.iso3)).map((c) => c.iso3);
if (missing.length > 0) throw new Error(`No shape for ${missing.join(', ')}`);
const out = path.resolve(import.meta.dirname, '../src/charts/map-geometry.json');
await writeFile(out, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
console.log(`wrote ${features.length} countries to ${out}`);
