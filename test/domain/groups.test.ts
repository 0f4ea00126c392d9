import { describe, expect, it } from 'vitest';
import { MEMBERSHIPS, membersOn } from '../../src/domain/groups.ts';

describe('group membership on a date', () => {
  it('ASEAN has 10 members the day before Timor-Leste joined', () => {
    expect(membersOn('ASEAN', '2025-10-25')).toEqual([
      'BRN',
      'IDN',
      'KHM',
      'LAO',
      'MMR',
      'MYS',
      'PHL',
      'SGP',
      'THA',
      'VNM',
    ]);
  });

  it('ASEAN has 11 members from 2025-10-26, Timor-Leste included', () => {
    const members = membersOn('ASEAN', '2025-10-26');
    expect(members).toHaveLength(11);
    expect(members).toContain('TLS');
  });

  it('ASEAN+3 has 14 members today', () => {
    expect(membersOn('ASEAN+3', '2026-11-22')).toHaveLength(14);
  });

  it('follows the accession dates: the five founders in 1967, Viet Nam from 1995-07-28, Cambodia last of the ten', () => {
    expect(membersOn('ASEAN', '1967-08-08')).toEqual(['IDN', 'MYS', 'PHL', 'SGP', 'THA']);
    expect(membersOn('ASEAN', '1995-07-27')).not.toContain('VNM');
    expect(membersOn('ASEAN', '1995-07-28')).toContain('VNM');
    expect(membersOn('ASEAN', '1999-04-29')).toHaveLength(9);
    expect(membersOn('ASEAN', '1999-04-30')).toHaveLength(10);
  });

  it('ASEAN+3 starts at the first summit (1997-12-15), with Cambodia from its 1999 accession', () => {
    expect(membersOn('ASEAN+3', '1997-12-14')).toEqual([]);
    expect(membersOn('ASEAN+3', '1997-12-15')).toHaveLength(12);
    expect(membersOn('ASEAN+3', '1999-04-30')).toHaveLength(13);
  });

  it('answers an empty list for an unknown group', () => {
    expect(membersOn('EU', '2020-01-01')).toEqual([]);
  });

  it('a member leaves on its left_on date', () => {
    const history = [{ groupCode: 'G', iso3: 'AAA', joinedOn: '2000-01-01', leftOn: '2010-06-30' }];
    expect(membersOn('G', '2010-06-29', history)).toEqual(['AAA']);
    expect(membersOn('G', '2010-06-30', history)).toEqual([]);
  });

  it('every ASEAN membership has a matching ASEAN+3 membership', () => {
    const asean = MEMBERSHIPS.filter((m) => m.groupCode === 'ASEAN').map((m) => m.iso3);
    const plus3 = MEMBERSHIPS.filter((m) => m.groupCode === 'ASEAN+3').map((m) => m.iso3);
    expect(plus3).toEqual(expect.arrayContaining(asean));
  });
});
