-- One more input format (issue 10, the wider WWBI release): the World Bank DataBank Excel export
-- (wb-databank-xlsx: a "Data" sheet with one row per country and series, one column per year).
ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide', 'ilostat-bulk', 'bipa-processed', 'wb-databank-xlsx'));
