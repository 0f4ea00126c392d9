/**
 * Where a publisher ranks the world beside a value, for the fact sheet's "standing in the world":
 * the WGI's percentile rank of an estimate or score (GE.EST → GE.PER.RNK), the UN's world rank of
 * the EGDI (EGDI_RANK), or a rank published on the value itself (the Blavatnik Index, "=62" when
 * tied). Only the same year counts: a 2023 percentile says nothing of a 2025 score.
 */
export type WorldStandingSource =
  | { kind: 'percentile'; indicator: string }
  | { kind: 'rank'; indicator: string }
  | { kind: 'published' };

const WGI = /^(CC|GE|PV|RL|RQ|VA)\.(EST|SCORE)$/;

export function worldStandingSource(code: string): WorldStandingSource {
  const wgi = WGI.exec(code);
  if (wgi) return { kind: 'percentile', indicator: `${wgi[1]}.PER.RNK` };
  if (code === 'EGDI') return { kind: 'rank', indicator: 'EGDI_RANK' };
  return { kind: 'published' };
}

/** English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 62nd. */
export function ordinalEn(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}
