import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdition, newestBySource, VERDICTS } from '../../src/ingest/edition-check.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { TIDY_HEADER, testMeta } from '../helpers/release-folder.ts';

/**
 * `npm run sources:check` against a local HTTP server (no internet): a new edition, the same
 * edition, a 404, a download cut short, an HTML error page served as CSV and a wrong content type
 * each get their own verdict and exit code; only a new edition writes a release folder, and
 * nothing is ever loaded.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SHIPPED = `${TIDY_HEADER}\nTest,TEST.IND,Test indicator,VNM,2023,1.5,points\nTest,TEST.IND,Test indicator,SGP,2023,2.25,points\n`;
const NEWER = `${SHIPPED}Test,TEST.IND,Test indicator,THA,2024,1.75,points\n`;

let server: Server;
let base: string;
let datasets: string;

const ROUTES: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/new.csv': (res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(NEWER),
  '/same.csv': (res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(SHIPPED),
  '/gone.csv': (res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not found</html>'),
  '/cut.csv': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(NEWER.length * 10) });
    res.write(NEWER);
    setTimeout(() => res.destroy(), 20);
  },
  '/cut.xlsx': (res) => {
    // A zip's first bytes without its end record, with a length that matches what is sent.
    const bytes = Buffer.from('PK\u0003\u0004 a workbook cut before its central directory');
    res
      .writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-length': String(bytes.length),
      })
      .end(bytes);
  },
  '/error-page.csv': (res) =>
    res
      .writeHead(200, { 'content-type': 'text/csv' })
      .end('\n  <!DOCTYPE html><html><body>The service is unavailable</body></html>'),
  '/wrong-type.csv': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"rows": []}'),
  '/server-error.csv': (res) => res.writeHead(503).end(),
};

/** A source whose newest (only) release ships SHIPPED and names `route` as its next edition's file. */
async function addSource(id: string, route: string | null): Promise<void> {
  const folder = path.join(datasets, id, '2023');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'data.csv'), SHIPPED);
  const meta = testMeta({ release: '2023', published_on: '2023-06-01' });
  meta.source = {
    ...meta.source,
    id,
    editions: {
      page: 'https://example.org/editions',
      cadence_months: 12,
      ...(route ? { download: `${base}${route}` } : {}),
    },
  } as typeof meta.source;
  await writeFile(path.join(folder, 'meta.yaml'), stringify(meta));
}

const CASES = [
  ['src-new', '/new.csv', 'new'],
  ['src-same', '/same.csv', 'same'],
  ['src-gone', '/gone.csv', 'not-found'],
  ['src-cut', '/cut.csv', 'truncated'],
  ['src-cut-xlsx', '/cut.xlsx', 'truncated'],
  ['src-html', '/error-page.csv', 'html-page'],
  ['src-type', '/wrong-type.csv', 'wrong-content-type'],
  ['src-5xx', '/server-error.csv', 'http-error'],
  ['src-manual', null, 'manual'],
] as const;

beforeAll(async () => {
  server = createServer((req, res) => (ROUTES[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  datasets = await mkdtemp(path.join(tmpdir(), 'civscope-sources-check-'));
  for (const [id, route] of CASES) await addSource(id, route);
  await addSource('src-new-cli', '/new.csv');
});

afterAll(() => server?.close());

describe('sources:check, one verdict per way a download goes', () => {
  it.each(CASES)('%s (%s) → %s', async (id, _route, verdict) => {
    const shipped = await listShippedReleases(datasets);
    const newest = newestBySource(shipped).get(id);
    if (!newest) throw new Error(`no release for ${id}`);
    const today = '2026-12-06';
    const check = await checkEdition(newest, { shipped, datasetsDir: datasets, today, timeoutMs: 5_000 });
    expect(check.verdict).toBe(verdict);
    expect(check.exitCode).toBe(VERDICTS[verdict]);
    const folders = await readdir(path.join(datasets, id));
    if (verdict !== 'new') {
      expect(folders).toEqual(['2023']);
      return;
    }
    // The new edition's folder: the file byte for byte, and a meta.yaml with its sha256 and date.
    const digest = createHash('sha256').update(NEWER).digest('hex');
    expect(check.sha256).toBe(digest);
    const written = `candidate-2026-12-06-${digest.slice(0, 8)}`;
    expect(folders.sort()).toEqual(['2023', written]);
    expect(await readFile(path.join(datasets, id, written, 'new.csv'), 'utf8')).toBe(NEWER);
    const meta = parseYaml(await readFile(path.join(datasets, id, written, 'meta.yaml'), 'utf8'));
    expect(meta).toMatchObject({
      release: written,
      file: 'new.csv',
      sha256: digest,
      retrieved_on: '2026-12-06',
      source: { id, editions: { download: `${base}/new.csv` } },
    });
  });

  it('the command prints a line per source, dry-runs the new edition without loading it, and exits with the worst verdict', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'civscope-sources-check-db-'));
    const run = promisify(execFile);
    const outcome = await run(
      process.execPath,
      [
        path.join(ROOT, 'src/cli/sources-check.ts'),
        '--datasets',
        datasets,
        '--source',
        'src-same',
        '--source',
        'src-gone',
      ],
      { env: { ...process.env, CIVSCOPE_DATA_DIR: data, DATABASE_URL: '' }, cwd: ROOT },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(outcome.code).toBe(VERDICTS['not-found']);
    expect(outcome.stdout).toMatch(/^src-same: same — the edition at .*same\.csv is already shipped/m);
    expect(outcome.stdout).toMatch(/^src-gone: not-found — .*gone\.csv: 404, the file is not there$/m);
  });

  it('for a new edition the command prints what ingest --dry-run says of it, and loads nothing', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'civscope-sources-check-db-'));
    const run = promisify(execFile);
    const outcome = await run(
      process.execPath,
      [path.join(ROOT, 'src/cli/sources-check.ts'), '--datasets', datasets, '--source', 'src-new-cli'],
      { env: { ...process.env, CIVSCOPE_DATA_DIR: data, DATABASE_URL: '' }, cwd: ROOT },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const { code, stdout } = outcome as { code: number; stdout: string };
    expect(code, JSON.stringify(outcome)).toBe(VERDICTS.new);
    expect(stdout).toMatch(/^src-new-cli: new — a new edition: written to .*candidate-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/m);
    expect(stdout).toMatch(/^ {2}dry run: src-new-cli:candidate-[^:]+: read 3 lines; would load 3; skipped 0/m);
  });

  it('an unknown source is refused with the list of shipped ones (exit 2)', async () => {
    const run = promisify(execFile);
    const outcome = await run(
      process.execPath,
      [path.join(ROOT, 'src/cli/sources-check.ts'), '--datasets', datasets, '--source', 'nope'],
      { cwd: ROOT },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((outcome as { code: number }).code).toBe(2);
    expect((outcome as { stderr: string }).stderr).toContain('unknown source nope; shipped sources: ');
  });
});
