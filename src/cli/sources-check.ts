import { parseArgs } from 'node:util';
import { prepareSchema } from '../boot/prepare.ts';
import { openDatabase } from '../db/open.ts';
import { parseEnv } from '../env.ts';
import { checkEdition, type EditionCheck, newestBySource } from '../ingest/edition-check.ts';
import { ingestReleaseFolder } from '../ingest/ingest-release.ts';
import { DATASETS_DIR, listShippedReleases } from '../ingest/shipped.ts';
import { summaryLine } from '../ingest/summary-line.ts';

const USAGE = `Usage: npm run sources:check [-- --source ID]... [--datasets DIR]

For each source whose newest meta.yaml names a file to download (source.editions.download), downloads
it, compares its sha256 with every shipped release of the source and, when it is new, writes a release
folder datasets/<source>/candidate-<date>-<sha>/ and prints what \`ingest --dry-run\` says of it. It
never loads anything. Needs internet access.

One line per source: "<source>: <verdict> — <detail>". The exit code is the highest of the verdicts:
  0 same (already shipped) or manual (no file named: check the editions page by hand)
 10 new (a release folder was written)      20 not-found (404/410)       21 http-error
 22 unreachable                              23 truncated                 24 html-page
 25 wrong-content-type`;

async function dryRun(checks: EditionCheck[]): Promise<void> {
  const folders = checks.filter((c) => c.folder).map((c) => c.folder as string);
  if (folders.length === 0) return;
  const database = await openDatabase(parseEnv());
  try {
    await prepareSchema(database.db);
    for (const folder of folders) {
      try {
        console.log(`  dry run: ${summaryLine(await ingestReleaseFolder(database.db, folder, { dryRun: true }))}`);
      } catch (error) {
        console.log(`  dry run refused the candidate: ${(error as Error).message}`);
      }
    }
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', multiple: true },
      datasets: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const datasetsDir = values.datasets ?? DATASETS_DIR;
  const shipped = await listShippedReleases(datasetsDir);
  const newest = newestBySource(shipped);
  const wanted = values.source ?? [...newest.keys()];
  const unknown = wanted.filter((s) => !newest.has(s));
  if (unknown.length > 0) {
    console.error(`unknown source ${unknown.join(', ')}; shipped sources: ${[...newest.keys()].join(', ')}`);
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);
  const checks: EditionCheck[] = [];
  for (const id of wanted) {
    const check = await checkEdition(newest.get(id) as NonNullable<ReturnType<typeof newest.get>>, {
      shipped,
      datasetsDir,
      today,
    });
    console.log(`${check.source}: ${check.verdict} — ${check.message}`);
    checks.push(check);
  }
  await dryRun(checks);
  return Math.max(0, ...checks.map((c) => c.exitCode));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
