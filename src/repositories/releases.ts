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
};

/** What a release's metadata says of itself, its source and its indicators. */
export interface ReleaseMeta {
  source: SourceTable;
  indicators: IndicatorMeta[];
  label: string;
  format: ReleaseTable['format'];
  published_on: string;
  retrieved_on: string | null;
  notes: string;
}

type Db = Kysely<Database> | Transaction<Database>;

/** meta.yaml's description of an indicator → its row. */
function indicatorRow(i: IndicatorMeta, sourceId: string) {
  const { level, parent, rank_scope, source_key: _key, ...described } = i;
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
  await db
    .insertInto('source')
    .values(source)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        publisher: eb.ref('excluded.publisher'),
        url: eb.ref('excluded.url'),
        licence: eb.ref('excluded.licence'),
        citation: eb.ref('excluded.citation'),
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
  release: { id: string; meta: ReleaseMeta; fileName: string; sha256: string; rowCount: number },
): Promise<void> {
  const { meta } = release;
  await db
    .insertInto('release')
    .values({
      id: release.id,
      source_id: meta.source.id,
      label: meta.label,
      format: meta.format,
      published_on: meta.published_on,
      retrieved_on: meta.retrieved_on,
      file_name: release.fileName,
      sha256: release.sha256,
      row_count: release.rowCount,
      notes: meta.notes,
    })
    .execute();
}

/**
 * The same, from the file's chunks, each stored as its own piece: a bytea parameter travels as hex
 * text, so a 66 MB file sent whole would need a 132 MB string, and appending to one value rewrites
 * it every time.
 */
export async function insertReleaseFileChunks(
  db: Db,
  releaseId: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<void> {
  let seq = 0;
  for await (const chunk of chunks) await insertReleaseFilePiece(db, releaseId, seq++, chunk);
  if (seq === 0) await insertReleaseFilePiece(db, releaseId, 0, new Uint8Array());
}

/** Keeps the original file of a release, byte for byte, for /v1/releases/{id}/file. */
export async function insertReleaseFile(db: Db, releaseId: string, content: Uint8Array): Promise<void> {
  await insertReleaseFilePiece(db, releaseId, 0, content);
}

async function insertReleaseFilePiece(db: Db, releaseId: string, seq: number, content: Uint8Array): Promise<void> {
  await db
    .insertInto('release_file')
    .values({ release_id: releaseId, seq, content })
    .onConflict((oc) => oc.columns(['release_id', 'seq']).doNothing())
    .execute();
}

/** A release's file, its pieces joined in order. */
export async function releaseFile(db: Db, releaseId: string) {
  return db
    .selectFrom('release as r')
    .innerJoin('release_file as f', 'f.release_id', 'r.id')
    .select(['r.id', 'r.file_name', 'r.sha256', sql<Uint8Array>`string_agg(f.content, ''::bytea order by f.seq)`.as('content')])
    .where('r.id', '=', releaseId)
    .groupBy(['r.id', 'r.file_name', 'r.sha256'])
    .executeTakeFirst();
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
