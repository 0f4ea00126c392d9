-- Two more input formats (issue 10, new sources): the ILOSTAT bulk download (ilostat-bulk) and the
-- processed source data of the Blavatnik Index (bipa-processed: cc_iso3c, ref_year, variable, value).
ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide', 'ilostat-bulk', 'bipa-processed'));
