import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/open.ts';
import { prepareSchema } from '../boot/prepare.ts';
import { parseEnv } from '../env.ts';
import { IngestError } from '../ingest/errors.ts';
import { type IngestOptions, type IngestSummary, ingestReleaseFolder } from '../ingest/ingest-release.ts';
import { summaryLine } from '../ingest/summary-line.ts';
import { listShippedReleases } from '../ingest/shipped.ts';

const USAGE = `Usage: npm run ingest -- <release folder>... [--dry-run] [--allow-unresolved]
       npm run ingest -- --all [--dry-run]

--allow-unresolved  load the rows whose country resolves and list the names that do not
                    (without it, one unresolved country name stops the release: exit 1, nothing written)

Loads datasets/<source>/<release>/ folders (meta.yaml + data file) into the database named by
DATABASE_URL, or into the embedded PGlite in CIVSCOPE_DATA_DIR (default .data/pglite).
Stop \`npm start\` first when both use the embedded database.`;

/** Files above which a progress bar is worth showing (about 15,000 tidy rows). */
const PROGRESS_THRESHOLD_BYTES = 1_000_000;

function printDiffDetails(summary: IngestSummary): void {
  if (!summary.diff) return;
  const show = (label: string, changes: typeof summary.diff.added, total: number) => {
    for (const c of changes.slice(0, 10)) {
      console.log(
        `  ${label} ${c.indicatorCode} ${c.iso3} ${c.year ?? '(undated)'}: ${c.before ?? '—'} → ${c.after ?? '—'}`,
      );
    }
    if (total > 10)
      console.log(`  … and ${total - 10} more ${label === '+' ? 'added' : label === '~' ? 'changed' : 'removed'}`);
  };
  show('+', summary.diff.added, summary.diff.counts.added);
  show('~', summary.diff.changed, summary.diff.counts.changed);
  show('-', summary.diff.removed, summary.diff.counts.removed);
}

/**
 * A progress bar over the file's bytes (the row count is unknown until the end), shown on a
 * terminal for files large enough to be worth it and started by the first batch.
 */
function progressBar(): { onProgress: NonNullable<IngestOptions['onProgress']>; stop: () => void } {
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: '  {bar} {percentage}% of the file | {rows} rows | {rate} rows/s',
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let startedAt = 0;
  const onProgress: NonNullable<IngestOptions['onProgress']> = ({ rows, bytesRead, bytesTotal }) => {
    if (!bar || bytesTotal < PROGRESS_THRESHOLD_BYTES) return;
    if (!started) {
      bar.start(bytesTotal, 0, { rows: 0, rate: 0 });
      started = true;
      startedAt = performance.now();
    }
    const seconds = (performance.now() - startedAt) / 1000;
    bar.update(Math.min(bytesRead, bytesTotal), {
      rows: rows.toLocaleString('en'),
      rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString('en') : 0,
    });
  };
  const stop = () => {
    if (started) bar?.stop();
  };
  return { onProgress, stop };
}

function printSummary(summary: IngestSummary, dryRun: boolean): void {
  console.log(summaryLine(summary));
  for (const u of summary.unresolved)
    console.log(`  unresolved country "${u.text}" at ${summary.file}, line ${u.line}`);
  if (dryRun) printDiffDetails(summary);
}

function parseCliArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'allow-unresolved': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseCliArgs();
  if (values.help || (positionals.length === 0 && !values.all)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const folders = values.all ? (await listShippedReleases()).map((r) => r.folder) : positionals;
  const database = await openDatabase(parseEnv());
  console.error(`database: ${database.description}`);
  try {
    await prepareSchema(database.db);
    for (const folder of folders) {
      const bar = progressBar();
      const summary = await ingestReleaseFolder(database.db, folder, {
        dryRun: values['dry-run'],
        allowUnresolved: values['allow-unresolved'],
        requireSha256: values.all,
        onProgress: bar.onProgress,
      });
      bar.stop();
      printSummary(summary, values['dry-run']);
    }
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      console.error(`ingest failed: ${error.message}\nNothing was written for this release.`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
