/**
 * Direct labels that never collide. Labels in one column (the end of a line, the right side of a
 * slope) are pushed apart vertically until they are `gap` pixels apart, then converted back to
 * data units for a y scale whose domain the builder fixes, so the positions hold in any renderer.
 */

export interface Domain {
  lo: number;
  hi: number;
}

/** The data extent padded by 6 % each side: a fixed domain, so a label's pixel position is known. */
export function paddedDomain(values: readonly number[]): Domain {
  if (values.length === 0) return { lo: 0, hi: 1 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  return { lo: min - 0.06 * span, hi: max + 0.06 * span };
}

/** Label positions (in data units) at least `gap` px apart on a plot `height` px tall, each as near its value as it can be. */
export function dodge(values: readonly number[], domain: Domain, height: number, gap = 16): number[] {
  const toPx = (v: number) => ((domain.hi - v) / (domain.hi - domain.lo)) * height;
  const order = values.map((v, i) => ({ i, y: toPx(v) })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1] as { y: number };
    const cur = order[k] as { y: number };
    cur.y = Math.max(cur.y, prev.y + gap);
  }
  // Pushed past the bottom: push back up from the bottom.
  const last = order.at(-1);
  if (last && last.y > height + gap / 2) {
    last.y = height + gap / 2;
    for (let k = order.length - 2; k >= 0; k--) {
      const next = order[k + 1] as { y: number };
      const cur = order[k] as { y: number };
      cur.y = Math.min(cur.y, next.y - gap);
    }
  }
  const out = new Array<number>(values.length);
  for (const { i, y } of order) out[i] = domain.hi - (y / height) * (domain.hi - domain.lo);
  return out;
}
