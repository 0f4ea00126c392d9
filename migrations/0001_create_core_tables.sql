-- Core tables of CivScope: the country registry, dated groups, sources and their releases,
-- indicator metadata and observations. Values are double precision end to end.
-- Codes and ids collate as "C" (byte order), so every deployment sorts them the same way.

CREATE TABLE country (
  iso3     char(3) COLLATE "C" PRIMARY KEY,
  iso2     char(2) NOT NULL UNIQUE,
  m49      char(3) NOT NULL UNIQUE,
  name_en  text    NOT NULL,
  name_vi  text    NOT NULL,
  aliases  text[]  NOT NULL DEFAULT '{}'
);

CREATE TABLE country_group (
  code        text COLLATE "C" PRIMARY KEY,
  name_en     text NOT NULL,
  name_vi     text NOT NULL,
  description text NOT NULL
);

CREATE TABLE group_membership (
  group_code text COLLATE "C"    NOT NULL REFERENCES country_group (code) ON DELETE CASCADE,
  iso3       char(3) COLLATE "C" NOT NULL REFERENCES country (iso3),
  joined_on  date    NOT NULL,
  left_on    date,
  PRIMARY KEY (group_code, iso3, joined_on),
  CHECK (left_on IS NULL OR left_on > joined_on)
);

CREATE TABLE source (
  id        text COLLATE "C" PRIMARY KEY,
  name      text NOT NULL,
  publisher text NOT NULL,
  url       text NOT NULL,
  licence   text NOT NULL,
  citation  text NOT NULL
);

CREATE TABLE release (
  id           text COLLATE "C" PRIMARY KEY,
  source_id    text COLLATE "C"    NOT NULL REFERENCES source (id),
  label        text    NOT NULL,
  format       text    NOT NULL CHECK (format IN ('tidy', 'wb-bulk', 'un-egov')),
  published_on date    NOT NULL,
  retrieved_on date,
  file_name    text    NOT NULL,
  sha256       char(64) NOT NULL,
  row_count    integer NOT NULL,
  notes        text    NOT NULL DEFAULT '',
  loaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX release_source_published ON release (source_id, published_on);

CREATE TABLE indicator (
  code             text COLLATE "C" PRIMARY KEY,
  source_id        text COLLATE "C"     NOT NULL REFERENCES source (id),
  name_en          text     NOT NULL,
  name_vi          text     NOT NULL,
  theme            text     NOT NULL CHECK (theme IN ('digital-government', 'effectiveness', 'workforce-and-pay', 'training', 'context')),
  unit             text     NOT NULL,
  scale            text     NOT NULL,
  higher_is_better boolean,
  decimals         smallint NOT NULL,
  definition       text     NOT NULL,
  caveats          text[]   NOT NULL DEFAULT '{}'
);
CREATE INDEX indicator_theme ON indicator (theme);

-- One row per value as a release published it. The current value of (indicator, country, year)
-- is the one from the newest release that has it; older releases stay for as_of/release queries.
-- year is NULL only for undated policy figures (training mandates whose adoption year is unknown).
CREATE TABLE observation (
  indicator_code text COLLATE "C"    NOT NULL REFERENCES indicator (code),
  iso3           char(3) COLLATE "C" NOT NULL REFERENCES country (iso3),
  year           smallint CHECK (year BETWEEN 1900 AND 2100),
  release_id     text COLLATE "C"    NOT NULL REFERENCES release (id) ON DELETE CASCADE,
  value          double precision NOT NULL,
  flag           text,
  note           text,
  reference_url  text,
  CONSTRAINT observation_one_value_per_release
    UNIQUE NULLS NOT DISTINCT (indicator_code, iso3, year, release_id)
);
-- Serves "one indicator, many countries, many years" without touching the heap for values.
CREATE INDEX observation_indicator_country_year
  ON observation (indicator_code, iso3, year) INCLUDE (release_id, value);
CREATE INDEX observation_release ON observation (release_id);

-- A single counter bumped by every ingestion: part of every ETag and cache key.
CREATE TABLE data_version (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  version    bigint      NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (version) VALUES (0);
