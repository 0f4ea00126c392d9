/**
 * Fails when a file in src/ imports a file on a higher floor (see FLOORS in lib/import-graph.ts
 * and docs/architecture.md). Run by `npm run lint`.
 */
import path from 'node:path';
import { importGraph, upwardImports } from './lib/import-graph.ts';

const src = path.resolve(import.meta.dirname, '../src');
const edges = importGraph(src);
const violations = upwardImports(edges);
for (const v of violations) console.error(`src/${v.from} → src/${v.to}: ${v.reason}`);
if (violations.length > 0) {
  console.error(`${violations.length} import(s) point up. Imports point down: see docs/architecture.md.`);
  process.exit(1);
}
console.log(
  `imports point down: ${edges.length} imports between ${new Set(edges.map((e) => e.from)).size} files checked`,
);
