-- A release's original file is kept in numbered pieces. Appending each piece to one bytea rewrote
-- the whole value every time: quadratic, 11.4 s of a 76 MB (1 M-row) ingest. The file is the
-- pieces joined in `seq` order; an empty file is one empty piece. A piece may be stored gzipped
-- (the ingest compresses them: a quarter of the bytes to send, decode and write; 5 s of the same ingest).
ALTER TABLE release_file ADD COLUMN seq int NOT NULL DEFAULT 0;
ALTER TABLE release_file DROP CONSTRAINT release_file_pkey;
ALTER TABLE release_file ADD PRIMARY KEY (release_id, seq);
ALTER TABLE release_file ALTER COLUMN seq DROP DEFAULT;
ALTER TABLE release_file ADD COLUMN gzip boolean NOT NULL DEFAULT false;
