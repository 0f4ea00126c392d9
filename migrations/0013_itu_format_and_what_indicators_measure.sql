-- What an indicator measures, where that decides how a theme's evidence reads: 'use' (people using
-- something: adults paying bills online, individuals owning a phone) or 'supply' (what governments
-- provide: online services, portals, institutions). Null where neither fits (perceptions, context).
-- The digital-transformation theme needs evidence of adoption, not only of supply.
ALTER TABLE indicator ADD COLUMN measures text CHECK (measures IS NULL OR measures IN ('use', 'supply'));

-- One more input format: the ITU DataHub's indicator download (itu-datahub-csv: one line per series,
-- economy and year, with the value's own note and data source).
ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide', 'ilostat-bulk', 'bipa-processed', 'wb-databank-xlsx', 'findex-csv', 'wgi-long', 'wgi-wide', 'itu-datahub-csv'));
