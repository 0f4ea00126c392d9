-- The Worldwide Governance Indicators' layout since the 2025 revision (wgi-long: one line per
-- economy, year and dimension) and the estimates one column per dimension (wgi-wide), and a release's statement that it re-estimates history with a new
-- method, so /v1/changes reports such a release as one method revision with counts instead of
-- thousands of individual changes.
ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide', 'ilostat-bulk', 'bipa-processed', 'wb-databank-xlsx', 'findex-csv', 'wgi-long', 'wgi-wide'));
ALTER TABLE release ADD COLUMN method_revision_en text;
ALTER TABLE release ADD COLUMN method_revision_vi text;
