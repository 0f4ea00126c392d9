-- The Vietnamese of how a source is named and licensed: its name, publisher and licence as chart
-- footers, source lists and Data Packages show them to a Vietnamese reader. CivScope's translations,
-- kept beside the source's own English. Null only in a database loaded before this column, until
-- start-up rewrites each source from its newest meta.yaml.
ALTER TABLE source ADD COLUMN name_vi text;
ALTER TABLE source ADD COLUMN publisher_vi text;
ALTER TABLE source ADD COLUMN licence_vi text;
