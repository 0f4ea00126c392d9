/**
 * Ingest benchmark: how fast `npm run ingest` loads a large release into Postgres, against the
 * floor of psql's `\copy` of the same rows into a table with the same columns and indexes.
 *
 * It writes a generated tidy release (14 countries x 50 years x as many indicators as the row count
 * needs, meta.yaml with every indicator) to a temporary folder, loads it with the ingest CLI into a
 * fresh database (schema migrated, nothing else loaded), and records the wall time and the CLI's
 * peak RSS (GNU time). The floor copies a CSV of the same observations with `\copy` into a
 * `LIKE observation INCLUDING ALL` table, and again into one with the observation table's foreign keys
 * (indicator, country, release). Both are run `--runs` times; the medians are compared.
 *
 * Usage: npm run bench:ingest [-- --rows 1000000 --runs 2]
 * Needs the local Postgres server (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { COUNTRIES } from '../src/domain/countries.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '2' },
  },
});
const ROWS = Number(args.rows);
const root = path.resolve(import.meta.dirname, '..');
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
// BENCH_INGEST_DATABASE lets two sessions on one server benchmark at once without dropping each other's database.
const DATABASE = process.env.BENCH_INGEST_DATABASE ?? 'civscope_bench_ingest';
const benchUrl = new URL(server);
benchUrl.pathname = `/${DATABASE}`;

const isoCodes = COUNTRIES.map((country) => country.iso3);
const YEARS = Array.from({ length: 50 }, (_, i) => 1975 + i);
const perIndicator = isoCodes.length * YEARS.length;
const indicatorCount = Math.ceil(ROWS / perIndicator);
const code = (i: number) => `BENCH.${String(i).padStart(5, '0')}`;

/** The release folder (meta.yaml + tidy CSV) and the same rows in the observation table's column order. */
async function writeRelease(folder: string): Promise<void> {
  const indicators = Array.from({ length: indicatorCount }, (_, i) =>
    [
      `  - code: ${code(i)}`,
      `    name_en: Generated indicator ${i}`,
      `    name_vi: Chỉ số sinh ra ${i}`,
      '    theme: context',
      '    unit: index',
      '    scale: index',
      '    higher_is_better: true',
      '    decimals: 4',
      '    definition: A generated indicator for the ingest benchmark.',
    ].join('\n'),
  );
  await writeFile(
    path.join(folder, 'meta.yaml'),
    [
      'source:',
      '  id: bench-ingest',
      '  name: Generated benchmark source',
      '  publisher: CivScope',
      '  url: https://example.org',
      '  licence: CC BY 4.0',
      '  name_vi: Nguồn sinh tự động cho phép đo',
      '  publisher_vi: CivScope',
      '  licence_vi: CC BY 4.0',
      '  citation: Generated rows for the ingest benchmark.',
      'release: "1"',
      'label: Generated release',
      'format: tidy',
      'published_on: 2026-01-01',
      'retrieved_on: 2026-01-01',
      'file: data.csv',
      'indicators:',
      ...indicators,
      '',
    ].join('\n'),
  );
  const tidy: string[] = ['source,indicator_code,indicator_name,country_iso3,year,value,unit'];
  const table: string[] = [];
  let written = 0;
  for (let i = 0; i < indicatorCount && written < ROWS; i++) {
    for (const iso3 of isoCodes) {
      for (const year of YEARS) {
        if (written++ >= ROWS) break;
        // Deterministic values with full float64 precision, as real sources publish them.
        const value = Math.sin(written) * 100;
        tidy.push(`BENCH,${code(i)},Generated indicator ${i},${iso3},${year},${value},index`);
        table.push(`${code(i)},${iso3},${year},bench-ingest:1,${value}`);
      }
    }
  }
  await writeFile(path.join(folder, 'data.csv'), `${tidy.join('\n')}\n`);
  await writeFile(path.join(folder, 'table.csv'), `${table.join('\n')}\n`);
}

function run(command: string, argv: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kib %M', command, ...argv], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr}\n${result.stdout}`);
  const rss = Number(/peak-rss-kib (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024;
  return { seconds, rssMiB: rss, output: result.stdout + result.stderr };
}

async function freshDatabase(): Promise<void> {
  const admin = postgres(server.href, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  run(path.join(root, 'node_modules/.bin/node'), ['src/cli/migrate.ts'], { DATABASE_URL: benchUrl.href });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const folder = await mkdtemp(path.join(tmpdir(), 'civscope-bench-ingest-'));
try {
  await writeRelease(folder);
  console.log(`${ROWS} rows (${indicatorCount} indicators x 14 countries x 50 years) into Postgres ${server.host}`);
  const cli: { seconds: number; rssMiB: number }[] = [];
  const copy: { seconds: number }[] = [];
  const copyFk: { seconds: number }[] = [];
  for (let i = 0; i < Number(args.runs); i++) {
    await freshDatabase();
    const loaded = run(path.join(root, 'node_modules/.bin/node'), ['src/cli/ingest.ts', folder], {
      DATABASE_URL: benchUrl.href,
    });
    if (!loaded.output.includes(`${ROWS} loaded`) && !loaded.output.includes(`loaded ${ROWS}`))
      console.log(loaded.output.split('\n').slice(-5).join('\n'));
    cli.push(loaded);
    console.log(
      `  run ${i + 1}: ingest CLI ${loaded.seconds.toFixed(1)} s, ${Math.round(ROWS / loaded.seconds)} rows/s, peak RSS ${loaded.rssMiB.toFixed(0)} MiB`,
    );

    // The floor twice: the same columns and indexes (what the issue names), and with the same
    // foreign keys too (the per-row checks the observation table makes every writer pay).
    const sql = postgres(benchUrl.href, { max: 1, onnotice: () => {} });
    await sql.unsafe('CREATE TABLE observation_copy (LIKE observation INCLUDING ALL)');
    await sql.unsafe('CREATE TABLE observation_copy_fk (LIKE observation INCLUDING ALL)');
    // The rows name the release the CLI has just loaded, so the foreign keys hold.
    await sql.unsafe(`ALTER TABLE observation_copy_fk
      ADD FOREIGN KEY (indicator_code) REFERENCES indicator (code),
      ADD FOREIGN KEY (iso3) REFERENCES country (iso3),
      ADD FOREIGN KEY (release_id) REFERENCES release (id) ON DELETE CASCADE`);
    await sql.end();
    const copyInto = (table: string) =>
      run('psql', [
        benchUrl.href,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy ${table} (indicator_code, iso3, year, release_id, value) from '${path.join(folder, 'table.csv')}' csv`,
      ]);
    const copied = copyInto('observation_copy');
    copy.push(copied);
    const copiedFk = copyInto('observation_copy_fk');
    copyFk.push(copiedFk);
    console.log(
      `  run ${i + 1}: psql \\copy  ${copied.seconds.toFixed(1)} s, ${Math.round(ROWS / copied.seconds)} rows/s; ` +
        `with the foreign keys ${copiedFk.seconds.toFixed(1)} s, ${Math.round(ROWS / copiedFk.seconds)} rows/s`,
    );
  }
  const cliRate = ROWS / median(cli.map((r) => r.seconds));
  const copyRate = ROWS / median(copy.map((r) => r.seconds));
  const copyFkRate = ROWS / median(copyFk.map((r) => r.seconds));
  console.log(
    `\nmedian: ingest CLI ${Math.round(cliRate)} rows/s (peak RSS ${median(cli.map((r) => r.rssMiB)).toFixed(0)} MiB), ` +
      `\\copy ${Math.round(copyRate)} rows/s, ratio ${(cliRate / copyRate).toFixed(2)}; ` +
      `\\copy with the foreign keys ${Math.round(copyFkRate)} rows/s, ratio ${(cliRate / copyFkRate).toFixed(2)}`,
  );
} finally {
  if (!process.env.KEEP) await rm(folder, { recursive: true, force: true });
  else console.log(folder);
  const admin = postgres(server.href, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.end();
}
