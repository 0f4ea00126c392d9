/**
 * Three-letter codes that sources use for things known NOT to be one of our countries, beside the
 * ISO 3166-1 alpha-3 codes (from i18n-iso-countries): rows with them are skipped and counted by
 * kind. Any other code outside the registry is an error (a typo such as VMN must not drop Viet Nam).
 */

/** World Bank aggregates (regions, income and lending groups), as the WDI bulk files list them. */
export const WORLD_BANK_AGGREGATES: ReadonlySet<string> = new Set(
  (
    'AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC ' +
    'LMC LMY LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD'
  ).split(' '),
);

/** ILOSTAT's regional and income aggregates are coded X01, X02, … */
const ILOSTAT_AGGREGATE = /^X\d\d$/;

/**
 * Economies and territories without an ISO 3166-1 alpha-3 code, as sources code them: Kosovo (World
 * Bank XKX, ILOSTAT KOS), the Channel Islands (CHI), and V-Dem's Palestine/Gaza (XPG), Somaliland
 * (XSL) and Zanzibar (EAZ), and the former Netherlands Antilles (ANT, withdrawn from ISO 3166 in 2010,
 * kept by the WGI for its years before the split).
 */
export const OTHER_ECONOMIES: ReadonlySet<string> = new Set(['XKX', 'KOS', 'CHI', 'XPG', 'XSL', 'EAZ', 'ANT']);

export function isAggregateCode(code: string): boolean {
  return WORLD_BANK_AGGREGATES.has(code) || ILOSTAT_AGGREGATE.test(code);
}
