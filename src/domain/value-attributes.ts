/**
 * Series that are attributes of another series' value, not measures of their own: the bounds of
 * its confidence interval (WGI `.LOWER`/`.UPPER`, QoG `_LOWCI`/`_UPCI`), its standard error
 * (`.STD.ERR`, `.SCORE.SE`) and the number of sources behind it (`.NO.SRC`). They travel with the
 * value they describe; a brief never lists them as headline indicators, strengths or data gaps.
 */
const VALUE_ATTRIBUTE = /(\.LOWER|\.UPPER|_LOWCI|_UPCI|\.STD\.ERR|\.SCORE\.SE|\.NO\.SRC)$/;

export function isValueAttribute(code: string): boolean {
  return VALUE_ATTRIBUTE.test(code);
}
