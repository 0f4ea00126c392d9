-- Where a compiled source looked for a value and found none: the country, the indicator, when, and
-- what was searched, in English and Vietnamese. "Not found" is a finding of its own, shown beside
-- "no data" so an analyst knows the gap was looked into; it is never a value and never counted as one.
-- Written from the release's meta.yaml (`searched_without_result`), rewritten at start-up like the
-- release's other texts.
CREATE TABLE searched_gap (
  release_id text NOT NULL REFERENCES release(id) ON DELETE CASCADE,
  indicator_code text NOT NULL REFERENCES indicator(code),
  iso3 text NOT NULL REFERENCES country(iso3),
  searched_on date NOT NULL,
  searched_en text NOT NULL,
  searched_vi text NOT NULL,
  PRIMARY KEY (release_id, indicator_code, iso3)
);
CREATE INDEX searched_gap_indicator ON searched_gap (indicator_code, iso3);
