import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { IndicatorMeasure, Theme } from '../domain/themes.ts';

export type { Theme };

/** Dates travel as YYYY-MM-DD strings; the connection layer makes Postgres return them that way. */
type DateColumn = ColumnType<string, string, string>;

export interface CountryTable {
  iso3: string;
  iso2: string;
  m49: string;
  name_en: string;
  name_vi: string;
  aliases: string[];
}

export interface CountryGroupTable {
  code: string;
  name_en: string;
  name_vi: string;
  description: string;
}

export interface GroupMembershipTable {
  group_code: string;
  iso3: string;
  joined_on: DateColumn;
  left_on: DateColumn | null;
}

export interface SourceTable {
  id: string;
  name: string;
  publisher: string;
  url: string;
  licence: string;
  citation: string;
  /** CivScope's Vietnamese of the name, publisher and licence; null only before start-up rewrote the source. */
  name_vi: string | null;
  publisher_vi: string | null;
  licence_vi: string | null;
  /** The publisher's page where editions are posted. */
  editions_page: string | null;
  /** The file `sources:check` downloads as the candidate newest edition (a URL). */
  edition_download: string | null;
  /** Months between editions; null for a source without a regular cadence. */
  cadence_months: number | null;
}

export interface ReleaseTable {
  id: string;
  source_id: string;
  label: string;
  format:
    | 'tidy'
    | 'wb-bulk'
    | 'un-egov'
    | 'bipa-long'
    | 'qog-wide'
    | 'ilostat-bulk'
    | 'bipa-processed'
    | 'wb-databank-xlsx'
    | 'findex-csv'
    | 'wgi-long'
    | 'wgi-wide'
    | 'itu-datahub-csv';
  published_on: DateColumn;
  retrieved_on: DateColumn | null;
  file_name: string;
  sha256: string;
  row_count: number;
  notes: Generated<string>;
  /** CivScope's Vietnamese of the label and notes (null and '' in a database loaded before them). */
  label_vi: ColumnType<string | null, string | null | undefined, string | null>;
  notes_vi: Generated<string>;
  /** sha256 of the translations the values' `note_vi` were written from (see translations-fingerprint). */
  translations_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when the release re-estimates earlier values with a new method: what changed, in words. */
  method_revision_en: ColumnType<string | null, string | null | undefined, string | null>;
  method_revision_vi: ColumnType<string | null, string | null | undefined, string | null>;
  loaded_at: ColumnType<string, string | undefined, never>;
}

export interface IndicatorTable {
  code: string;
  source_id: string;
  name_en: string;
  name_vi: string;
  theme: Theme;
  unit: string;
  scale: string;
  higher_is_better: boolean | null;
  decimals: number;
  definition: string;
  caveats: string[];
  /** CivScope's Vietnamese translation of the definition and caveats (null where none is given). */
  definition_vi: ColumnType<string | null, string | null | undefined, string | null>;
  caveats_vi: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** Level in its source's hierarchy (composite indices); null for stand-alone series. */
  level: ColumnType<'index' | 'domain' | 'theme' | 'indicator' | null, string | null | undefined, string | null>;
  /** The indicator one level up in the same source's hierarchy. */
  parent_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** What a published rank is a rank of (e.g. 120 countries), in English and Vietnamese. */
  rank_scope_en: ColumnType<string | null, string | null | undefined, string | null>;
  rank_scope_vi: ColumnType<string | null, string | null | undefined, string | null>;
  /** People's `use` (adoption) or governments' `supply`; null where neither fits. */
  measures: ColumnType<IndicatorMeasure | null, IndicatorMeasure | null | undefined, IndicatorMeasure | null>;
}

export interface ObservationTable {
  indicator_code: string;
  iso3: string;
  year: number | null;
  release_id: string;
  value: number;
  flag: string | null;
  note: string | null;
  /** CivScope's Vietnamese of the note, written after the values are copied (see note-translations). */
  note_vi: ColumnType<string | null, string | null | undefined, string | null>;
  reference_url: string | null;
  /** The rank the source published with the value (ties share a rank) and its label, e.g. "=62". */
  rank: ColumnType<number | null, number | null | undefined, number | null>;
  rank_label: ColumnType<string | null, string | null | undefined, string | null>;
  /** How many the source ranked on that element: the N of "=62 of 120". */
  rank_of: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the release holding this value was loaded (set by the database). */
  loaded_at: ColumnType<string, string | undefined, never>;
}

/** One piece of a release's original file; the file is its pieces in `seq` order. */
export interface ReleaseFileTable {
  release_id: string;
  seq: number;
  content: Uint8Array;
  /** The piece is stored gzipped (one gzip member); the file holds it decompressed. */
  gzip: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DataVersionTable {
  id: Generated<boolean>;
  version: ColumnType<number, number, number>;
  changed_at: ColumnType<string, string | undefined, string>;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: ColumnType<string, string | undefined, never>;
}

/** One row per indicator and country with any value (migration 0007): refreshed by ingestion. */
export interface IndicatorCoverageTable {
  indicator_code: string;
  iso3: string;
  first_year: number | null;
  latest_year: number | null;
  has_undated: boolean;
}

/** A value looked for in the texts a compiled source reads, and not found (see migration 0018). */
export interface SearchedGapTable {
  release_id: string;
  indicator_code: string;
  iso3: string;
  searched_on: DateColumn;
  searched_en: string;
  searched_vi: string;
}

export interface Database {
  country: CountryTable;
  country_group: CountryGroupTable;
  group_membership: GroupMembershipTable;
  source: SourceTable;
  release: ReleaseTable;
  indicator: IndicatorTable;
  observation: ObservationTable;
  indicator_coverage: IndicatorCoverageTable;
  release_file: ReleaseFileTable;
  searched_gap: SearchedGapTable;
  data_version: DataVersionTable;
  schema_migration: SchemaMigrationTable;
}

export type ReleaseRow = Selectable<ReleaseTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewObservation = Insertable<ObservationTable>;
