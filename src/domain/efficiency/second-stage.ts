/**
 * The second stage of a two-stage efficiency analysis: ordinary least squares of scores on one
 * environmental variable (say, the logarithm of income per head). Descriptive: Simar and Wilson
 * (2007, Journal of Econometrics 136) show that valid inference on such a regression needs a
 * truncated regression with a double bootstrap; with a dozen countries the slope describes the
 * sample, and the answer says so.
 */
export interface SimpleRegression {
  n: number;
  intercept: number;
  slope: number;
  /** Standard error of the slope: √(SSR / (n − 2) / Sxx). */
  slopeStandardError: number;
  /** slope / its standard error, on n − 2 degrees of freedom. */
  t: number;
  r2: number;
}

/** y = a + b·x by least squares; null with fewer than 3 points or no spread in x. */
export function simpleRegression(x: readonly number[], y: readonly number[]): SimpleRegression | null {
  const n = x.length;
  if (n !== y.length) throw new Error('simpleRegression: x and y differ in length');
  if (n < 3) return null;
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssr = Math.max(0, syy - slope * sxy);
  const slopeStandardError = Math.sqrt(ssr / (n - 2) / sxx);
  return {
    n,
    intercept,
    slope,
    slopeStandardError,
    t: slopeStandardError > 0 ? slope / slopeStandardError : Number.POSITIVE_INFINITY,
    r2: syy > 0 ? 1 - ssr / syy : 1,
  };
}
