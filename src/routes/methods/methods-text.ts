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
  efficiency: {
    question:
      '`/v1/efficiency`: who gets the most output (government effectiveness, e-government…) for the inputs they spend (wage bill, public employment…)? Each country is compared with the best practice observed among the countries of the request — a relative frontier, not an absolute standard.',
    roles:
      'Inputs (1–3) must be resources: indicators with no direction (more is neither good nor bad in itself) in the themes workforce-and-pay, training-and-learning or context. Outputs (1–4) must be results where higher is better. Anything else is refused with unsuitable_indicator naming it. An indicator cannot be both.',
    data: 'A country is scored when it has every input and output (for the year, or with latest=true the latest year of each indicator within max_age; the year used is reported per cell). The others are listed in left_out with what they lack; nothing is imputed. Values flagged zero-no-data are not used.',
    fdh: 'Free disposal hull (Deprins, Simar and Tulkens 1984; used for public-sector efficiency by Afonso, Schuknecht and Tanzi 2005). A country is compared only with observed countries that dominate it: input orientation θ = min over countries j producing at least as much of every output of maxᵢ xᵢⱼ / xᵢ; output orientation φ = max over countries j using no more of any input of minᵣ yᵣⱼ / yᵣ, score 1/φ. The one peer is that country (weight 1); the target is its inputs and outputs. No convexity and no solver.',
    dea_crs:
      'DEA with constant returns to scale (CCR: Charnes, Cooper and Rhodes 1978), envelopment form. Input orientation: min θ subject to Σⱼ λⱼ xᵢⱼ ≤ θ xᵢ for every input, Σⱼ λⱼ yᵣⱼ ≥ yᵣ for every output, λ ≥ 0. Output orientation: max φ subject to Σⱼ λⱼ xᵢⱼ ≤ xᵢ, Σⱼ λⱼ yᵣⱼ ≥ φ yᵣ. Under CRS the input score equals 1/φ.',
    dea_vrs:
      'DEA with variable returns to scale (BCC: Banker, Charnes and Cooper 1984): the same programmes with Σⱼ λⱼ = 1, so a country is compared only with mixes of countries of similar size. VRS scores are never below CRS scores; FDH scores are never below VRS scores.',
    two_phases:
      'Each DEA programme is solved in two phases (Cooper, Seiford and Tone 2007, ch. 3): phase 1 finds θ or φ; phase 2 fixes it and maximises the total slack, so the target Σ λⱼ xⱼ, Σ λⱼ yⱼ lies on the strongly efficient part of the frontier. A country with score 1 but non-zero slack (weakly efficient) has other countries as peers. Peers are the countries with λ > 1e-9, with their λ as weight.',
    orientation:
      'input (default): the score θ ≤ 1 says by how much every input could shrink with the same outputs ("the same outputs with 23 % less wage bill"). output: the score 1/φ ≤ 1, where φ ≥ 1 says by how much every output could grow with the same inputs; φ is reported as expansion.',
    returns_to_scale:
      'CRS assumes that doubling every input could double every output, which is rarely true of governments of very different sizes or incomes; VRS (default) drops that assumption at the price of more countries on the frontier. FDH drops convexity as well: only observed countries are benchmarks.',
    targets_and_gaps:
      'For every input and output: the value, the target and change = target − value; change_share = target / value − 1, given only when the value is positive and the indicator is not an interval-scale score (a percentage of a WGI estimate, whose zero is arbitrary, would mean nothing). Differences under 1e-9 of the value are round-off and shown as none.',
    negative_data:
      'Ratios need positive numbers, and WGI estimates are negative for several countries. Inputs must be positive. Outputs may be zero or negative only where the result does not depend on their zero point: input-oriented FDH (it compares outputs only by dominance) and input-oriented DEA-VRS, which is translation invariant in outputs (Ali and Seiford 1990; Pastor 1996) — the values are used as published, no shift is applied. DEA-CRS and output orientation divide by the outputs, so any shift (for example adding 2.5 to a WGI estimate) would change the scores arbitrarily: such requests are refused with unsuitable_data naming the indicator and the countries, rather than answered with a hidden translation. Use a positive version of the output (such as GE.PER.RNK, the percentile rank) if CRS or output orientation is needed.',
    robustness: {
      jackknife:
        'Leave-one-out: for each country, every other country in turn is removed from the comparison set and the score recomputed; jackknife.low and jackknife.high are the smallest and largest scores (the full-sample score is the low end, since removing a comparator can only raise a score). Only removing a peer can change a score, so only peers are re-solved. most_influential names the peer whose removal raises the score most.',
      frontier:
        'frontier.countries: those with score 1. frontier.rests_on: every country that is a peer of at least one country — the few observations the whole result depends on.',
      small_sample:
        'A rule of thumb (Banker et al. 1989; Cooper, Seiford and Tone 2007) asks for at least 3 × (inputs + outputs) countries. Below that, robustness.small_sample is true with a warning: with few countries many are on the frontier for lack of comparators.',
    },
    caveats: [
      'Perception-based outputs: WGI Government Effectiveness is a composite of surveys and expert perceptions with standard errors of about 0.2; differences smaller than that are noise, and a frontier built on them inherits it.',
      'Measurement error: DEA and FDH treat every value as exact. One mismeasured frontier country moves the scores of all the countries it serves as peer for; the leave-one-out range shows how much.',
      'Small n: 14 countries at most. With several inputs and outputs, most countries land on the frontier. Read scores as a description of the data, not a ranking of governments.',
      'Inputs are policy choices: a high wage bill may buy services outside the outputs measured (health, education, security), or reflect a larger public sector by design. A low score says the measured outputs are reached elsewhere with fewer of the measured inputs, not that the inputs are wasted.',
      'Years differ: with latest=true each indicator comes from its own latest year (wage bills often several years older than governance scores); the years are in each cell.',
      'No causality and no statistical noise model: these are deterministic frontiers (no confidence intervals beyond the leave-one-out range).',
    ],
    solver:
      'The linear programmes are solved with HiGHS (Huangfu and Hall 2018; University of Edinburgh, MIT licence) compiled to WebAssembly (npm highs). The Worker deployment does not carry it (3.5 MB, over the bundle budget): there DEA answers 501 not_implemented and FDH still works.',
  },
  themes: {
    taxonomy:
      'Every indicator belongs to one agenda theme: leadership, hr-and-talent, productivity-and-delivery, digital-transformation, training-and-learning, integrity, workforce-and-pay, context (names in English and Vietnamese at /v1/themes).',
    old_names:
      'Theme names from before the agenda taxonomy are still accepted by `theme=` with their old meaning: digital-government = the digital-transformation indicators of the UN E-Government Survey; effectiveness = the productivity-and-delivery and integrity indicators of the WGI (Government Effectiveness, Regulatory Quality, Control of Corruption, Rule of Law); training = the training-and-learning indicators of the CivScope training-mandates compilation. Indicators added since are listed only under the new names.',
    coverage:
      "An indicator's coverage counts the 14 countries with at least one value in any year and release, its first and latest year, and the countries reporting in its latest year. A theme's evidence is adequate when at least 2 indicators from at least 2 publishers (sources) each have values for 10 or more of the 14 countries; otherwise it is thin, and /v1/themes states the gap in words and names the countries with no value on any indicator of the theme. Counting publishers does not make them independent: the Blavatnik Index uses QoG Expert Survey and V-Dem items.",
  },
  sources: {
    blavatnik_index:
      'Blavatnik Index of Public Administration 2024 (bsg-bipa): every level with values is served as an indicator (the index, 4 domains, 16 themes, 32 indicators; codes BIPA.*), with its level and parent (indicator.hierarchy). Scores are 0–1, rescaled across the 120 countries of the Index. Each value keeps the rank BIPA published and its label ("=62" = tied): a rank among those 120 countries, never a rank within ASEAN; /v1/rankings re-ranks within the group you ask for. Brunei, Lao PDR, Timor-Leste and Japan are not among the 120 (excluded by its data-coverage assessment). The year 2024 is the edition; its sources date from 2019 to 2023. Metrics (the 82 rescaled source variables) are not served.',
    qog_expert_survey:
      'QoG Expert Survey 2020 (qog-expert-survey): country-level IRT estimates from expert assessments of merit, patronage, tenure, political interference and impartiality (with 95% credible-interval bounds), the 0–1 closedness items and two principal-component indices. One wave (2020); 10 of the 14 countries (not BRN, LAO, MMR, TLS). Free for non-commercial use with citation; commercial re-use is not permitted.',
    training:
      'Training-and-learning holds only policy mandates (minimum days or hours of training written in national texts), kept as policy figures, never as measured training: no comparable measure of civil-service training exists for these countries (see the note at /v1/themes).',
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
    'Every 200 carries an ETag derived from the data version and the normalised query, and Cache-Control: public, max-age=60, stale-while-revalidate=600 (immutable for one year when pinned with release= and countries=; a day with release= and a group, whose members can change). If-None-Match returns 304.',
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
      'The feature is not available on this deployment (PNG charts and DEA on the edge); the message says where it is.',
    unsuitable_indicator:
      'An indicator cannot play the role asked of it: an outcome as an input, or a neutral or lower-is-better indicator as an output (/v1/efficiency); `unsuitable_inputs` and `unsuitable_outputs` list them.',
    unsuitable_data:
      'The data cannot support the analysis: fewer than two countries with every input and output, or zero or negative values where a method divides by them; `left_out` or `non_positive` names the countries.',
    service_unavailable: 'The database cannot be reached; retry later.',
  },
  references: [
    'OECD/EC JRC (2008), Handbook on Constructing Composite Indicators: Methodology and User Guide, OECD Publishing, Paris.',
    'Kaufmann, D., A. Kraay and M. Mastruzzi (2010), The Worldwide Governance Indicators: Methodology and Analytical Issues, World Bank Policy Research Working Paper 5430.',
    'United Nations (2024), E-Government Survey 2024, Annex on methodology.',
    'Afonso, A., L. Schuknecht and V. Tanzi (2005), Public sector efficiency: an international comparison, Public Choice 123, 321–347.',
    'Charnes, A., W. W. Cooper and E. Rhodes (1978), Measuring the efficiency of decision making units, European Journal of Operational Research 2, 429–444.',
    'Banker, R. D., A. Charnes and W. W. Cooper (1984), Some models for estimating technical and scale inefficiencies in data envelopment analysis, Management Science 30, 1078–1092.',
    'Deprins, D., L. Simar and H. Tulkens (1984), Measuring labor-efficiency in post offices, in Marchand, Pestieau and Tulkens (eds.), The Performance of Public Enterprises, North-Holland.',
    'Cooper, W. W., L. M. Seiford and K. Tone (2007), Data Envelopment Analysis: A Comprehensive Text with Models, Applications, References and DEA-Solver Software, 2nd ed., Springer.',
    'Ali, A. I. and L. M. Seiford (1990), Translation invariance in data envelopment analysis, Operations Research Letters 9, 403–405; Pastor, J. T. (1996), Translation invariance in DEA: a generalization, Annals of Operations Research 66, 93–102.',
    'Huangfu, Q. and J. A. J. Hall (2018), Parallelizing the dual revised simplex method, Mathematical Programming Computation 10, 119–142 (HiGHS).',
    'RFC 4180 (CSV), RFC 9457 (problem details), RFC 9110 (ETag, If-None-Match); SDMX-CSV format specification (SDMX 3.0).',
  ],
} as const;
