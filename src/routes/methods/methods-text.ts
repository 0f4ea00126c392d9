/** /v1/methods: every formula and rule the API applies, in plain words, in one place. */
export const METHODS = {
  current_value: {
    rule: 'The value of an indicator for a country and year is the one from the newest release that has it: latest publication date, then release id. Older releases are kept. `as_of=YYYY-MM-DD` uses only releases published on or before that date; `release=ID` uses that release alone.',
  },
  membership: {
    current:
      "Default. A group means today's members for every year — the convention of World Bank and OECD aggregates. ASEAN has 11 members from 2025-10-26 (Timor-Leste).",
    historical:
      '`membership=historical`: a country counts for year Y only if it was a member on 31 December of Y. ASEAN in 2024 has 10 members.',
  },
  latest:
    "`latest=true`: each country's most recent dated value, with its real year. `max_age=N` drops values more than N years older than the newest value in the response.",
  normalisation: {
    peer_set:
      'Computed within the countries of the request and, except for latest=true cross-sections, within each year. Values flagged zero-no-data are shown but never enter a computation.',
    minmax:
      'score = 100 × (x − min) / (max − min); for indicators where lower is better, score = 100 × (max − x) / (max − min). 100 is the best in the peer set. Undefined (null) when all values are equal.',
    zscore:
      'z = (x − mean) / σ, with the population standard deviation σ = √(Σ(x − mean)² / n). Sign not reversed for direction. Null when σ = 0.',
    rank: 'Competition ranking ("1224"): 1 is best; tied values share a rank and the next rank is skipped. Indicators without a normative direction are ordered high to low.',
    percentile:
      'percentile = 100 × (values beaten + ½ × (ties − 1)) / (n − 1): 100 for the best, 0 for the worst; null for a peer set of one.',
    index:
      '`index:<year>`: 100 × x / x(base year) for the same country, from the same vintage; null when the base-year value is missing or 0.',
    per_capita:
      'x / population (SP.POP.TOTL) of the same country and year, from the same vintage. Only for totals (scale count or amount); indices, shares, scores, ranks and ratios are refused with incompatible_normalisation.',
  },
  rankings:
    'Ordered best first using higher_is_better, competition ranks for ties, with the min-max score. Coverage gives the members that reported and names those that did not. The group median is the median of the ranked values.',
  profiles:
    "For each indicator: the country's value (requested year, or its latest) and its rank among the group members reporting that same year; the group's min, median (mean of the two middle values for an even count), mean and max; the frontier (best value in the group and who holds it) and the absolute distance to it; the change since the country's previous observation.",
  aggregates: {
    rule: 'Per year, over the members that reported; no value is imputed. Coverage = reporting / members, with missing members named.',
    population_weighted:
      'Σ(x × population) / Σ population over reporting members that have a population figure for that year; members without one are listed as not_weighted.',
  },
  composite: {
    rule: 'Each component is min-max normalised (0–100, 100 = best) within the peer set; weights are divided by their sum; the composite is Σ wᵢ × scoreᵢ. missing=skip: a country missing components is scored on those it has, their weights rescaled to sum to 1. missing=exclude: it gets no score.',
    sensitivity:
      'One-at-a-time: each weight in turn is multiplied by 0.5 and by 1.5, weights renormalised and ranks recomputed (2 × k scenarios). Each country gets its best and worst rank over those scenarios and the baseline.',
  },
  changes:
    'Compares the current values of each source as of since_release (its publication date) or since, with its current values now: added, changed (exact float64 comparison) and removed. A partial release replaces only the years it covers.',
  formats: {
    csv: 'RFC 4180: CRLF line ends, a header row, fields quoted when they contain a comma, quote or line break. Values are written in the shortest form that round-trips to the same float64.',
    sdmx_csv:
      'SDMX-CSV columns STRUCTURE, STRUCTURE_ID, ACTION, REF_AREA, INDICATOR, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE, OBS_STATUS. OBS_STATUS follows CL_OBS_STATUS: A (normal) or U (low reliability: zero-no-data, confidence-low).',
  },
  flags: {
    'zero-no-data':
      'Published as 0, probably meaning "no data" (UN E-Government Survey: TLS HCI 2003–04, TLS TII 2003–05, MMR TII 2012). Kept as published; left out of computations.',
    'repeated-value': "The source repeats the previous year's value exactly; kept as published.",
    'confidence-high': 'Training mandate from an official text or official news channel.',
    'confidence-medium': 'Training mandate relayed by a secondary source (agency notice, presentation, press).',
    'confidence-low': 'Training mandate from an undated or unofficial source.',
  },
  caching:
    'Every 200 carries an ETag derived from the data version and the normalised query, and Cache-Control: public, max-age=60, stale-while-revalidate=600 (immutable for one year when pinned with release=). If-None-Match returns 304.',
  errors: {
    invalid_parameter: 'A parameter is malformed, out of range or contradicts another; `parameter` names it.',
    unknown_country: 'A country code is not one of the 14 ASEAN+3 countries; `unknown` lists them.',
    unknown_group: 'A group code is not ASEAN or ASEAN+3; `valid_values` lists them.',
    unknown_indicator: 'An indicator code is not in the catalogue (/v1/indicators).',
    unknown_release: 'A release id is not loaded (/v1/releases).',
    incompatible_normalisation:
      'The normalisation does not apply to the indicator (per_capita on an index, share or score).',
    not_found: 'No such route.',
    not_implemented:
      'The feature is not available on this deployment (PNG charts on the edge); the message says where it is.',
    service_unavailable: 'The database cannot be reached; retry later.',
  },
  references: [
    'OECD/EC JRC (2008), Handbook on Constructing Composite Indicators: Methodology and User Guide, OECD Publishing, Paris.',
    'Kaufmann, D., A. Kraay and M. Mastruzzi (2010), The Worldwide Governance Indicators: Methodology and Analytical Issues, World Bank Policy Research Working Paper 5430.',
    'United Nations (2024), E-Government Survey 2024, Annex on methodology.',
    'RFC 4180 (CSV), RFC 9457 (problem details), RFC 9110 (ETag, If-None-Match); SDMX-CSV format specification (SDMX 3.0).',
  ],
} as const;
