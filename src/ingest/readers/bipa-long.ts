import { cellError, IngestError } from '../errors.ts';
import { columnText, iso3Cell, readCsvFrame, requireColumns } from './csv-frame.ts';
import type { RawRow, Reader } from './raw-row.ts';
import { indicatorsBySourceKey } from './source-keys.ts';

const REQUIRED = ['cc_iso3c', 'structure_id', 'value', 'rank', 'rank_label'] as const;
/** `ABBCC` (index, domain, theme, indicator) or `ABBCC.DD` (a metric), as BIPA's README defines them. */
const STRUCTURE_ID = /^(\d{1,5})(?:\.(\d{1,2}))?$/;

/**
 * How many countries the file ranks on each element: the N of "=62 of 120", counted over every
 * country of the Index (the file holds all of them, not only ours). Elements differ: 120 on the
 * Index and most themes, as few as 83 on an indicator with gaps.
 */
function rankedCounts(structure: readonly string[], rank: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  structure.forEach((id, i) => {
    if ((rank[i] ?? '').trim() === '') return;
    const key = id.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/**
 * The Blavatnik Index long file (bipa2024_all_data.csv): one line per country and element of the
 * Index, identified by its structure id, with the value, its rank among the countries of the
 * Index and the rank label ("=62" when tied). The file has no year: the edition year comes from
 * meta.yaml. Metric rows (ids with a decimal part) are counted and not loaded; an id meta.yaml
 * does not declare, or a country code that is not three letters, stops the release.
 */
export const readBipaLong: Reader = async (path, displayName, meta) => {
  const codes = indicatorsBySourceKey(meta, displayName);
  if (meta?.edition_year === undefined) {
    throw new IngestError(`${displayName}: the bipa-long format needs edition_year in meta.yaml`, {
      file: displayName,
    });
  }
  const year = String(meta.edition_year);
  const csv = await readCsvFrame(path, displayName);
  requireColumns(csv, REQUIRED, displayName);
  const [country, structure, value, rank, rankLabel] = REQUIRED.map((c) => columnText(csv, c)) as string[][];
  const rankedOn = rankedCounts(structure ?? [], rank ?? []);
  const rows: RawRow[] = [];
  let notLoaded = 0;
  for (let i = 0; i < csv.rowCount; i++) {
    const line = csv.lineOf(i);
    const id = (structure?.[i] ?? '').trim();
    const match = STRUCTURE_ID.exec(id);
    const fail = (column: string, message: string) => cellError(displayName, line, column, message);
    if (!match) throw fail('structure_id', `not a BIPA structure id ("${id}")`);
    if (match[2] !== undefined && Number(match[2]) !== 0) {
      notLoaded++;
      continue;
    }
    const indicatorCode = codes.get(String(Number(match[1])));
    if (!indicatorCode) throw fail('structure_id', `structure id ${id} is not declared in meta.yaml`);
    const iso3 = iso3Cell(country?.[i] ?? '', displayName, line);
    rows.push({
      line,
      indicatorCode,
      country: { code: iso3 },
      year,
      value: value?.[i] ?? '',
      valueColumn: 'value',
      rank: rank?.[i] ?? '',
      rankLabel: rankLabel?.[i] ?? '',
      rankOf: (rank?.[i] ?? '').trim() === '' ? '' : String(rankedOn.get(id) ?? ''),
    });
  }
  return { rows, linesRead: csv.rowCount, notLoaded };
};
