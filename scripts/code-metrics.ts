/**
 * Prints the size and shape of src/: files and lines, the largest functions, route handlers over
 * 30 lines, functions over 60, imports that point up a floor, and what `duplicates` finds.
 *   node scripts/code-metrics.ts [checkout]      (default: this checkout)
 * Function spans come from Biome's parser (noExcessiveLinesPerFunction), from the line of the
 * signature to the closing brace. A handler is a function whose first parameter is the Hono
 * context `c`. An older checkout's analysis/ folder is measured as services/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importGraph, sourceFiles, upwardImports } from './lib/import-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const checkout = path.resolve(process.argv[2] ?? ROOT);
const src = path.join(checkout, 'src');

interface Span {
  file: string;
  line: number;
  lines: number;
  handler: boolean;
}

function functionSpans(): Span[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'metrics-'));
  const rule = { level: 'error', options: { maxLines: 1, skipBlankLines: false } };
  const config = {
    files: { includes: ['**', '!**/*.json'] },
    linter: { enabled: true, rules: { recommended: false, complexity: { noExcessiveLinesPerFunction: rule } } },
    formatter: { enabled: false },
  };
  writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
  const biome = path.join(ROOT, 'node_modules/.bin/biome');
  const args = ['lint', `--config-path=${dir}`, '--reporter=json', '--max-diagnostics=none', src];
  const out = spawnSync(biome, args, { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const report = JSON.parse(out) as {
    diagnostics: { location: { path: string; start: { line: number; column: number }; end: { line: number } } }[];
  };
  const texts = new Map<string, string[]>();
  return report.diagnostics.map(({ location: { path: file, start, end } }) => {
    const lines = texts.get(file) ?? readFileSync(path.resolve(file), 'utf8').split('\n');
    texts.set(file, lines);
    const head = (lines[start.line - 1] ?? '').slice(start.column - 1);
    return {
      file: path.relative(checkout, path.resolve(file)),
      line: start.line,
      lines: end.line - start.line + 1,
      handler: /^(routes|web)\//.test(path.relative(src, path.resolve(file))) && /^(async\s*)?\(\s*c\b/.test(head),
    };
  });
}

const files = sourceFiles(src);
const lineCount = files.reduce((n, f) => n + readFileSync(path.join(src, f), 'utf8').split('\n').length - 1, 0);
const spans = functionSpans().sort((a, b) => b.lines - a.lines);
const at = (s: Span) => `${s.file}:${s.line} (${s.lines})`;
const edges = importGraph(src).map((e) => ({
  from: e.from.replace(/^analysis\//, 'services/'),
  to: e.to.replace(/^analysis\//, 'services/'),
}));
const upward = upwardImports(edges);
const folder = (f: string) => f.split('/')[0] as string;
const folderPairs = new Set(upward.map((v) => `${folder(v.from)} → ${folder(v.to)}`));
let duplicates = '(duplicates not on PATH)';
try {
  duplicates = execFileSync('duplicates', ['--repo', src, '--most', '40'], { encoding: 'utf8' }).trim();
} catch {}

const handlers = spans.filter((s) => s.handler && s.lines > 30);
const long = spans.filter((s) => s.lines > 60);
console.log(`checkout: ${checkout}`);
console.log(`src: ${files.length} .ts files, ${lineCount} lines`);
console.log(`largest functions: ${spans.slice(0, 5).map(at).join(', ')}`);
console.log(`handlers over 30 lines: ${handlers.length}${handlers.length ? `: ${handlers.map(at).join(', ')}` : ''}`);
console.log(`functions over 60 lines: ${long.length}${long.length ? `: ${long.map(at).join(', ')}` : ''}`);
console.log(`upward imports: ${upward.length} (folder pairs: ${[...folderPairs].sort().join(', ') || 'none'})`);
for (const v of upward) console.log(`  src/${v.from} → src/${v.to}: ${v.reason}`);
console.log(`duplicates --repo src:\n${duplicates}`);
