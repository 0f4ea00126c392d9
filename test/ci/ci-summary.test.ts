import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookReport, summarise, vitestReport } from '../../scripts/ci-summary.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'civscope-ci-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A vitest JSON report: each file with its tests' statuses. */
async function vitestJson(name: string, files: Record<string, string[]>) {
  const all = Object.values(files).flat();
  const count = (s: string) => all.filter((x) => x === s).length;
  const file = path.join(dir, name);
  await writeFile(
    file,
    JSON.stringify({
      numPassedTests: count('passed'),
      numFailedTests: count('failed'),
      numPendingTests: count('skipped'),
      numTodoTests: 0,
      testResults: Object.entries(files).map(([n, statuses]) => ({
        name: `/repo/${n}`,
        assertionResults: statuses.map((status) => ({ status })),
      })),
    }),
  );
  return file;
}

describe('the CI summary', () => {
  it('labels each run, counts skipped tests, and ends with the plain total line', async () => {
    const pglite = await vitestJson('a.json', {
      'test/web/explorer.browser.test.ts': ['passed', 'passed'],
      'test/production/database-outage.test.ts': ['skipped', 'skipped'],
      'test/routes/x.test.ts': ['passed'],
    });
    const postgres = await vitestJson('b.json', {
      'test/web/explorer.browser.test.ts': ['passed', 'passed'],
      'test/production/database-outage.test.ts': ['passed', 'passed'],
      'test/edge/worker-equivalence.test.ts': ['passed'],
      'test/routes/x.test.ts': ['passed'],
    });
    const notebooks = path.join(dir, 'nb.json');
    await writeFile(notebooks, JSON.stringify({ passed: 4, failed: 0 }));
    const { lines, ok } = summarise([
      vitestReport('pglite', pglite),
      vitestReport('postgres', postgres),
      notebookReport(notebooks),
    ]);
    expect(lines).toEqual([
      'pglite: 3 passed, 0 failed, 2 skipped',
      'postgres: 6 passed, 0 failed, 0 skipped',
      'notebooks: 4 passed, 0 failed, 0 skipped',
      '13 passed, 0 failed, 2 skipped',
    ]);
    expect(ok).toBe(true);
  });

  it('fails when the browser test or a Postgres-only suite is skipped in a run CI set up for it', async () => {
    const pglite = await vitestJson('c.json', { 'test/web/explorer.browser.test.ts': ['skipped', 'skipped'] });
    const postgres = await vitestJson('d.json', {
      'test/web/explorer.browser.test.ts': ['passed'],
      'test/production/database-outage.test.ts': ['skipped'],
      'test/edge/worker-equivalence.test.ts': ['passed'],
    });
    const { lines, ok } = summarise([vitestReport('pglite', pglite), vitestReport('postgres', postgres)]);
    expect(ok).toBe(false);
    expect(lines[0]).toBe(
      'pglite: 0 passed, 0 failed, 2 skipped (required but skipped: test/web/explorer.browser.test.ts)',
    );
    expect(lines[1]).toContain('required but skipped: test/production/database-outage.test.ts');
    expect(lines.at(-1)).toBe('2 passed, 2 failed, 3 skipped');
  });

  it('counts a crashed run (no report) as a failure', () => {
    const { lines, ok } = summarise([vitestReport('pglite', path.join(dir, 'none.json'))]);
    expect(ok).toBe(false);
    expect(lines).toEqual(['pglite: missing (the run crashed)', '0 passed, 1 failed, 0 skipped']);
  });

  it('.ci/run keeps TEST_DATABASE_URL out of the PGlite run and the notebooks', async () => {
    const script = await readFile(path.resolve(import.meta.dirname, '../../.ci/run'), 'utf8');
    expect(script).toMatch(/^env -u TEST_DATABASE_URL npm test -- .*pglite\.json/m);
    expect(script).toMatch(/^env -u TEST_DATABASE_URL npm run notebooks/m);
    expect(script).toMatch(/scripts\/ci-summary\.ts test-results \|\| status=1$/m);
  });
});
