/**
 * The migrations this build expects, in order. The Worker cannot read migrations/ at run time,
 * so /ready compares the database with this list; a test keeps it equal to the folder.
 */
export const EXPECTED_MIGRATIONS = [
  '0001_create_core_tables.sql',
  '0002_agenda_themes_and_hierarchy.sql',
  '0003_more_input_formats.sql',
  '0005_observation_load_time_and_release_files.sql',
  '0006_indicator_vietnamese_definitions.sql',
  '0007_indicator_coverage.sql',
  '0008_databank_xlsx_format.sql',
  '0009_release_file_chunks.sql',
  '0010_observation_references_per_statement.sql',
  '0011_source_editions_and_findex_format.sql',
  '0012_wgi_formats_and_method_revisions.sql',
  '0013_itu_format_and_what_indicators_measure.sql',
  '0014_published_rank_out_of.sql',
  '0015_vietnamese_notes_and_labels.sql',
  '0016_release_translations_fingerprint.sql',
  '0017_source_names_in_vietnamese.sql',
  '0018_searched_without_result.sql',
] as const;
