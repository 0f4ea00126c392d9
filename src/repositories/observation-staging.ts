import { sql, type Transaction } from 'kysely';
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
  referenceUrl: string | null;
  /** Only where the source publishes ranks beside its values. */
  rank?: number;
  rankLabel?: string;
}

const STAGING = 'ingest_staging';
const COLUMNS = [
  'line',
  'indicator_code',
  'iso3',
  'year',
  'value',
  'flag',
  'note',
  'reference_url',
  'rank',
  'rank_label',
] as const;

/**
 * The release's rows land in a temporary table first: COPY is the fast way in, and the checks that
 * need every row at once (a key given twice, the diff against the previous release) run there in
 * SQL. Dropped at commit or rollback, so a failing release leaves nothing behind.
 */
export async function createStaging(trx: Transaction<Database>): Promise<void> {
  await sql`
    create temp table ingest_staging (
      line int not null, indicator_code text collate "C" not null, iso3 text collate "C" not null, year int,
      value float8 not null, flag text, note text, reference_url text, rank int, rank_label text
    ) on commit drop`.execute(trx);
}

export async function copyIntoStaging(trx: Transaction<Database>, rows: readonly StagedObservation[]): Promise<void> {
  let text = '';
  for (const r of rows) {
    text += `${r.line}\t${copyField(r.indicatorCode)}\t${copyField(r.iso3)}\t${copyField(r.year)}\t${copyField(r.value)}\t${copyField(r.flag)}\t${copyField(r.note)}\t${copyField(r.referenceUrl)}\t${copyField(r.rank)}\t${copyField(r.rankLabel)}\n`;
  }
  await copyFrom(trx, STAGING, COLUMNS, text);
}

/** The first (by file line) row whose indicator, country and year were already given. */
export async function firstDuplicateInStaging(
  trx: Transaction<Database>,
): Promise<{ indicatorCode: string; iso3: string; year: number | null; line: number; firstLine: number } | undefined> {
  const result = await sql<{
    indicator_code: string;
    iso3: string;
    year: number | null;
    line: number;
    first_line: number;
  }>`
    select indicator_code, iso3, year, (array_agg(line order by line))[2] as line, min(line) as first_line
    from ingest_staging group by indicator_code, iso3, year having count(*) > 1
    order by 4 limit 1`.execute(trx);
  const row = result.rows[0];
  return row
    ? { indicatorCode: row.indicator_code, iso3: row.iso3, year: row.year, line: row.line, firstLine: row.first_line }
    : undefined;
}

/**
 * The staged rows against the newest value of each (indicator, country, year) in earlier releases
 * of the same source published on or before this one: the rules of `diffValues` (src/domain/diff.ts)
 * in SQL, so a million-row release is compared without holding either side in JavaScript.
 */
export async function diffStagingWithPrevious(
  trx: Transaction<Database>,
  args: { sourceId: string; indicatorCodes: string[]; publishedOn: string; listLimit: number },
): Promise<ReleaseDiff> {
  if ((await snapshotPrevious(trx, args)) === 0) return allAdded(trx, args.listLimit);
  await compareWithPrevious(trx);
  const counts = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from ingest_compared group by kind`.execute(trx);
  const count = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  const list = async (kind: 'added' | 'changed') =>
    (
      await sql<ValueChange>`
        select indicator_code as "indicatorCode", iso3, year, before, after from ingest_compared where kind = ${kind}
        order by indicator_code, iso3, coalesce(year, -1) limit ${args.listLimit}`.execute(trx)
    ).rows;
  const removed = await removedValues(trx, args.listLimit);
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
  args: { sourceId: string; indicatorCodes: string[]; publishedOn: string },
): Promise<number> {
  await sql`
    create temp table ingest_previous on commit drop as
    select distinct on (o.indicator_code, o.iso3, o.year) o.indicator_code, o.iso3, o.year, o.value
    from observation o join release r on r.id = o.release_id
    where r.source_id = ${args.sourceId} and r.published_on <= ${args.publishedOn}
      and o.indicator_code = any(${args.indicatorCodes}::text[])
    order by o.indicator_code, o.iso3, o.year, r.published_on desc, r.id desc`.execute(trx);
  const previous = await sql<{ n: number }>`select count(*)::int as n from ingest_previous`.execute(trx);
  return previous.rows[0]?.n ?? 0;
}

/**
 * Pairs each staged row with its previous value in `ingest_compared`, of kind added, identical,
 * float32 or changed. "Same value" is equal float64s or equal after rounding to float32 (`::float4`);
 * the cast is only made inside float32's range, where Postgres neither overflows nor underflows to an error.
 */
async function compareWithPrevious(trx: Transaction<Database>): Promise<void> {
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
    from ingest_staging s left join ingest_previous p
      on p.indicator_code = s.indicator_code and p.iso3 = s.iso3 and coalesce(p.year, -1) = coalesce(s.year, -1)`.execute(
    trx,
  );
}

/** Previous values the staged release no longer gives: the first `listLimit` of them, and how many. */
async function removedValues(
  trx: Transaction<Database>,
  listLimit: number,
): Promise<{ rows: ValueChange[]; count: number }> {
  // A partial release (2020-2023 only) removes only what lies within the years it covers.
  const removedQuery = sql`
    from ingest_previous p
    join (
      select indicator_code, min(year) as lo, max(year) as hi, bool_or(year is null) as undated
      from ingest_staging group by indicator_code
    ) span on span.indicator_code = p.indicator_code
    where (case when p.year is null then span.undated else p.year between span.lo and span.hi end)
      and not exists (
        select 1 from ingest_staging s
        where s.indicator_code = p.indicator_code and s.iso3 = p.iso3 and coalesce(s.year, -1) = coalesce(p.year, -1)
      )`;
  const removed = await sql<ValueChange>`
    select p.indicator_code as "indicatorCode", p.iso3, p.year, p.value as before, null::float8 as after ${removedQuery}
    order by p.indicator_code, p.iso3, coalesce(p.year, -1) limit ${listLimit}`.execute(trx);
  const removedCount = await sql<{ n: number }>`select count(*)::int as n ${removedQuery}`.execute(trx);
  return { rows: removed.rows, count: removedCount.rows[0]?.n ?? 0 };
}

/** The diff of a first release (nothing earlier to compare with): every staged row is added. */
async function allAdded(trx: Transaction<Database>, listLimit: number): Promise<ReleaseDiff> {
  const total = await sql<{ n: number }>`select count(*)::int as n from ingest_staging`.execute(trx);
  const added = await sql<ValueChange>`
    select indicator_code as "indicatorCode", iso3, year, null::float8 as before, value as after from ingest_staging
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

/** Moves the staged rows into `observation` under the release id; returns how many. */
export async function moveStagingIntoObservation(trx: Transaction<Database>, releaseId: string): Promise<number> {
  const result = await sql`
    insert into observation (indicator_code, iso3, year, release_id, value, flag, note, reference_url, rank, rank_label)
    select indicator_code, iso3, year, ${releaseId}, value, flag, note, reference_url, rank, rank_label
    from ingest_staging`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
