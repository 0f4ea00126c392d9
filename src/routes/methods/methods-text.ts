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
    'Ordered best first using higher_is_better, competition ranks for ties, with the min-max score. An indicator with no better direction (higher_is_better null: a wage bill, an employment share) is listed highest value first with direction null and no score: its rank is only the position in that order. Coverage gives the members that reported and names those that did not. The group median is the median of the ranked values.',
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
    malmquist:
      "`/v1/efficiency/change?from=&to=`: the Malmquist productivity index (Färe, Grosskopf, Norris and Zhang 1994), input-oriented DEA under constant returns. With Eˢ(t) the score of a country's year-t data against the year-s frontier: M = √[E⁰(1)/E⁰(0) × E¹(1)/E¹(0)], efficiency change EC = E¹(1)/E⁰(0) (catching up), technical change TC = √[E⁰(1)/E¹(1) × E⁰(0)/E¹(0)] (the frontier's shift), M = EC × TC; above 1 a rise. Each year's frontier is made of the countries with every value in both years; E⁰(0) and E¹(1) are the scores `/v1/efficiency` gives with `method=dea-crs`, `orientation=input` and that year. Inputs and outputs must be positive. Tested against the published example of the Julia package `DataEnvelopmentAnalysis.jl` (`test/malmquist.jl`). The chart `/v1/charts/productivity-change` (same parameters) draws each country's index as a bar from 0 % on a log scale, where the two factors' distances add up to the bar, with efficiency change as a triangle, technical change as a square and the group's geometric mean as a dashed line from 3 countries.",
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
      bootstrap:
        "DEA only (bootstrap=2000 by default, 0 to skip; seed=20261207 by default): the smoothed bootstrap of Simar and Wilson (1998), with the reflected-sample draws of Simar and Wilson (2000). On the distance d = 1/score ≥ 1, each replication draws n distances from the estimates and their reflections 2 − d, adds normal noise of bandwidth h (Silverman's rule on the reflected distances of the countries off the frontier), rescales to the reflected sample's variance, reflects back above 1, puts each country at that distance from its projection on the estimated frontier, and scores every country against these pseudo countries. bias = score − bias_corrected; the 95 % interval is [d̂ − q(97.5 %), d̂ − q(2.5 %)] of the differences d* − d̂, turned back into scores; correct_bias is true when bias² exceeds a third of the variance (Simar and Wilson 2000), the case in which the bias-corrected score is the better estimate. Checked by simulation: with 14 units on a known frontier, 266 of 280 intervals (95.0 %) held the true efficiency. The replications' thousands of small programmes are solved with YALPS, a simplex in plain TypeScript (about 30 µs each; HiGHS takes 200–290 µs through WebAssembly), stopped after 4,096 pivots so that no programme can loop (a replication it cannot solve is left out): 2,000 replications of 13 countries take about 0.8 s. When not to use it: with fewer countries than 3 × (inputs + outputs) the intervals are wide and still too narrow (the smoothed bootstrap assumes the same distribution of inefficiency everywhere); FDH has no smoothed bootstrap (it answers without intervals).",
      second_stage:
        "control=NY.GDP.PCAP.CD (or another positive indicator): least squares of the bias-corrected scores on the control's logarithm, each country's control value the latest from the years its scores compare (widened by max_gap before them); slope, its standard error, t, R², the countries used and those left out. When not to use it: it is descriptive. Simar and Wilson (2007) show that a second stage on DEA scores needs a truncated regression with a double bootstrap for valid inference (the scores are serially correlated and bounded); with a dozen countries the slope describes the sample, not an effect of income.",
    },
    caveats: [
      'Perception-based outputs: WGI Government Effectiveness is a composite of surveys and expert perceptions with standard errors of about 0.2; differences smaller than that are noise, and a frontier built on them inherits it.',
      'Measurement error: DEA and FDH treat every value as exact. One mismeasured frontier country moves the scores of all the countries it serves as peer for; the leave-one-out range shows how much.',
      'Small n: 14 countries at most. With several inputs and outputs, most countries land on the frontier. Read scores as a description of the data, not a ranking of governments.',
      'Inputs are policy choices: a high wage bill may buy services outside the outputs measured (health, education, security), or reflect a larger public sector by design. A low score says the measured outputs are reached elsewhere with fewer of the measured inputs, not that the inputs are wasted.',
      'Years: without year, a country is read from its latest window of max_gap + 1 years holding every input and output (wage bills are often several years older than governance scores); the years are in each cell and in years_used.',
      'No causality: the bootstrap intervals measure how far the frontier estimated from these few countries may lie from the true one, not measurement error in the data nor what causes a score.',
    ],
    solver:
      'The linear programmes are solved with HiGHS (Huangfu and Hall 2018; University of Edinburgh, MIT licence) compiled to WebAssembly (npm highs). The Worker deployment does not carry it (3.5 MB, over the bundle budget): there DEA answers 501 not_implemented and FDH still works.',
  },
  themes: {
    taxonomy:
      'Every indicator belongs to one agenda theme: `leadership`, `hr-and-talent`, `productivity-and-delivery`, `digital-transformation`, `training-and-learning`, `integrity`, `workforce-and-pay`, `context` (names in English and Vietnamese at `/v1/themes`).',
    old_names:
      'Theme names from before the agenda taxonomy are still accepted by `theme=` with their old meaning: digital-government = the digital-transformation indicators of the UN E-Government Survey; effectiveness = the productivity-and-delivery and integrity indicators of the WGI (Government Effectiveness, Regulatory Quality, Control of Corruption, Rule of Law); training = the training-and-learning indicators of the CivScope training-mandates compilation. Indicators added since are listed only under the new names.',
    coverage:
      "An indicator's coverage counts the 14 countries with at least one value in any year and release, its first and latest year, and the countries reporting in its latest year. A theme's evidence is adequate when at least 2 indicators from at least 2 publishers (sources) each have values for 10 or more of the 14 countries; otherwise it is thin, and `/v1/themes` states the gap in words and names the countries with no value on any indicator of the theme. Counting publishers does not make them independent: the Blavatnik Index uses QoG Expert Survey and V-Dem items.",
  },
  sources: {
    blavatnik_index:
      'Blavatnik Index of Public Administration 2024 (`bsg-bipa`): every level with values is served as an indicator (the index, 4 domains, 16 themes, 32 indicators; codes `BIPA.*`), with its level and parent (`indicator.hierarchy`). Scores are 0–1, rescaled across the 120 countries of the Index. Each value keeps the rank BIPA published and its label ("=62" = tied): a rank among those 120 countries, never a rank within ASEAN; `/v1/rankings` re-ranks within the group you ask for. Brunei, Lao PDR, Timor-Leste and Japan are not among the 120 (excluded by its data-coverage assessment). The year 2024 is the edition; its sources date from 2019 to 2023. Metrics (the 82 rescaled source variables) are not served.',
    qog_expert_survey:
      'QoG Expert Survey 2020 (qog-expert-survey): country-level IRT estimates from expert assessments of merit, patronage, tenure, political interference and impartiality (with 95% credible-interval bounds), the 0–1 closedness items and two principal-component indices. One wave (2020); 10 of the 14 countries (not BRN, LAO, MMR, TLS). Free for non-commercial use with citation; commercial re-use is not permitted.',
    training:
      'Training-and-learning holds only policy mandates (minimum days or hours of training written in national texts), kept as policy figures, never as measured training: no comparable measure of civil-service training exists for these countries (see the note at `/v1/themes`).',
  },
  changes:
    'Compares the current values of each source as of since_release (its publication date) or since, with its current values now: added, changed and removed. A value counts as changed only when the two numbers round to different float32 values: some sources publish the same float32 estimate with 15 digits in one release and 17 in the next (WGI GE.EST 0.478994995355606 in 2023, 0.4789949953556061 in 2024), which is not a revision. Values are still stored and served exactly as published. A partial release replaces only the years it covers.',
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
    'Färe, R., S. Grosskopf, M. Norris and Z. Zhang (1994), Productivity growth, technical progress, and efficiency change in industrialized countries, American Economic Review 84, 66–83.',
    'Cooper, W. W., L. M. Seiford and K. Tone (2007), Data Envelopment Analysis: A Comprehensive Text with Models, Applications, References and DEA-Solver Software, 2nd ed., Springer.',
    'Ali, A. I. and L. M. Seiford (1990), Translation invariance in data envelopment analysis, Operations Research Letters 9, 403–405; Pastor, J. T. (1996), Translation invariance in DEA: a generalization, Annals of Operations Research 66, 93–102.',
    'Huangfu, Q. and J. A. J. Hall (2018), Parallelizing the dual revised simplex method, Mathematical Programming Computation 10, 119–142 (HiGHS).',
    'RFC 4180 (CSV), RFC 9457 (problem details), RFC 9110 (ETag, If-None-Match); SDMX-CSV format specification (SDMX 3.0).',
  ],
} as const;

/** A structure of the same shape whose leaves are strings: a translation must cover every entry. */
export type Translated<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { readonly [K in keyof T]: Translated<T[K]> };

/** The same methods in Vietnamese, key for key (the type makes a missing entry a compile error). */
export const METHODS_VI: Translated<typeof METHODS> = {
  current_value: {
    rule: 'Giá trị của một chỉ số cho một quốc gia và một năm là giá trị lấy từ phiên bản dữ liệu mới nhất có giá trị đó: ngày công bố muộn nhất, sau đó đến mã phiên bản. Các phiên bản cũ vẫn được giữ lại. `as_of=YYYY-MM-DD` chỉ dùng các phiên bản công bố vào hoặc trước ngày đó; `release=ID` chỉ dùng đúng phiên bản đó.',
  },
  membership: {
    current:
      'Mặc định. Một nhóm nghĩa là các thành viên hiện nay, áp dụng cho mọi năm — theo quy ước tổng hợp của Ngân hàng Thế giới và OECD. ASEAN có 11 thành viên từ ngày 26/10/2025 (Ti-mo Lét-xtê).',
    historical:
      '`membership=historical`: một quốc gia chỉ được tính cho năm Y nếu là thành viên vào ngày 31 tháng 12 của năm Y. ASEAN năm 2024 có 10 thành viên.',
  },
  latest:
    '`latest=true`: giá trị có năm gần nhất của mỗi quốc gia, kèm năm thực của giá trị đó. `max_age=N` bỏ các giá trị cũ hơn giá trị mới nhất trong kết quả quá N năm.',
  normalisation: {
    peer_set:
      'Được tính trong phạm vi các quốc gia của yêu cầu và, trừ lát cắt `latest=true`, trong từng năm. Các giá trị gắn cờ `zero-no-data` được hiển thị nhưng không bao giờ tham gia tính toán.',
    minmax:
      'điểm = 100 × (x − min) / (max − min); với chỉ số mà giá trị thấp hơn là tốt hơn, điểm = 100 × (max − x) / (max − min). 100 là tốt nhất trong nhóm so sánh. Không xác định (null) khi mọi giá trị bằng nhau.',
    zscore:
      'z = (x − trung bình) / σ, với độ lệch chuẩn tổng thể σ = √(Σ(x − trung bình)² / n). Dấu không đảo theo chiều tốt/xấu. Null khi σ = 0.',
    rank: 'Xếp hạng kiểu thi đấu ("1224"): 1 là tốt nhất; các giá trị bằng nhau có cùng thứ hạng và thứ hạng kế tiếp bị bỏ qua. Chỉ số không có chiều chuẩn tắc được sắp từ cao xuống thấp.',
    percentile:
      'phân vị = 100 × (số giá trị bị vượt + ½ × (số giá trị bằng − 1)) / (n − 1): 100 cho quốc gia tốt nhất, 0 cho quốc gia kém nhất; null khi nhóm so sánh chỉ có một nước.',
    index:
      '`index:<năm>`: 100 × x / x(năm gốc) của cùng quốc gia, từ cùng phiên bản dữ liệu; null khi giá trị năm gốc bị thiếu hoặc bằng 0.',
    per_capita:
      'x / dân số (`SP.POP.TOTL`) của cùng quốc gia và năm, từ cùng phiên bản dữ liệu. Chỉ áp dụng cho số tổng (thang `count` hoặc `amount`); chỉ số, tỷ lệ, điểm, thứ hạng và hệ số bị từ chối với mã `incompatible_normalisation`.',
  },
  rankings:
    'Sắp xếp từ tốt nhất theo `higher_is_better`, xếp hạng kiểu thi đấu khi bằng nhau, kèm điểm min-max. Chỉ số không có chiều tốt hơn (`higher_is_better` là null: quỹ lương, tỷ trọng việc làm) được liệt kê từ giá trị cao nhất, với `direction` là null và không có điểm: thứ hạng khi đó chỉ là vị trí trong thứ tự này. Phần `coverage` cho biết các thành viên có báo cáo và nêu tên các thành viên không có số liệu. Trung vị của nhóm là trung vị của các giá trị được xếp hạng.',
  profiles:
    'Với mỗi chỉ số: giá trị của quốc gia (năm được yêu cầu, hoặc năm gần nhất) và thứ hạng trong số các thành viên của nhóm có số liệu cùng năm; giá trị nhỏ nhất, trung vị (trung bình của hai giá trị giữa khi số lượng chẵn), trung bình và lớn nhất của nhóm; biên tốt nhất (giá trị tốt nhất trong nhóm và nước đạt được) và khoảng cách tuyệt đối tới biên; thay đổi so với lần quan sát trước đó của quốc gia.',
  aggregates: {
    rule: 'Theo từng năm, trên các thành viên có báo cáo; không giá trị nào được ước tính bù. Độ bao phủ = số nước báo cáo / số thành viên, nêu tên các thành viên thiếu số liệu.',
    population_weighted:
      'Σ(x × dân số) / Σ dân số trên các thành viên có báo cáo và có số liệu dân số của năm đó; thành viên không có số liệu dân số được liệt kê trong `not_weighted`.',
  },
  composite: {
    rule: 'Mỗi thành phần được chuẩn hoá min-max (0–100, 100 = tốt nhất) trong nhóm so sánh; trọng số được chia cho tổng của chúng; chỉ số tổng hợp là Σ wᵢ × điểmᵢ. `missing=skip`: quốc gia thiếu thành phần được tính trên các thành phần có, trọng số được điều chỉnh lại để tổng bằng 1. `missing=exclude`: quốc gia đó không có điểm.',
    sensitivity:
      'Lần lượt từng trọng số: mỗi trọng số được nhân với 0,5 và 1,5, chuẩn hoá lại trọng số và tính lại thứ hạng (2 × k kịch bản). Mỗi quốc gia có thứ hạng tốt nhất và kém nhất qua các kịch bản đó và kịch bản gốc.',
  },
  efficiency: {
    question:
      '`/v1/efficiency`: quốc gia nào đạt được nhiều đầu ra nhất (hiệu quả của Chính phủ, Chính phủ điện tử…) với các đầu vào đã sử dụng (quỹ lương, việc làm khu vực công…)? Mỗi quốc gia được so sánh với thực tiễn tốt nhất quan sát được trong các quốc gia của yêu cầu — một đường biên tương đối, không phải chuẩn tuyệt đối.',
    roles:
      'Đầu vào (1–3) phải là nguồn lực: các chỉ số không có chiều tốt/xấu (nhiều hơn tự nó không tốt cũng không xấu) thuộc các chủ đề `workforce-and-pay`, `training-and-learning` hoặc `context`. Đầu ra (1–4) phải là kết quả mà giá trị cao hơn là tốt hơn. Mọi trường hợp khác bị từ chối với mã `unsuitable_indicator` nêu tên chỉ số. Một chỉ số không thể vừa là đầu vào vừa là đầu ra.',
    data: 'Một quốc gia được chấm điểm khi có đủ mọi đầu vào và đầu ra (trong năm được yêu cầu, hoặc với `latest=true` là năm gần nhất của từng chỉ số trong giới hạn `max_age`; năm được dùng ghi trong từng ô). Các quốc gia khác được liệt kê trong `left_out` kèm những gì còn thiếu; không giá trị nào được ước tính bù. Các giá trị gắn cờ `zero-no-data` không được dùng.',
    fdh: 'Bao tự do loại bỏ (FDH; Deprins, Simar và Tulkens 1984; được Afonso, Schuknecht và Tanzi 2005 dùng cho hiệu quả khu vực công). Một quốc gia chỉ được so sánh với các quốc gia quan sát được trội hơn nó: theo hướng đầu vào θ = giá trị nhỏ nhất, trên các quốc gia j tạo ra mỗi đầu ra ít nhất bằng, của maxᵢ xᵢⱼ / xᵢ; theo hướng đầu ra φ = giá trị lớn nhất, trên các quốc gia j dùng mỗi đầu vào không nhiều hơn, của minᵣ yᵣⱼ / yᵣ, điểm 1/φ. Quốc gia đối chiếu duy nhất là quốc gia đó (trọng số 1); mục tiêu là đầu vào và đầu ra của nó. Không giả định lồi và không cần bộ giải.',
    dea_crs:
      'DEA với lợi suất không đổi theo quy mô (CCR: Charnes, Cooper và Rhodes 1978), dạng bao. Hướng đầu vào: min θ với điều kiện Σⱼ λⱼ xᵢⱼ ≤ θ xᵢ cho mọi đầu vào, Σⱼ λⱼ yᵣⱼ ≥ yᵣ cho mọi đầu ra, λ ≥ 0. Hướng đầu ra: max φ với điều kiện Σⱼ λⱼ xᵢⱼ ≤ xᵢ, Σⱼ λⱼ yᵣⱼ ≥ φ yᵣ. Với CRS, điểm theo hướng đầu vào bằng 1/φ.',
    dea_vrs:
      'DEA với lợi suất biến đổi theo quy mô (BCC: Banker, Charnes và Cooper 1984): cùng các bài toán trên thêm điều kiện Σⱼ λⱼ = 1, nên một quốc gia chỉ được so sánh với tổ hợp các quốc gia có quy mô tương tự. Điểm VRS không bao giờ thấp hơn điểm CRS; điểm FDH không bao giờ thấp hơn điểm VRS.',
    malmquist:
      '`/v1/efficiency/change?from=&to=`: chỉ số năng suất Malmquist (Färe, Grosskopf, Norris và Zhang 1994), DEA định hướng đầu vào với lợi suất không đổi theo quy mô. Gọi Eˢ(t) là điểm của số liệu năm t của một quốc gia so với đường biên năm s: M = √[E⁰(1)/E⁰(0) × E¹(1)/E¹(0)], thay đổi hiệu quả EC = E¹(1)/E⁰(0) (bắt kịp), thay đổi công nghệ TC = √[E⁰(1)/E¹(1) × E⁰(0)/E¹(0)] (sự dịch chuyển của đường biên), M = EC × TC; lớn hơn 1 là tăng. Đường biên của mỗi năm gồm các quốc gia có đủ giá trị ở cả hai năm; E⁰(0) và E¹(1) chính là điểm mà `/v1/efficiency` cho với `method=dea-crs`, `orientation=input` và năm đó. Đầu vào và đầu ra phải dương. Được kiểm thử với ví dụ đã công bố của gói Julia `DataEnvelopmentAnalysis.jl` (`test/malmquist.jl`). Biểu đồ `/v1/charts/productivity-change` (cùng tham số) vẽ chỉ số của mỗi nước thành một thanh từ 0 % trên thang log, nơi khoảng cách của hai thành phần cộng lại bằng thanh, với thay đổi hiệu quả là hình tam giác, thay đổi công nghệ là hình vuông và trung bình nhân của nhóm là đường nét đứt khi có từ 3 nước.',
    two_phases:
      'Mỗi bài toán DEA được giải theo hai pha (Cooper, Seiford và Tone 2007, chương 3): pha 1 tìm θ hoặc φ; pha 2 cố định giá trị đó và cực đại hoá tổng phần dư, để mục tiêu Σ λⱼ xⱼ, Σ λⱼ yⱼ nằm trên phần hiệu quả mạnh của đường biên. Một quốc gia có điểm 1 nhưng phần dư khác 0 (hiệu quả yếu) có các quốc gia khác làm đối chiếu. Quốc gia đối chiếu là các quốc gia có λ > 1e-9, với λ là trọng số.',
    orientation:
      '`input` (mặc định): điểm θ ≤ 1 cho biết mọi đầu vào có thể giảm bao nhiêu mà vẫn giữ nguyên đầu ra ("cùng đầu ra với quỹ lương ít hơn 23 %"). `output`: điểm 1/φ ≤ 1, trong đó φ ≥ 1 cho biết mọi đầu ra có thể tăng bao nhiêu với cùng đầu vào; φ được báo cáo là `expansion`.',
    returns_to_scale:
      'CRS giả định rằng tăng gấp đôi mọi đầu vào có thể tăng gấp đôi mọi đầu ra, điều hiếm khi đúng với các chính phủ có quy mô hoặc thu nhập rất khác nhau; VRS (mặc định) bỏ giả định đó, đổi lại có nhiều quốc gia nằm trên đường biên hơn. FDH bỏ cả giả định lồi: chỉ các quốc gia quan sát được mới là chuẩn đối chiếu.',
    targets_and_gaps:
      'Với mỗi đầu vào và đầu ra: giá trị, mục tiêu và `change` = mục tiêu − giá trị; `change_share` = mục tiêu / giá trị − 1, chỉ đưa ra khi giá trị dương và chỉ số không phải là điểm theo thang khoảng (phần trăm của một ước lượng WGI, vốn có điểm 0 tuỳ ý, sẽ vô nghĩa). Chênh lệch dưới 1e-9 của giá trị là sai số làm tròn và được hiển thị là không có.',
    negative_data:
      'Các tỷ số cần số dương, trong khi ước lượng WGI âm ở một số quốc gia. Đầu vào phải dương. Đầu ra chỉ được bằng 0 hoặc âm khi kết quả không phụ thuộc vào điểm 0 của chúng: FDH theo hướng đầu vào (chỉ so sánh đầu ra theo quan hệ trội) và DEA-VRS theo hướng đầu vào, vốn bất biến với phép tịnh tiến đầu ra (Ali và Seiford 1990; Pastor 1996) — giá trị được dùng như công bố, không tịnh tiến. DEA-CRS và hướng đầu ra chia cho đầu ra, nên mọi phép tịnh tiến (ví dụ cộng 2,5 vào ước lượng WGI) sẽ làm thay đổi điểm một cách tuỳ tiện: các yêu cầu như vậy bị từ chối với mã `unsuitable_data` nêu tên chỉ số và quốc gia, thay vì trả lời bằng một phép tịnh tiến ẩn. Hãy dùng một phiên bản dương của đầu ra (như `GE.PER.RNK`, thứ hạng phân vị) nếu cần CRS hoặc hướng đầu ra.',
    robustness: {
      jackknife:
        'Bỏ từng quốc gia: với mỗi quốc gia, lần lượt từng quốc gia khác bị loại khỏi tập so sánh và điểm được tính lại; `jackknife.low` và `jackknife.high` là điểm nhỏ nhất và lớn nhất (điểm của toàn mẫu là cận dưới, vì loại một quốc gia so sánh chỉ có thể làm điểm tăng). Chỉ việc loại một quốc gia đối chiếu mới làm điểm thay đổi, nên chỉ các quốc gia đối chiếu được giải lại. `most_influential` nêu tên quốc gia đối chiếu mà việc loại bỏ làm điểm tăng nhiều nhất.',
      frontier:
        '`frontier.countries`: các quốc gia có điểm 1. `frontier.rests_on`: mọi quốc gia là đối chiếu của ít nhất một quốc gia — số ít quan sát mà toàn bộ kết quả phụ thuộc vào.',
      small_sample:
        'Một quy tắc kinh nghiệm (Banker và cộng sự 1989; Cooper, Seiford và Tone 2007) đòi hỏi ít nhất 3 × (số đầu vào + số đầu ra) quốc gia. Dưới mức đó, `robustness.small_sample` là `true` kèm cảnh báo: khi có ít quốc gia, nhiều nước nằm trên đường biên vì thiếu đối tượng so sánh.',
      bootstrap:
        'Chỉ với DEA (mặc định `bootstrap=2000`, 0 để bỏ qua; mặc định `seed=20261207`): bootstrap làm trơn của Simar và Wilson (1998), với cách rút từ mẫu phản xạ của Simar và Wilson (2000). Trên khoảng cách d = 1/điểm ≥ 1, mỗi lần lặp rút n khoảng cách từ các ước lượng và ảnh phản xạ 2 − d của chúng, cộng nhiễu chuẩn với độ rộng h (quy tắc Silverman trên khoảng cách phản xạ của các nước nằm ngoài đường biên), điều chỉnh về phương sai của mẫu phản xạ, phản xạ trở lại trên 1, đặt mỗi nước ở khoảng cách đó so với hình chiếu của nó trên đường biên ước lượng, rồi tính điểm của mọi nước so với các nước giả lập này. `bias` = điểm − `bias_corrected`; khoảng tin cậy 95 % là [d̂ − q(97,5 %), d̂ − q(2,5 %)] của các chênh lệch d* − d̂, đổi lại thành điểm; `correct_bias` là `true` khi bình phương độ chệch lớn hơn một phần ba phương sai (Simar và Wilson 2000), khi đó điểm đã hiệu chỉnh là ước lượng tốt hơn. Kiểm tra bằng mô phỏng: với 14 đơn vị trên một đường biên đã biết, 266 trên 280 khoảng (95,0 %) chứa hiệu quả thực. Hàng nghìn bài toán nhỏ của các lần lặp được giải bằng YALPS, một thuật toán đơn hình viết bằng TypeScript thuần (khoảng 30 µs mỗi bài; HiGHS mất 200–290 µs qua WebAssembly), dừng sau 4.096 bước xoay để không bài toán nào lặp vô hạn (lần lặp không giải được thì bị bỏ ra): 2.000 lần lặp với 13 nước mất khoảng 0,8 giây. Khi nào không nên dùng: với ít nước hơn 3 × (số đầu vào + số đầu ra), các khoảng rộng mà vẫn còn quá hẹp (bootstrap làm trơn giả định phân phối phi hiệu quả như nhau ở mọi nơi); FDH không có bootstrap làm trơn (trả lời không kèm khoảng tin cậy).',
      second_stage:
        '`control=NY.GDP.PCAP.CD` (hoặc một chỉ số dương khác): hồi quy bình phương nhỏ nhất của điểm đã hiệu chỉnh độ chệch theo logarit của biến kiểm soát, giá trị của mỗi nước là giá trị gần nhất trong các năm mà điểm của nước đó so sánh (mở rộng thêm `max_gap` năm về trước); hệ số, sai số chuẩn, t, R², các nước được dùng và các nước bị bỏ ra. Khi nào không nên dùng: đây chỉ là mô tả. Simar và Wilson (2007) chỉ ra rằng giai đoạn hai trên điểm DEA cần hồi quy cắt cụt với bootstrap kép để suy luận hợp lệ (các điểm tương quan với nhau và bị chặn); với khoảng mười nước, hệ số mô tả mẫu, không phải tác động của thu nhập.',
    },
    caveats: [
      'Đầu ra dựa trên cảm nhận: Hiệu quả của Chính phủ (WGI) tổng hợp từ các khảo sát và đánh giá chuyên gia, với sai số chuẩn khoảng 0,2; chênh lệch nhỏ hơn mức đó là nhiễu, và đường biên dựng trên chúng cũng mang nhiễu đó.',
      'Sai số đo lường: DEA và FDH coi mọi giá trị là chính xác. Một quốc gia trên đường biên bị đo sai sẽ làm thay đổi điểm của mọi quốc gia lấy nó làm đối chiếu; khoảng bỏ từng quốc gia cho thấy mức độ ảnh hưởng.',
      'Số quan sát nhỏ: tối đa 14 quốc gia. Với nhiều đầu vào và đầu ra, phần lớn quốc gia nằm trên đường biên. Hãy đọc điểm như một mô tả dữ liệu, không phải bảng xếp hạng các chính phủ.',
      'Đầu vào là lựa chọn chính sách: quỹ lương cao có thể mua các dịch vụ nằm ngoài các đầu ra được đo (y tế, giáo dục, an ninh), hoặc phản ánh khu vực công lớn theo thiết kế. Điểm thấp cho biết các đầu ra được đo đạt được ở nơi khác với ít đầu vào được đo hơn, không có nghĩa là đầu vào bị lãng phí.',
      'Năm: khi không có `year`, mỗi nước được đọc từ khoảng `max_gap` + 1 năm gần nhất có đủ mọi đầu vào và đầu ra (quỹ lương thường cũ hơn điểm quản trị vài năm); năm ghi trong từng ô và trong `years_used`.',
      'Không có quan hệ nhân quả: khoảng tin cậy bootstrap đo mức đường biên ước lượng từ số ít nước này có thể lệch so với đường biên thực, không đo sai số đo lường của số liệu hay nguyên nhân của một điểm số.',
    ],
    solver:
      'Các bài toán quy hoạch tuyến tính được giải bằng HiGHS (Huangfu và Hall 2018; Đại học Edinburgh, giấy phép MIT) biên dịch sang WebAssembly (gói npm `highs`). Bản triển khai trên Cloudflare Workers không mang theo bộ giải này (3,5 MB, vượt ngân sách dung lượng): ở đó DEA trả về 501 `not_implemented` còn FDH vẫn hoạt động.',
  },
  themes: {
    taxonomy:
      'Mỗi chỉ số thuộc một chủ đề của chương trình nghị sự: `leadership`, `hr-and-talent`, `productivity-and-delivery`, `digital-transformation`, `training-and-learning`, `integrity`, `workforce-and-pay`, `context` (tên bằng tiếng Anh và tiếng Việt tại `/v1/themes`).',
    old_names:
      'Tên chủ đề cũ (trước phân loại theo chương trình nghị sự) vẫn được `theme=` chấp nhận với nghĩa cũ: `digital-government` = các chỉ số chuyển đổi số của Khảo sát Chính phủ điện tử Liên Hợp Quốc; `effectiveness` = các chỉ số năng suất, cung ứng dịch vụ và liêm chính của WGI (Hiệu quả Chính phủ, Chất lượng Quản lý, Kiểm soát Tham nhũng, Pháp quyền); training = các chỉ số đào tạo và học tập của bộ tổng hợp quy định đào tạo CivScope. Các chỉ số bổ sung sau chỉ được liệt kê theo tên mới.',
    coverage:
      'Độ bao phủ của một chỉ số đếm số quốc gia (trong 14) có ít nhất một giá trị ở bất kỳ năm và phiên bản nào, năm đầu tiên và năm mới nhất, và các quốc gia có số liệu trong năm mới nhất. Bằng chứng của một chủ đề là đủ khi có ít nhất 2 chỉ số từ ít nhất 2 nhà công bố (nguồn), mỗi chỉ số có giá trị cho 10 quốc gia trở lên trong 14; nếu không thì là mỏng, và `/v1/themes` nêu khoảng trống bằng lời và kể tên các quốc gia không có giá trị cho chỉ số nào của chủ đề. Đếm số nhà công bố không làm cho họ độc lập: Chỉ số Blavatnik sử dụng các mục của Khảo sát Chuyên gia QoG và V-Dem.',
  },
  sources: {
    blavatnik_index:
      'Chỉ số Hành chính công Blavatnik 2024 (`bsg-bipa`): mọi cấp có giá trị đều được cung cấp như một chỉ số (chỉ số tổng, 4 lĩnh vực, 16 chủ đề, 32 chỉ số; mã `BIPA.*`), kèm cấp và cấp cha (`indicator.hierarchy`). Điểm từ 0–1, được chuẩn hóa lại trên 120 quốc gia của Chỉ số. Mỗi giá trị giữ thứ hạng BIPA công bố và nhãn của nó ("=62" = đồng hạng): thứ hạng trong 120 quốc gia đó, không bao giờ là thứ hạng trong ASEAN; `/v1/rankings` xếp hạng lại trong nhóm bạn yêu cầu. Brunei, Lào, Timor-Leste và Nhật Bản không nằm trong 120 quốc gia (bị loại theo đánh giá độ bao phủ dữ liệu). Năm 2024 là năm của ấn bản; nguồn của nó có niên đại từ 2019 đến 2023. Các biến đo (82 biến nguồn đã chuẩn hóa) không được cung cấp.',
    qog_expert_survey:
      'Khảo sát Chuyên gia QoG 2020 (qog-expert-survey): ước lượng IRT cấp quốc gia từ đánh giá của chuyên gia về trọng dụng nhân tài, bảo trợ, nhiệm kỳ, can thiệp chính trị và tính khách quan (kèm cận khoảng tin cậy 95%), các mục về tính khép kín thang 0–1 và hai chỉ số thành phần chính. Một đợt (2020); 10 trong 14 quốc gia (không có BRN, LAO, MMR, TLS). Miễn phí cho mục đích phi thương mại khi trích dẫn; không được tái sử dụng cho mục đích thương mại.',
    training:
      'Đào tạo và học tập chỉ gồm các quy định chính sách (số ngày hoặc số giờ đào tạo tối thiểu ghi trong văn bản quốc gia), được giữ như số liệu chính sách, không bao giờ như đào tạo đo lường được: không có thước đo so sánh được về đào tạo công chức cho các quốc gia này (xem ghi chú tại `/v1/themes`).',
  },
  changes:
    'So sánh các giá trị hiện hành của mỗi nguồn tại thời điểm `since_release` (ngày công bố của phiên bản đó) hoặc `since`, với các giá trị hiện hành bây giờ: thêm mới, thay đổi và bị xoá. Một giá trị chỉ được coi là thay đổi khi hai số làm tròn thành hai giá trị float32 khác nhau: có nguồn công bố cùng một ước lượng float32 với 15 chữ số ở phiên bản này và 17 chữ số ở phiên bản sau (WGI GE.EST 0.478994995355606 năm 2023, 0.4789949953556061 năm 2024), đó không phải là sửa đổi. Giá trị vẫn được lưu và trả về đúng như nguồn công bố. Một phiên bản từng phần chỉ thay thế các năm nó bao phủ.',
  formats: {
    csv: 'RFC 4180: kết thúc dòng CRLF, một dòng tiêu đề, trường được đặt trong dấu ngoặc kép khi chứa dấu phẩy, dấu ngoặc kép hoặc xuống dòng. Giá trị được ghi ở dạng ngắn nhất mà khi đọc lại cho đúng số float64 ban đầu.',
    sdmx_csv:
      'Các cột SDMX-CSV: `STRUCTURE, STRUCTURE_ID, ACTION, REF_AREA, INDICATOR, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE, OBS_STATUS`. `OBS_STATUS` theo `CL_OBS_STATUS`: `A` (bình thường) hoặc `U` (độ tin cậy thấp: `zero-no-data`, `confidence-low`).',
  },
  flags: {
    'zero-no-data':
      'Được công bố là 0, nhiều khả năng có nghĩa là "không có số liệu" (Khảo sát Chính phủ điện tử của Liên Hợp Quốc: HCI của TLS 2003–04, TII của TLS 2003–05, TII của MMR 2012). Giữ nguyên như công bố; không đưa vào tính toán.',
    'repeated-value': 'Nguồn lặp lại đúng giá trị của năm trước; giữ nguyên như công bố.',
    'confidence-high': 'Quy định về đào tạo lấy từ văn bản chính thức hoặc kênh tin tức chính thức.',
    'confidence-medium':
      'Quy định về đào tạo được dẫn lại qua nguồn thứ cấp (thông báo của cơ quan, bài trình bày, báo chí).',
    'confidence-low': 'Quy định về đào tạo từ nguồn không ghi ngày hoặc không chính thức.',
  },
  caching:
    'Mỗi phản hồi 200 có `ETag` suy ra từ phiên bản dữ liệu và truy vấn đã chuẩn hoá, cùng `Cache-Control: public, max-age=60, stale-while-revalidate=600` (bất biến trong một năm khi cố định bằng `release=`). `If-None-Match` trả về 304.',
  errors: {
    invalid_parameter:
      'Một tham số sai định dạng, ngoài phạm vi hoặc mâu thuẫn với tham số khác; trường `parameter` nêu tên tham số đó.',
    unknown_country: 'Một mã quốc gia không thuộc 14 quốc gia ASEAN+3; trường `unknown` liệt kê các mã đó.',
    unknown_group: 'Một mã nhóm không phải ASEAN hay ASEAN+3; trường `valid_values` liệt kê các mã hợp lệ.',
    unknown_indicator: 'Một mã chỉ số không có trong danh mục (`/v1/indicators`).',
    unknown_release: 'Một mã phiên bản dữ liệu chưa được nạp (`/v1/releases`).',
    incompatible_normalisation:
      'Phép chuẩn hoá không áp dụng được cho chỉ số (`per_capita` trên một chỉ số tổng hợp, tỷ lệ hoặc điểm).',
    not_found: 'Không có đường dẫn này.',
    not_implemented:
      'Tính năng không có trên bản triển khai này (biểu đồ PNG và DEA ở biên mạng); thông báo cho biết nơi có tính năng đó.',
    unsuitable_indicator:
      'Một chỉ số không thể đảm nhận vai trò được yêu cầu: một kết quả được dùng làm đầu vào, hoặc một chỉ số trung tính hay thấp-hơn-là-tốt-hơn được dùng làm đầu ra (`/v1/efficiency`); `unsuitable_inputs` và `unsuitable_outputs` liệt kê các chỉ số đó.',
    unsuitable_data:
      'Dữ liệu không đủ cho phân tích: ít hơn hai quốc gia có đủ mọi đầu vào và đầu ra, hoặc có giá trị bằng 0 hay âm ở nơi phương pháp phải chia cho chúng; `left_out` hoặc `non_positive` nêu tên các quốc gia.',
    service_unavailable: 'Không kết nối được cơ sở dữ liệu; hãy thử lại sau.',
  },
  references: [
    'OECD/EC JRC (2008), Handbook on Constructing Composite Indicators: Methodology and User Guide (Sổ tay xây dựng chỉ số tổng hợp), OECD Publishing, Paris.',
    'Kaufmann, D., A. Kraay và M. Mastruzzi (2010), The Worldwide Governance Indicators: Methodology and Analytical Issues (Bộ chỉ số quản trị toàn cầu: phương pháp và các vấn đề phân tích), Tài liệu nghiên cứu chính sách của Ngân hàng Thế giới số 5430.',
    'Liên Hợp Quốc (2024), E-Government Survey 2024 (Khảo sát Chính phủ điện tử 2024), Phụ lục về phương pháp.',
    'Afonso, A., L. Schuknecht và V. Tanzi (2005), Public sector efficiency: an international comparison, Public Choice 123, 321–347.',
    'Charnes, A., W. W. Cooper và E. Rhodes (1978), Measuring the efficiency of decision making units, European Journal of Operational Research 2, 429–444.',
    'Banker, R. D., A. Charnes và W. W. Cooper (1984), Some models for estimating technical and scale inefficiencies in data envelopment analysis, Management Science 30, 1078–1092.',
    'Deprins, D., L. Simar và H. Tulkens (1984), Measuring labor-efficiency in post offices, trong Marchand, Pestieau và Tulkens (chủ biên), The Performance of Public Enterprises, North-Holland.',
    'Färe, R., S. Grosskopf, M. Norris và Z. Zhang (1994), Productivity growth, technical progress, and efficiency change in industrialized countries, American Economic Review 84, 66–83.',
    'Cooper, W. W., L. M. Seiford và K. Tone (2007), Data Envelopment Analysis: A Comprehensive Text with Models, Applications, References and DEA-Solver Software, tái bản lần 2, Springer.',
    'Ali, A. I. và L. M. Seiford (1990), Translation invariance in data envelopment analysis, Operations Research Letters 9, 403–405; Pastor, J. T. (1996), Translation invariance in DEA: a generalization, Annals of Operations Research 66, 93–102.',
    'Huangfu, Q. và J. A. J. Hall (2018), Parallelizing the dual revised simplex method, Mathematical Programming Computation 10, 119–142 (HiGHS).',
    'RFC 4180 (CSV), RFC 9457 (chi tiết lỗi), RFC 9110 (ETag, If-None-Match); đặc tả định dạng SDMX-CSV (SDMX 3.0).',
  ],
};
