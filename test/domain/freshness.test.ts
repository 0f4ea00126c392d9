import { describe, expect, it } from 'vitest';
import { addMonths, editionFreshness } from '../../src/domain/freshness.ts';

describe('when the next edition is due, and whether the one served is stale', () => {
  it('adds months, keeping the day or the last of a shorter month', () => {
    expect(addMonths('2024-10-01', 12)).toBe('2025-10-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  it('a yearly source 417 days past its due date is stale', () => {
    // WGI 2024 update (2024-10-01) on 2026-11-22: the 2025 edition was due on 2025-10-01.
    expect(editionFreshness('2024-10-01', 12, '2026-11-22')).toEqual({
      next_expected_on: '2025-10-01',
      days_late: 417,
      stale: true,
    });
  });

  it('90 days late is a slip, 91 is stale', () => {
    expect(editionFreshness('2024-09-17', 24, '2026-12-16')).toEqual({
      next_expected_on: '2026-09-17',
      days_late: 90,
      stale: false,
    });
    expect(editionFreshness('2024-09-17', 24, '2026-12-17').stale).toBe(true);
  });

  it('an edition not yet due is 0 days late', () => {
    expect(editionFreshness('2026-09-25', 12, '2026-12-06')).toEqual({
      next_expected_on: '2027-09-25',
      days_late: 0,
      stale: false,
    });
  });

  it('a source without a cadence is never stale and has no due date', () => {
    expect(editionFreshness('2021-03-01', null, '2026-12-06')).toEqual({
      next_expected_on: null,
      days_late: 0,
      stale: false,
    });
    expect(editionFreshness(null, 12, '2026-12-06').stale).toBe(false);
  });
});
