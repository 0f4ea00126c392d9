-- Partner sync and source downloads.
-- Every observation carries the time its release was loaded (milliseconds, so a timestamp a client
-- read back from the API compares equal), and the original file of each release is kept beside it.
ALTER TABLE observation ADD COLUMN loaded_at timestamptz;
UPDATE observation o SET loaded_at = date_trunc('milliseconds', r.loaded_at) FROM release r WHERE r.id = o.release_id;
ALTER TABLE observation ALTER COLUMN loaded_at SET DEFAULT date_trunc('milliseconds', now());
ALTER TABLE observation ALTER COLUMN loaded_at SET NOT NULL;
UPDATE release SET loaded_at = date_trunc('milliseconds', loaded_at);
ALTER TABLE release ALTER COLUMN loaded_at SET DEFAULT date_trunc('milliseconds', now());
-- The sync feed reads in (loaded_at, release, indicator, country, year) order.
CREATE INDEX observation_loaded ON observation (loaded_at, release_id, indicator_code, iso3, year);

-- The file a release was read from, byte for byte (its sha256 is release.sha256).
CREATE TABLE release_file (
  release_id text COLLATE "C" PRIMARY KEY REFERENCES release (id) ON DELETE CASCADE,
  content    bytea NOT NULL
);
