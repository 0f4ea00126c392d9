-- The sha256 of the Vietnamese a release's values were loaded with (meta.yaml's value_notes_vi,
-- its flags' note_vi, the readers' own words): when meta.yaml's translations change, start-up
-- sees a different fingerprint and writes the new ones, values untouched. Null: loaded before.
ALTER TABLE release ADD COLUMN translations_sha256 char(64);
