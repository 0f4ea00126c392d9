-- Who has a value for each indicator, kept beside the observations: one row per indicator and
-- country with any value, in any release. /v1/indicators and /v1/themes summarise every
-- indicator's coverage; computed from `observation` that is two scans of the whole table (7.5 s at
-- 10.5 M rows), from here it is one scan of at most 14 rows per indicator. Ingestion refreshes the
-- rows of the indicators it loads, in the same transaction.
CREATE TABLE indicator_coverage (
  indicator_code text COLLATE "C"    NOT NULL REFERENCES indicator (code),
  iso3           char(3) COLLATE "C" NOT NULL REFERENCES country (iso3),
  -- Null when the country's only values are undated (training mandates).
  first_year     smallint,
  latest_year    smallint,
  has_undated    boolean NOT NULL,
  PRIMARY KEY (indicator_code, iso3)
);
INSERT INTO indicator_coverage (indicator_code, iso3, first_year, latest_year, has_undated)
  SELECT indicator_code, iso3, min(year), max(year), bool_or(year IS NULL)
  FROM observation
  GROUP BY indicator_code, iso3;
