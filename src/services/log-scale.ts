import type { TopLevelSpec } from 'vega-lite';
import { Problem } from '../http/problem.ts';
import type { ChartType } from '../charts/chart-types.ts';

/** Chart types with a value axis that can be logarithmic; bars, maps and heatmaps cannot. */
export const LOG_SCALE_TYPES: readonly ChartType[] = ['timeseries', 'small-multiples', 'slope', 'scatter'];

/** The fields that hold drawn values in the builders' data. */
const VALUE_FIELDS = ['value', 'normalised', 'x', 'y'];

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (isNode(node)) {
    visit(node);
    for (const child of Object.values(node)) walk(child, visit);
  }
}

/** Every value a field takes in the spec's inline data; the spec must not read remote data. */
function inlineValues(spec: TopLevelSpec, field: string): number[] {
  const values: number[] = [];
  walk(spec, (n) => {
    if (isNode(n.data) && Array.isArray(n.data.values))
      for (const row of n.data.values as Node[]) if (typeof row[field] === 'number') values.push(row[field]);
    if (isNode(n.data) && typeof n.data.url === 'string')
      throw new Problem(400, 'invalid_parameter', 'log=true needs the data inline (data=inline).', {
        parameter: 'log',
      });
  });
  return values;
}

/**
 * Turns the value axes of a chart logarithmic. A log axis cannot show zero or negative values, so
 * an axis whose data has one stays linear, and a chart with no axis that qualifies is refused:
 * a value is never dropped silently to make a log scale work.
 */
export function withLogScale(spec: TopLevelSpec, type: ChartType): TopLevelSpec {
  if (!LOG_SCALE_TYPES.includes(type))
    throw new Problem(400, 'invalid_parameter', `log=true applies to ${LOG_SCALE_TYPES.join(', ')} charts.`, {
      parameter: 'log',
      valid_values: [...LOG_SCALE_TYPES],
    });
  const positive = new Map<string, boolean>();
  const allows = (field: string) => {
    if (!positive.has(field)) {
      const values = inlineValues(spec, field);
      positive.set(field, values.length > 0 && values.every((v) => v > 0));
    }
    return positive.get(field) === true;
  };
  const copy = structuredClone(spec);
  let changed = 0;
  walk(copy, (n) => {
    if (!isNode(n.encoding)) return;
    for (const axis of ['x', 'y'] as const) {
      const channel = n.encoding[axis];
      if (!isNode(channel) || channel.type !== 'quantitative' || !VALUE_FIELDS.includes(String(channel.field)))
        continue;
      if (!allows(String(channel.field))) continue;
      const { zero: _zero, ...scale } = isNode(channel.scale) ? channel.scale : {};
      channel.scale = { ...scale, type: 'log' };
      changed++;
    }
  });
  if (changed === 0)
    throw new Problem(
      400,
      'invalid_parameter',
      'log=true: a logarithmic axis needs every value to be positive, and this chart has zero or negative values.',
      { parameter: 'log' },
    );
  return copy;
}
