import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Database, IndicatorTable, ReleaseTable, SourceTable } from '../db/schema.ts';

/** A release's indicator as meta.yaml describes it (ingest/meta.ts parses and checks the file). */
type IndicatorMeta = Omit<
  Insertable<IndicatorTable>,
  'source_id' | 'parent_code' | 'rank_scope_en' | 'rank_scope_vi'
> & {
  parent: string | null;
  rank_scope: { en: string; vi: string } | null;
  source_key?: string;
  ranked_of?: Record<string, number>;
};

/** What a release's metadata says of itself, its source and its indicators. */
export interface ReleaseMeta {
  source: Omit<SourceTable, 'editions_page' | 'edition_download' | 'cadence_months'> & {
    editions?: { page: string; download?: string; cadence_months?: number };
  };
  indicators: IndicatorMeta[];
  label: string;
  label_vi: string | null;
  format: ReleaseTable['format'];
  published_on: string;
  retrieved_on: string | null;
  notes: string;
  notes_vi: string;
  method_revision?: { en: string; vi: string };
}

type Db = Kysely<Database> | Transaction<Database>;

/** meta.yaml's description of an indicator → its row (how the file names it, and rank counts, stay with the values). */
function indicatorRow(i: IndicatorMeta, sourceId: string) {
  const { level, parent, rank_scope, source_key: _key, ranked_of: _rankedOf, ...described } = i;
  return {
    ...described,
    source_id: sourceId,
    level,
    parent_code: parent,
    rank_scope_en: rank_scope?.en ?? null,
    rank_scope_vi: rank_scope?.vi ?? null,
  };
}

export async function findRelease(db: Db, id: string) {
  return db.selectFrom('release').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadedReleaseIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('release').select('id').execute()).map((r) => r.id));
}

/** The codes among `meta`'s indicators that the database already describes. */
async function describedIndicators(db: Db, meta: ReleaseMeta): Promise<Set<string>> {
  return new Set(
    (
      await db
        .selectFrom('indicator')
        .select('code')
        .where(
          'code',
          'in',
          meta.indicators.map((i) => i.code),
        )
        .execute()
    ).map((r) => r.code),
  );
}

/** The indicators of `meta` that a release of the same source published after it has values for. */
async function indicatorsOfNewerReleases(db: Db, meta: ReleaseMeta): Promise<Set<string>> {
  const rows = await db
    .selectFrom('indicator as i')
    .select('i.code')
    .where(
      'i.code',
      'in',
      meta.indicators.map((indicator) => indicator.code),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('observation as o')
          .innerJoin('release as r', 'r.id', 'o.release_id')
          .select(sql.lit(1).as('one'))
          .whereRef('o.indicator_code', '=', 'i.code')
          .where('r.source_id', '=', meta.source.id)
          .where('r.published_on', '>', meta.published_on),
      ),
    )
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** The source row, written or rewritten from `source`. */
async function upsertSource(db: Db, source: ReleaseMeta['source']): Promise<void> {
  const { editions, ...row } = source;
  await db
    .insertInto('source')
    .values({
      ...row,
      editions_page: editions?.page ?? null,
      edition_download: editions?.download ?? null,
      cadence_months: editions?.cadence_months ?? null,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        publisher: eb.ref('excluded.publisher'),
        url: eb.ref('excluded.url'),
        licence: eb.ref('excluded.licence'),
        name_vi: eb.ref('excluded.name_vi'),
        publisher_vi: eb.ref('excluded.publisher_vi'),
        licence_vi: eb.ref('excluded.licence_vi'),
        citation: eb.ref('excluded.citation'),
        // An older release loaded later, written before editions were recorded, keeps what is known.
        editions_page: eb.fn.coalesce('excluded.editions_page', 'source.editions_page'),
        edition_download: eb.fn.coalesce('excluded.edition_download', 'source.edition_download'),
        cadence_months: eb.fn.coalesce('excluded.cadence_months', 'source.cadence_months'),
      })),
    )
    .execute();
}

/** Every indicator of `meta`, written or rewritten. */
async function upsertIndicators(db: Db, meta: ReleaseMeta): Promise<void> {
  await db
    .insertInto('indicator')
    .values(meta.indicators.map((i) => indicatorRow(i, meta.source.id)))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        source_id: eb.ref('excluded.source_id'),
        name_en: eb.ref('excluded.name_en'),
        name_vi: eb.ref('excluded.name_vi'),
        theme: eb.ref('excluded.theme'),
        unit: eb.ref('excluded.unit'),
        scale: eb.ref('excluded.scale'),
        higher_is_better: eb.ref('excluded.higher_is_better'),
        decimals: eb.ref('excluded.decimals'),
        definition: eb.ref('excluded.definition'),
        caveats: eb.ref('excluded.caveats'),
        definition_vi: eb.ref('excluded.definition_vi'),
        caveats_vi: eb.ref('excluded.caveats_vi'),
        level: eb.ref('excluded.level'),
        parent_code: eb.ref('excluded.parent_code'),
        rank_scope_en: eb.ref('excluded.rank_scope_en'),
        rank_scope_vi: eb.ref('excluded.rank_scope_vi'),
        measures: eb.ref('excluded.measures'),
      })),
    )
    .execute();
}

/**
 * Source and indicator metadata: the newest release of a source describes it. Loading an older
 * vintage later adds its values but never rolls the wording, direction or licence back.
 */
export async function upsertSourceAndIndicators(db: Db, meta: ReleaseMeta): Promise<void> {
  const { source } = meta;
  const newest = await db
    .selectFrom('release')
    .select((eb) => eb.fn.max('published_on').as('published_on'))
    .where('source_id', '=', source.id)
    .executeTakeFirst();
  if (newest?.published_on && newest.published_on > meta.published_on) {
    // Older than what is loaded: the newer release describes what it has; this one describes the
    // rest (a newer release that drops or does not repeat a series leaves it to the older one).
    const describedByNewer = await indicatorsOfNewerReleases(db, meta);
    const own = meta.indicators.filter((i) => !describedByNewer.has(i.code));
    const existing = await describedIndicators(db, meta);
    const missing = meta.indicators.filter((i) => describedByNewer.has(i.code) && !existing.has(i.code));
    if (own.length > 0) await upsertIndicators(db, { ...meta, indicators: own });
    if (missing.length > 0)
      await db
        .insertInto('indicator')
        .values(missing.map((i) => indicatorRow(i, source.id)))
        .execute();
    return;
  }
  await upsertSource(db, source);
  await upsertIndicators(db, meta);
}

export async function insertRelease(
  db: Db,
  release: {
    id: string;
    meta: ReleaseMeta;
    fileName: string;
    sha256: string;
    rowCount: number;
    translationsSha256?: string;
  },
): Promise<void> {
  const { meta } = release;
  await db
    .insertInto('release')
    .values({
      id: release.id,
      source_id: meta.source.id,
      label: meta.label,
      label_vi: meta.label_vi,
      format: meta.format,
      published_on: meta.published_on,
      retrieved_on: meta.retrieved_on,
      file_name: release.fileName,
      sha256: release.sha256,
      row_count: release.rowCount,
      notes: meta.notes,
      notes_vi: meta.notes_vi,
      translations_sha256: release.translationsSha256 ?? null,
      method_revision_en: meta.method_revision?.en ?? null,
      method_revision_vi: meta.method_revision?.vi ?? null,
    })
    .execute();
}

/**
 * The Vietnamese label and notes of loaded releases, rewritten from today's meta.yaml in one
 * statement (a translation added or corrected after loading reaches the database; values untouched).
 */
export async function refreshReleaseTexts(
  db: Db,
  releases: readonly { id: string; meta: Pick<ReleaseMeta, 'label_vi' | 'notes_vi'> }[],
): Promise<void> {
  if (releases.length === 0) return;
  const ids = releases.map((r) => r.id);
  const labels = releases.map((r) => r.meta.label_vi);
  const notes = releases.map((r) => r.meta.notes_vi);
  await sql`
    update release r set label_vi = t.label_vi, notes_vi = t.notes_vi
    from unnest(${ids}::text[], ${labels}::text[], ${notes}::text[]) as t(id, label_vi, notes_vi)
    where r.id = t.id and (r.label_vi is distinct from t.label_vi or r.notes_vi <> t.notes_vi)`.execute(db);
}

/** Each loaded release's translations fingerprint (null: loaded before fingerprints were kept). */
export async function releaseTranslationFingerprints(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('release').select(['id', 'translations_sha256']).execute();
  return new Map(rows.map((r) => [r.id, r.translations_sha256]));
}

export async function setTranslationFingerprint(db: Db, releaseId: string, sha256: string): Promise<void> {
  await db.updateTable('release').set({ translations_sha256: sha256 }).where('id', '=', releaseId).execute();
}

/** A piece of a release's file as stored: its bytes, gzipped or not. */
export interface ReleaseFilePiece {
  content: Uint8Array;
  gzip: boolean;
}

/** The rows a release loaded, known once its file has been read to the end. */
export async function setReleaseRowCount(db: Db, releaseId: string, rowCount: number): Promise<void> {
  await db.updateTable('release').set({ row_count: rowCount }).where('id', '=', releaseId).execute();
}

/**
 * The same, from the file's pieces, each stored as its own row: a bytea parameter travels as hex
 * text, so a 66 MB file sent whole would need a 132 MB string, and appending to one value rewrites
 * it every time.
 */
export async function insertReleaseFileChunks(
  db: Db,
  releaseId: string,
  pieces: AsyncIterable<ReleaseFilePiece>,
): Promise<void> {
  let seq = 0;
  for await (const piece of pieces) await insertReleaseFilePiece(db, releaseId, seq++, piece);
  if (seq === 0) await insertReleaseFilePiece(db, releaseId, 0, { content: new Uint8Array(), gzip: false });
}

/** Keeps the original file of a release, byte for byte, for /v1/releases/{id}/file. */
export async function insertReleaseFile(db: Db, releaseId: string, content: Uint8Array): Promise<void> {
  await insertReleaseFilePiece(db, releaseId, 0, { content, gzip: false });
}

async function insertReleaseFilePiece(db: Db, releaseId: string, seq: number, piece: ReleaseFilePiece): Promise<void> {
  await db
    .insertInto('release_file')
    .values({ release_id: releaseId, seq, content: piece.content, gzip: piece.gzip })
    .onConflict((oc) => oc.columns(['release_id', 'seq']).doNothing())
    .execute();
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A release's file: its pieces, decompressed where stored gzipped, joined in order. */
export async function releaseFile(db: Db, releaseId: string) {
  const release = await db
    .selectFrom('release')
    .select(['id', 'file_name', 'sha256'])
    .where('id', '=', releaseId)
    .executeTakeFirst();
  if (!release) return undefined;
  const pieces = await db
    .selectFrom('release_file')
    .select(['content', 'gzip'])
    .where('release_id', '=', releaseId)
    .orderBy('seq')
    .execute();
  if (pieces.length === 0) return undefined;
  const parts = await Promise.all(pieces.map((piece) => (piece.gzip ? gunzip(piece.content) : piece.content)));
  const content = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    content.set(part, offset);
    offset += part.byteLength;
  }
  return { ...release, content };
}

/** Releases loaded before their files were kept (databases older than migration 0005). */
export async function releasesWithoutFile(db: Db): Promise<{ id: string; sha256: string }[]> {
  return db
    .selectFrom('release as r')
    .leftJoin('release_file as f', 'f.release_id', 'r.id')
    .select(['r.id', 'r.sha256'])
    .where('f.release_id', 'is', null)
    .execute();
}
