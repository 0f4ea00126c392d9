import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * Staying current: /v1/sources says, per source, the newest edition loaded, when the next is due
 * (publication date + the publisher's cadence) and whether the one served is more than 90 days
 * late; /v1/changes reports a release that re-estimates history with a new method (the WGI 2025
 * revision) once, with a count, instead of burying the real changes. The test app's today is 2026-11-22.
 */
const loaded = useLoadedApp();

type Source = {
  id: string;
  newest_edition: { release: string; published_on: string } | null;
  cadence_months: number | null;
  next_expected_on: string | null;
  days_late: number;
  stale: boolean;
};

describe('GET /v1/sources: newest edition, next one due, stale', () => {
  it('judges each source against its cadence on the day asked', async () => {
    const { body } = await getJson(loaded.app, '/v1/sources');
    expect(body.as_of).toBe('2026-11-22');
    const byId = new Map((body.sources as Source[]).map((s) => [s.id, s]));
    // WGI 2026 update (2026-09-25), yearly: next due 2027-09-25.
    expect(byId.get('wb-wgi')).toMatchObject({
      newest_edition: { release: 'wb-wgi:2026-estimates', published_on: '2026-09-25' },
      cadence_months: 12,
      next_expected_on: '2027-09-25',
      days_late: 0,
      stale: false,
    });
    // WDI GDP per capita 2025-03-24, every 6 months: due 2025-09-24, 424 days late.
    expect(byId.get('wb-wdi')).toMatchObject({ next_expected_on: '2025-09-24', days_late: 424, stale: true });
    // UN E-Government Survey 2024-09-17, every 24 months: due 2026-09-17, 66 days late, not yet stale.
    expect(byId.get('un-egov')).toMatchObject({ next_expected_on: '2026-09-17', days_late: 66, stale: false });
    // CivScope's own compilation has no cadence.
    expect(byId.get('civscope-training')).toMatchObject({ cadence_months: null, next_expected_on: null, stale: false });
  });
});

describe('GET /v1/changes across the WGI method revision', () => {
  it('counts the re-estimated values once, lists what is new, and explains the revision in both languages', async () => {
    const { body } = await getJson(loaded.app, '/v1/changes?since_release=wb-wgi:2024&limit=5000');
    expect(body.new_releases).toEqual(['wb-wgi:2026', 'wb-wgi:2026-estimates']);
    const revisions = body.method_revisions as { release: string; changed: number; note: { en: string; vi: string } }[];
    expect(revisions.map((r) => [r.release, r.changed])).toEqual([
      ['wb-wgi:2026', 0],
      ['wb-wgi:2026-estimates', 1596],
    ]);
    expect(revisions[1]?.note.en).toContain('every estimate back to 1996 was re-estimated');
    expect(revisions[1]?.note.vi).toContain('phương pháp mới');
    const changes = body.changes as { change: string; year: number; release: string }[];
    // 14 countries x 6 estimates for 2024 (new in this edition) + 756 aggregates of 2025; nothing re-estimated listed.
    expect(changes.filter((c) => c.change === 'changed')).toEqual([]);
    expect(changes.filter((c) => c.change === 'added' && c.year === 2024)).toHaveLength(84);
    expect(changes.filter((c) => c.change === 'added' && c.year === 2025)).toHaveLength(756);
  });

  it('lists the re-estimated values too with method_revisions=list', async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/changes?since_release=wb-wgi:2024&limit=5000&method_revisions=list',
    );
    const changes = body.changes as { change: string; release: string }[];
    expect(changes.filter((c) => c.change === 'changed' && c.release === 'wb-wgi:2026-estimates')).toHaveLength(1596);
  });

  it('refuses another value of method_revisions, naming the parameter', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/changes?since_release=wb-wgi:2024&method_revisions=all');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'invalid_parameter' });
    expect(JSON.stringify(body)).toContain('method_revisions');
  });
});
