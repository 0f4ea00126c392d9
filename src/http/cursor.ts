import { Problem } from './problem.ts';

/**
 * Keyset pagination over rows ordered by (iso3, year): the cursor names the last row served, so a
 * page never shifts when new rows arrive. Opaque to clients: base64url JSON.
 */
export interface CursorKey {
  iso3: string;
  year: number | null;
}

export function encodeCursor(key: CursorKey): string {
  return btoa(JSON.stringify([key.iso3, key.year]))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const json = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const [iso3, year] = JSON.parse(json) as unknown[];
    if (typeof iso3 !== 'string' || !(year === null || Number.isInteger(year))) throw new Error('shape');
    return { iso3, year: year as number | null };
  } catch {
    throw new Problem(
      400,
      'invalid_parameter',
      'cursor is not a cursor this API issued; use next_cursor from the previous page.',
      {
        parameter: 'cursor',
      },
    );
  }
}

/** Is row `a` after the cursor key in (iso3, year nulls last) order? */
export function isAfter(a: CursorKey, key: CursorKey): boolean {
  if (a.iso3 !== key.iso3) return a.iso3 > key.iso3;
  const ay = a.year ?? Infinity;
  const ky = key.year ?? Infinity;
  return ay > ky;
}

/** A cursor over any key: the values of the last row served, as base64url JSON. */
export function encodeKeyCursor(values: readonly (string | number | null)[]): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(values))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** Reads a key cursor back; `shape` says which positions are strings ('s') or integers-or-null ('n'). */
export function decodeKeyCursor(cursor: string, shape: string): (string | number | null)[] {
  try {
    const values = JSON.parse(decodeURIComponent(escape(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')))));
    const ok =
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => (shape[i] === 's' ? typeof v === 'string' : v === null || Number.isInteger(v)));
    if (!ok) throw new Error('shape');
    return values;
  } catch {
    throw new Problem(
      400,
      'invalid_parameter',
      'cursor is not a cursor this API issued for this query; use next_cursor from the previous page.',
      { parameter: 'cursor' },
    );
  }
}
