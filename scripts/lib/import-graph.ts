import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The floors of src/, top to bottom. A file may import files on its own floor or below, never
 * above: imports point down. A path names a folder (ending in /) or a file; the longest match
 * places a file (a file named on a floor outranks its folder's floor).
 * docs/architecture.md explains each floor.
 */
export const FLOORS: readonly (readonly string[])[] = [
  ['node.ts', 'worker.ts', 'env.ts', 'cli/', 'edge/'],
  ['boot/'],
  ['app.ts'],
  ['web/'],
  ['routes/'],
  ['app-deps.ts'],
  ['services/'],
  ['documents/'],
  ['render/', 'solver/'],
  ['http/'],
  ['ingest/'],
  ['charts/'],
  ['repositories/'],
  ['db/'],
  ['domain/', 'errors.ts'],
];

export interface ImportEdge {
  from: string;
  to: string;
}

const SPECIFIERS = [
  /(?:^|[\s;}])(?:import|export)\s[^;]*?\sfrom\s*'([^']+)'/g,
  /(?:^|[\s;])import\s*'([^']+)'/g,
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

/** Relative module specifiers of a TypeScript source (static imports, re-exports, dynamic imports). */
export function importSpecifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = SPECIFIERS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] as string));
  return [...new Set(found.filter((s) => s.startsWith('.')))];
}

/** Every .ts file below `root`, relative to it, with forward slashes. */
export function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The import graph of the files below `root` (paths relative to it); imports leaving `root` are dropped. */
export function importGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((from) =>
    importSpecifiers(readFileSync(path.join(root, from), 'utf8'))
      .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)))
      .filter((to) => !to.startsWith('../'))
      .map((to) => ({ from, to })),
  );
}

/** The floor index of a file (0 = top), or -1 when no floor names it. */
export function floorOf(file: string, floors: readonly (readonly string[])[] = FLOORS): number {
  let best = { floor: -1, length: -1 };
  floors.forEach((names, floor) => {
    for (const name of names) {
      const matches = name.endsWith('/') ? file.startsWith(name) : file === name;
      if (matches && name.length > best.length) best = { floor, length: name.length };
    }
  });
  return best.floor;
}

export interface Violation extends ImportEdge {
  reason: string;
}

/** Imports that point up a floor, and files on no floor. */
export function upwardImports(
  edges: readonly ImportEdge[],
  floors: readonly (readonly string[])[] = FLOORS,
): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    const [from, to] = [floorOf(edge.from, floors), floorOf(edge.to, floors)];
    if (from < 0 || to < 0) {
      violations.push({
        ...edge,
        reason: `${from < 0 ? edge.from : edge.to} is on no floor (scripts/lib/import-graph.ts)`,
      });
    } else if (to < from) {
      violations.push({ ...edge, reason: `imports up: floor ${from + 1} → floor ${to + 1}` });
    }
  }
  return violations;
}
