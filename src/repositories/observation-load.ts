import { type Kysely, sql, type Transaction } from 'kysely';
import { copyField, copyFrom } from '../db/copy.ts';
import type { Database } from '../db/schema.ts';
import type { ReleaseDiff, ValueChange } from '../domain/diff.ts';

/** A validated value on its way into `observation`, with the file line it came from. */
export interface StagedObservation {
  line: number;
  indicatorCode: string;
  iso3: string;
  year: number | null;
  value: number;
  flag: string | null;
  note: string | null;
  /** The note in Vietnamese: null exactly when `note` is. */
  noteVi: string | null;
  referenceUrl: string | null;
  /** Only where the source publishes ranks beside its values. */
  rank?: number;
  rankLabel?: string;
  rankOf?: number;
}

const COLUMNS = [
  'indicator_code',
  'iso3',
  'year',
  'release_id',
  'value',
  'flag',
  'note',
  'note_vi',
  'reference_url',
  'rank',
  'rank_label',
  'rank_of',
] as const;

/**
 * A release's rows go straight into `observation` with one COPY, a batch of lines at a time while
 * the next batch is parsed: the server inserts and keeps the indexes beside the parsing, with no
 * round trip between batches (a COPY per 5,000-row batch kept the server waiting on the client
 * between them: 1 M rows took 15 s to load against 8.5 s for one psql `\copy` into the same
 * table; a temporary staging table and an INSERT … SELECT had taken 7–10 s more). Everything runs in the release's transaction, so
 * a failing or dry-run release leaves nothing behind; a key given twice fails the COPY on the
 * table's unique key. The checks that need every row at once (the diff against the previous
 * release) read the release's rows back by its id.
 */
export async function copyIntoObservation(
  trx: Transaction<Database>,
  releaseId: string,
  batches: AsyncIterable<readonly StagedObservation[]>,
): Promise<void> {
  const release = copyField(releaseId);
  async function* lines() {
    for await (const rows of batches) {
      let text = '';
      for (const r of rows) {
        text += `${copyField(r.indicatorCode)}\t${copyField(r.iso3)}\t${copyField(r.year)}\t${release}\t${copyField(r.value)}\t${copyField(r.flag)}\t${copyField(r.note)}\t${copyField(r.noteVi)}\t${copyField(r.referenceUrl)}\t${copyField(r.rank)}\t${copyField(r.rankLabel)}\t${copyField(r.rankOf)}\n`;
      }
      if (text !== '') yield text;
    }
  }
  await copyFrom(trx, 'observation', COLUMNS, lines());
}

/** Whether an error is the unique key of `observation` refusing a key given twice. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/** The release's own rows, as the diff reads them. */
const releaseRows = (releaseId: string) =>
  sql`(select indicator_code, iso3, year, value from observation where release_id = ${releaseId})`;

/**
 * The release's rows against the newest value of each (indicator, country, year) in earlier
 * releases of the same source published on or before this one: the rules of `diffValues`
 * (src/domain/diff.ts) in SQL, so a million-row release is compared without holding either side in
 * JavaScript.
 */
export async function diffReleaseWithPrevious(
  trx: Transaction<Database>,
  args: { releaseId: string; sourceId: string; indicatorCodes: string[]; publishedOn: string; listLimit: number },
): Promise<ReleaseDiff> {
  if ((await snapshotPrevious(trx, args)) === 0) return allAdded(trx, args.releaseId, args.listLimit);
  await compareWithPrevious(trx, args.releaseId);
  const counts = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from ingest_compared group by kind`.execute(trx);
  const count = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  const list = async (kind: 'added' | 'changed') =>
    (
      await sql<ValueChange>`
        select indicator_code as "indicatorCode", iso3, year, before, after from ingest_compared where kind = ${kind}
        order by indicator_code, iso3, coalesce(year, -1) limit ${args.listLimit}`.execute(trx)
    ).rows;
  const removed = await removedValues(trx, args.releaseId, args.listLimit);
  const result = {
    added: await list('added'),
    changed: await list('changed'),
    removed: removed.rows,
    counts: { added: count('added'), changed: count('changed'), removed: removed.count },
    unchanged: count('identical') + count('float32'),
    float32Only: count('float32'),
  };
  await sql`drop table ingest_compared`.execute(trx);
  return result;
}

/** Copies the newest earlier value of each key into `ingest_previous`; returns how many. */
async function snapshotPrevious(
  trx: Transaction<Database>,
  args: { releaseId: string; sourceId: string; indicatorCodes: string[]; publishedOn: string },
): Promise<number> {
  await sql`
    create temp table ingest_previous on commit drop as
    select distinct on (o.indicator_code, o.iso3, o.year) o.indicator_code, o.iso3, o.year, o.value
    from observation o join release r on r.id = o.release_id
    where r.source_id = ${args.sourceId} and r.published_on <= ${args.publishedOn} and r.id <> ${args.releaseId}
      and o.indicator_code = any(${args.indicatorCodes}::text[])
    order by o.indicator_code, o.iso3, o.year, r.published_on desc, r.id desc`.execute(trx);
  const previous = await sql<{ n: number }>`select count(*)::int as n from ingest_previous`.execute(trx);
  return previous.rows[0]?.n ?? 0;
}

/**
 * Pairs each of the release's rows with its previous value in `ingest_compared`, of kind added, identical,
 * float32 or changed. "Same value" is equal float64s or equal after rounding to float32 (`::float4`);
 * the cast is only made inside float32's range, where Postgres neither overflows nor underflows to an error.
 */
async function compareWithPrevious(trx: Transaction<Database>, releaseId: string): Promise<void> {
  await sql`
    create temp table ingest_compared on commit drop as
    select s.indicator_code, s.iso3, s.year, s.value as after, p.value as before,
      case
        when p.value is null then 'added'
        when s.value = p.value then 'identical'
        when abs(s.value) between 1e-44 and 3.4e38 and abs(p.value) between 1e-44 and 3.4e38
          and s.value::float4 = p.value::float4 then 'float32'
        else 'changed'
      end as kind
    from ${releaseRows(releaseId)} s left join ingest_previous p
      on p.indicator_code = s.indicator_code and p.iso3 = s.iso3 and coalesce(p.year, -1) = coalesce(s.year, -1)`.execute(
    trx,
  );
}

/** Previous values the release no longer gives: the first `listLimit` of them, and how many. */
async function removedValues(
  trx: Transaction<Database>,
  releaseId: string,
  listLimit: number,
): Promise<{ rows: ValueChange[]; count: number }> {
  // A partial release (2020-2023 only) removes only what lies within the years it covers.
  const removedQuery = sql`
    from ingest_previous p
    join (
      select indicator_code, min(year) as lo, max(year) as hi, bool_or(year is null) as undated
      from ${releaseRows(releaseId)} s group by indicator_code
    ) span on span.indicator_code = p.indicator_code
    where (case when p.year is null then span.undated else p.year between span.lo and span.hi end)
      and not exists (
        select 1 from ${releaseRows(releaseId)} s
        where s.indicator_code = p.indicator_code and s.iso3 = p.iso3 and coalesce(s.year, -1) = coalesce(p.year, -1)
      )`;
  const removed = await sql<ValueChange>`
    select p.indicator_code as "indicatorCode", p.iso3, p.year, p.value as before, null::float8 as after ${removedQuery}
    order by p.indicator_code, p.iso3, coalesce(p.year, -1) limit ${listLimit}`.execute(trx);
  const removedCount = await sql<{ n: number }>`select count(*)::int as n ${removedQuery}`.execute(trx);
  return { rows: removed.rows, count: removedCount.rows[0]?.n ?? 0 };
}

/** The diff of a first release (nothing earlier to compare with): every staged row is added. */
async function allAdded(trx: Transaction<Database>, releaseId: string, listLimit: number): Promise<ReleaseDiff> {
  const total = await sql<{
    n: number;
  }>`select count(*)::int as n from observation where release_id = ${releaseId}`.execute(trx);
  const added = await sql<ValueChange>`
    select indicator_code as "indicatorCode", iso3, year, null::float8 as before, value as after
    from observation where release_id = ${releaseId}
    order by indicator_code, iso3, coalesce(year, -1) limit ${listLimit}`.execute(trx);
  const n = total.rows[0]?.n ?? 0;
  return {
    added: added.rows,
    changed: [],
    removed: [],
    counts: { added: n, changed: 0, removed: 0 },
    unchanged: 0,
    float32Only: 0,
  };
}

/**
 * Releases loaded before today's readers gave their values everything they now give: a note
 * without its Vietnamese, a published rank without the count it is out of.
 */
/** Releases with at least one value note: the only ones whose translations reach the values. */
export async function releasesWithNotes(db: Kysely<Database>): Promise<Set<string>> {
  const { rows } = await sql<{ release_id: string }>`
    select distinct release_id from observation where note is not null`.execute(db);
  return new Set(rows.map((r) => r.release_id));
}

export async function releasesMissingValueAttributes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ release_id: string }>`
    select distinct release_id from observation
    where (note is not null and note_vi is null) or (rank is not null and rank_of is null)`.execute(db);
  return rows.map((r) => r.release_id);
}

/**
 * Fills in, by key, what `releasesMissingValueAttributes` found missing, from the release's file read
 * again: only empty attributes are written (`rewriteNotes`: every Vietnamese note, after a
 * translation changed), values are never touched.
 */
export async function fillValueAttributes(
  db: Kysely<Database>,
  releaseId: string,
  rows: readonly StagedObservation[],
  rewriteNotes = false,
): Promise<void> {
  const kept = rows.filter((r) => r.noteVi !== null || r.rankOf !== undefined);
  if (kept.length === 0) return;
  const noteVi = rewriteNotes ? sql`coalesce(t.note_vi, o.note_vi)` : sql`coalesce(o.note_vi, t.note_vi)`;
  await sql`
    update observation o
    set note_vi = ${noteVi}, rank_of = coalesce(o.rank_of, t.rank_of)
    from unnest(${kept.map((r) => r.indicatorCode)}::text[], ${kept.map((r) => r.iso3)}::bpchar[],
                ${kept.map((r) => r.year)}::int[], ${kept.map((r) => r.noteVi)}::text[],
                ${kept.map((r) => r.rankOf ?? null)}::int[]) as t(indicator_code, iso3, year, note_vi, rank_of)
    where o.release_id = ${releaseId} and o.indicator_code = t.indicator_code and o.iso3 = t.iso3
      and o.year is not distinct from t.year
      and (o.note_vi is null or o.rank_of is null or ${rewriteNotes})`.execute(db);
}
