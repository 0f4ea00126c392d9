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
