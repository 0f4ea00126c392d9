/**
 * A short name for a scorecard row: the indicator's name without a trailing explanation in
 * parentheses, then cut at a word boundary with an ellipsis when still longer than `max`
 * characters. The full name stays in the annex and in the API.
 */
export function shortName(name: string, max = 44): string {
  const bare = name.replace(/\s*\([^()]*\)\s*$/, '').trim() || name;
  if (bare.length <= max) return bare;
  const cut = bare.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;–-]+$/, '')}…`;
}
