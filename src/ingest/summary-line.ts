import type { IngestSummary } from './ingest-release.ts';

/** The one summary line an ingestion run ends with. */
export function summaryLine(s: IngestSummary): string {
  if (s.status === 'unchanged') return `${s.releaseId}: unchanged (already loaded, same sha256); nothing written`;
  const skippedTotal = Object.values(s.skipped).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(s.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const values =
    s.status === 'dry-run'
      ? `would load ${s.diff ? s.diff.counts.added + s.diff.counts.changed + s.diff.unchanged : 0}`
      : `loaded ${s.loaded}`;
  const diff = s.diff
    ? `; vs previous: +${s.diff.counts.added} added, ~${s.diff.counts.changed} changed, -${s.diff.counts.removed} removed${s.diff.float32Only > 0 ? ` (${s.diff.float32Only} differ only below float32 precision: not changed)` : ''}`
    : '';
  return `${s.releaseId}: read ${s.linesRead} lines; ${values}; skipped ${skippedTotal}${reasons ? ` (${reasons})` : ''}${diff}`;
}
