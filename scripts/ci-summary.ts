import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The end of `.ci/run`: one labelled line per run (each test counted once per run it ran in), then
 * the plain total line. Fails when a run is missing, a test failed, or a suite CI is set up to run
 * was skipped: the browser test in both runs, the Postgres-only suites in the Postgres run, any notebook.
 */
export interface RunReport {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Files with a skipped test that CI must run in this run. */
  requiredSkipped: string[];
  missing?: boolean;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

/** Suites that skip themselves when their tool is absent; CI installs the tools, so a skip is a failure. */
export const REQUIRED_SUITES: Record<string, string[]> = {
  pglite: ['test/web/explorer.browser.test.ts'],
  postgres: [
    'test/web/explorer.browser.test.ts',
    'test/production/database-outage.test.ts',
    'test/edge/worker-equivalence.test.ts',
  ],
};

export function vitestReport(label: string, file: string): RunReport {
  if (!existsSync(file)) return { label, passed: 0, failed: 1, skipped: 0, requiredSkipped: [], missing: true };
  const r = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  const required = REQUIRED_SUITES[label] ?? [];
  const requiredSkipped = r.testResults
    .filter((t) => required.some((suite) => t.name.endsWith(suite)))
    .filter((t) =>
      t.assertionResults.some((a) => a.status === 'skipped' || a.status === 'pending' || a.status === 'todo'),
    )
    .map((t) => required.find((suite) => t.name.endsWith(suite)) as string);
  // A required suite that did not run at all is skipped too.
  for (const suite of required)
    if (!r.testResults.some((t) => t.name.endsWith(suite)) && !requiredSkipped.includes(suite))
      requiredSkipped.push(suite);
  return {
    label,
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    requiredSkipped,
  };
}

export function notebookReport(file: string): RunReport {
  if (!existsSync(file))
    return { label: 'notebooks', passed: 0, failed: 1, skipped: 0, requiredSkipped: [], missing: true };
  const r = JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number; skipped?: number };
  const skipped = r.skipped ?? 0;
  return {
    label: 'notebooks',
    passed: r.passed,
    failed: r.failed,
    skipped,
    requiredSkipped: skipped > 0 ? ['notebooks'] : [],
  };
}

/** The lines to print and whether CI passes. */
export function summarise(reports: RunReport[]): { lines: string[]; ok: boolean } {
  const lines = reports.map((r) =>
    r.missing
      ? `${r.label}: missing (the run crashed)`
      : `${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped` +
        (r.requiredSkipped.length ? ` (required but skipped: ${r.requiredSkipped.join(', ')})` : ''),
  );
  const total = (key: 'passed' | 'failed' | 'skipped') => reports.reduce((sum, r) => sum + r[key], 0);
  const skippedRequired = reports.reduce((sum, r) => sum + r.requiredSkipped.length, 0);
  const failed = total('failed') + skippedRequired;
  lines.push(`${total('passed')} passed, ${failed} failed, ${total('skipped')} skipped`);
  return { lines, ok: failed === 0 && total('passed') > 0 };
}

if (import.meta.main) {
  const dir = path.resolve(process.argv[2] ?? 'test-results');
  const { lines, ok } = summarise([
    vitestReport('pglite', path.join(dir, 'pglite.json')),
    vitestReport('postgres', path.join(dir, 'postgres.json')),
    notebookReport(path.join(dir, 'notebooks.json')),
  ]);
  for (const line of lines) console.log(line);
  if (!ok) process.exitCode = 1;
}
