import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorOf, importGraph, importSpecifiers, upwardImports } from '../../scripts/lib/import-graph.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('imports point down', () => {
  it('finds no upward import and no file off the floors in src/', () => {
    expect(upwardImports(importGraph(SRC))).toEqual([]);
  });

  it('flags a service that imports a route, a repository that imports ingest, and a folder on no floor', () => {
    const edges = [
      { from: 'routes/rankings/rankings.handlers.ts', to: 'services/ranking.ts' },
      { from: 'services/ranking.ts', to: 'routes/presenters.ts' },
      { from: 'repositories/releases.ts', to: 'ingest/meta.ts' },
      { from: 'briefs/brief.ts', to: 'services/ranking.ts' },
    ];
    expect(upwardImports(edges)).toEqual([
      { ...edges[1], reason: 'imports up: floor 7 → floor 5' },
      { ...edges[2], reason: 'imports up: floor 13 → floor 11' },
      { ...edges[3], reason: 'briefs/brief.ts is on no floor (scripts/lib/import-graph.ts)' },
    ]);
  });

  it('places the command-line entry points on the top floor, in a folder of their own', () => {
    expect(floorOf('cli/ingest.ts')).toBe(0);
    expect(floorOf('cli/migrate.ts')).toBe(floorOf('node.ts'));
    expect(floorOf('ingest/meta.ts')).toBe(10);
    expect(floorOf('errors.ts')).toBe(floorOf('domain/usable.ts'));
  });

  it('reads static, type-only, multi-line, side-effect, re-export and dynamic imports, not comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'import {',
      '  c,',
      '  d,',
      "} from './c.ts';",
      "import './side-effect.ts';",
      "export { e } from './e.ts';",
      "const f = await import('./f.ts');",
      "// import { g } from './g.ts';",
      "/* import { h } from './h.ts'; */",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      ['../b.ts', './a.ts', './c.ts', './e.ts', './f.ts', './side-effect.ts'].sort(),
    );
  });
});
