import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA_PATH, clientSchemaTypes } from '../../scripts/lib/client-schema.ts';
import { createTestApp } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

let test: TestDatabase;
let server: ReturnType<typeof serve>;
let base: string;
let project: string;

/** A partner's program, as the client's README shows it (and a wider request). */
const PROGRAM = `import { createCivScopeClient } from '@civscope/client';

const civscope = createCivScopeClient('http://localhost:8787');
const { data, error } = await civscope.GET('/v1/rankings', {
  params: { query: { indicator: 'EGDI', group: 'ASEAN', year: 2024 } },
});
if (error) throw new Error(error.detail);
const leader: string | undefined = data.ranking[0]?.iso3;
const reporting: number = data.coverage.reporting;

const country = await civscope.GET('/v1/countries/{iso3}', { params: { path: { iso3: 'VNM' } } });
const nameVi: string | undefined = country.data?.name.vi;

const unknown = await civscope.GET('/v1/indicators/{code}', { params: { path: { code: 'NOPE' } } });
const problem: string | undefined = unknown.error?.code;

const many = await civscope.GET('/v1/observations', {
  params: { query: { indicators: 'EGDI,OSI', countries: 'VNM', from: 2024, to: 2024 } },
});
const vietNam2024 = many.data?.observations.map((o) => \`\${o.indicator} \${o.value}\`);

console.log(JSON.stringify({ leader, reporting, nameVi, problem, vietNam2024 }));
`;

/** The program, pointed at the test's server instead of localhost:8787. */
const program = (text = PROGRAM) => text.replace('http://localhost:8787', base);

async function typecheck(dir: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(NODE, [TSC, '--noEmit', '-p', dir], { cwd: dir });
    return { ok: true, output: '' };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  test = await createLoadedDatabase();
  server = serve({ fetch: createTestApp(test).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A fresh project outside the repository, installing the packed client as a partner would.
  project = await mkdtemp(path.join(tmpdir(), 'civscope-partner-'));
  const packed = await run('npm', ['pack', path.join(ROOT, 'clients/typescript'), '--pack-destination', project], {
    cwd: project,
  });
  const tarball = path.join(project, packed.stdout.trim().split('\n').at(-1) as string);
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'partner', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: project,
  });
  await writeFile(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false },
      files: ['main.ts'],
    }),
  );
  await writeFile(path.join(project, 'main.ts'), program());
}, 180_000);

afterAll(async () => {
  server?.close();
  await test?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the typed client a partner installs (@civscope/client)', () => {
  it('ships the types of the OpenAPI document this server serves (npm run build:client is up to date)', async () => {
    expect(await readFile(CLIENT_SCHEMA_PATH, 'utf8')).toBe(await clientSchemaTypes());
  });

  it('installs into a fresh project outside the repository, type-checks, and answers with real values', async () => {
    expect(project.startsWith(ROOT)).toBe(false);
    const checked = await typecheck(project);
    expect(checked.output).toBe('');
    const { stdout } = await run(NODE, ['main.ts'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      leader: 'SGP',
      reporting: 11,
      nameVi: 'Việt Nam',
      problem: 'unknown_indicator',
      // datasets/un-egov/2024/data.csv, Viet Nam's 2024 row: EGDI 0.77092, OSI 0.70811.
      vietNam2024: ['EGDI 0.77092', 'OSI 0.70811'],
    });
  });

  it('refuses, at type-check time, a field the API does not have and a parameter of the wrong type', async () => {
    await writeFile(
      path.join(project, 'main.ts'),
      program(
        PROGRAM.replace('data.ranking[0]?.iso3', 'data.rankings[0]?.iso3').replace('year: 2024', "year: 'latest'"),
      ),
    );
    const checked = await typecheck(project);
    expect(checked.ok).toBe(false);
    expect(checked.output).toContain("Property 'rankings' does not exist");
    expect(checked.output).toMatch(/Type 'string' is not assignable to type 'number'/);
    await writeFile(path.join(project, 'main.ts'), program());
  });
});
