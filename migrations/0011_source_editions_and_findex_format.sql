-- Where each publisher posts its editions and how often, so /v1/sources can say when the next
-- edition is due and whether the one served is late (stale), and `npm run sources:check` knows
-- what to download. Null where a source has no regular cadence (a compilation, a one-off survey).
ALTER TABLE source ADD COLUMN editions_page text;
ALTER TABLE source ADD COLUMN edition_download text;
ALTER TABLE source ADD COLUMN cadence_months integer CHECK (cadence_months IS NULL OR cadence_months > 0);

-- One more input format: the Global Findex Database country file (findex-csv: one line per economy,
-- survey year and population group, one column per series).
ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide', 'ilostat-bulk', 'bipa-processed', 'wb-databank-xlsx', 'findex-csv'));
