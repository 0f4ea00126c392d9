import type { Kysely } from 'kysely';
import { replaceSearchedGaps } from '../repositories/searched-gaps.ts';
import { COUNTRIES } from '../domain/countries.ts';
import { GROUPS, MEMBERSHIPS } from '../domain/groups.ts';
import type { IngestSummary } from '../ingest/ingest-release.ts';
import { listShippedReleases, type ShippedRelease } from '../ingest/shipped.ts';
import { seedRegistry } from '../repositories/registry.ts';
import {
  insertReleaseFile,
  loadedReleaseIds,
  refreshReleaseTexts,
  releaseTranslationFingerprints,
  releasesWithoutFile,
  setTranslationFingerprint,
  upsertSourceAndIndicators,
} from '../repositories/releases.ts';
import { migrate } from '../db/migrate.ts';
import { translationsFingerprint } from '../ingest/translations-fingerprint.ts';
import { releasesMissingValueAttributes, releasesWithNotes } from '../repositories/observation-load.ts';
import type { Database } from '../db/schema.ts';

/** Schema and registry: what every database needs before it can take data. */
export async function prepareSchema(db: Kysely<Database>): Promise<string[]> {
  const applied = await migrate(db);
  await seedRegistry(db, { countries: COUNTRIES, groups: GROUPS, memberships: MEMBERSHIPS });
  return applied;
}

/**
 * Loads every shipped release not yet in the database. Already-loaded releases are recognised by
 * id without reading their files, so a warm start costs one query.
 */
export async function loadShippedReleases(
  db: Kysely<Database>,
  onLoaded?: (summary: IngestSummary) => void,
): Promise<IngestSummary[]> {
  const loaded = await loadedReleaseIds(db);
  const shipped = await listShippedReleases();
  await keepShippedFiles(db, shipped);
  await refreshShippedMetadata(
    db,
    shipped.filter((release) => loaded.has(release.id)),
  );
  await refreshValuesOfOlderLoads(db, shipped);
  const pending = shipped.filter((release) => !loaded.has(release.id));
  if (pending.length === 0) return [];
  // The readers pull in danfojs (and TensorFlow.js): load them only when there is work to do.
  const { ingestReleaseFolder } = await import('../ingest/ingest-release.ts');
  const summaries: IngestSummary[] = [];
  for (const release of pending) {
    const summary = await ingestReleaseFolder(db, release.folder, { requireSha256: true });
    onLoaded?.(summary);
    summaries.push(summary);
  }
  return summaries;
}

/**
 * Indicator and source metadata of releases loaded earlier, rewritten from today's meta.yaml (oldest
 * first, so the newest release of a source describes it): a corrected definition or a new
 * translation reaches a database whose values are already loaded. Values are never touched.
 */
async function refreshShippedMetadata(db: Kysely<Database>, loaded: ShippedRelease[]): Promise<void> {
  for (const release of loaded) {
    await upsertSourceAndIndicators(db, release.meta);
    await replaceSearchedGaps(db, release.id, release.meta.searched_without_result);
  }
  await refreshReleaseTexts(db, loaded);
}

/**
 * Values loaded before their reader gave them a Vietnamese note or a rank's count, or before a
 * translation was corrected, get them now; the readers (and danfojs) load only when there is such work.
 */
async function refreshValuesOfOlderLoads(db: Kysely<Database>, shipped: ShippedRelease[]): Promise<void> {
  const work = await valueRefreshWork(db, shipped);
  if (work.missing.length === 0 && work.retranslate.length === 0) return;
  const { refreshValueAttributes } = await import('../ingest/refresh-value-attributes.ts');
  await refreshValueAttributes(db, shipped, work);
}

/** What start-up found to do: values missing attributes, and releases whose translations changed. */
interface ValueRefreshWork {
  missing: string[];
  retranslate: string[];
}

/**
 * The releases to read again: those with values missing what today's readers give, and those with
 * value notes whose translations' fingerprint differs from meta.yaml's (a corrected translation).
 * A release without value notes only has its fingerprint brought up to date.
 */
async function valueRefreshWork(db: Kysely<Database>, shipped: readonly ShippedRelease[]): Promise<ValueRefreshWork> {
  const missing = await releasesMissingValueAttributes(db);
  const stored = await releaseTranslationFingerprints(db);
  const withNotes = await releasesWithNotes(db);
  const retranslate: string[] = [];
  for (const release of shipped) {
    if (!stored.has(release.id)) continue;
    const fingerprint = translationsFingerprint(release.meta);
    if (stored.get(release.id) === fingerprint) continue;
    if (withNotes.has(release.id)) retranslate.push(release.id);
    else await setTranslationFingerprint(db, release.id, fingerprint);
  }
  return { missing, retranslate };
}

/**
 * A database loaded before release files were kept gets the shipped files it lacks, if their
 * bytes still have the sha256 the release was loaded with.
 */
async function keepShippedFiles(db: Kysely<Database>, shipped: ShippedRelease[]): Promise<void> {
  const missing = await releasesWithoutFile(db);
  if (missing.length === 0) return;
  const { readFile } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  for (const release of missing) {
    const folder = shipped.find((s) => s.id === release.id);
    if (!folder) continue;
    const bytes = await readFile(folder.dataPath);
    if (createHash('sha256').update(bytes).digest('hex') === release.sha256)
      await insertReleaseFile(db, release.id, bytes);
  }
}
