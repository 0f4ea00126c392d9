-- Definitions and caveats in Vietnamese beside the source's English (CivScope's translations; the
-- English stays the authoritative text). Null where a release does not provide them.
ALTER TABLE indicator ADD COLUMN definition_vi text;
ALTER TABLE indicator ADD COLUMN caveats_vi text[];
