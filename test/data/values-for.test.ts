import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valuesFor } from '../../src/repositories/observations.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';

const brief = (rows: Awaited<ReturnType<typeof valuesFor>>) =>
  rows.map((r) => [r.indicator_code, r.iso3, r.year, r.value, r.release_id]);

describe('the values of indicators for countries and years (valuesFor)', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createLoadedDatabase();
  });
  afterAll(async () => {
    await test.close();
  });

  it('gives each indicator at its own year when asked for (indicator, year) pairs, as a profile reads its peers', async () => {
    // EGDI at 2022 and GE.EST at 2023, not EGDI 2024 or GE.EST 2022 (UN E-Government Survey 2024, WGI 2026 update).
    const rows = await valuesFor(test.db, {
      indicatorCodes: ['EGDI', 'GE.EST'],
      yearOfEach: [2022, 2023],
      countries: ['VNM', 'THA'],
    });
    expect(brief(rows)).toEqual([
      ['EGDI', 'THA', 2022, 0.766, 'un-egov:2024'],
      ['EGDI', 'VNM', 2022, 0.6787, 'un-egov:2024'],
      ['GE.EST', 'THA', 2023, 0.2778315, 'wb-wgi:2026-estimates'],
      ['GE.EST', 'VNM', 2023, -0.1860245, 'wb-wgi:2026-estimates'],
    ]);
  });

  it('reads one country or many, one indicator or many, with the same statement', async () => {
    const one = await valuesFor(test.db, { indicatorCodes: ['EGDI'], countries: ['VNM'], from: 2022, to: 2024 });
    expect(brief(one)).toEqual([
      ['EGDI', 'VNM', 2022, 0.6787, 'un-egov:2024'],
      ['EGDI', 'VNM', 2024, 0.77092, 'un-egov:2024'],
    ]);
    const many = await valuesFor(test.db, {
      indicatorCodes: ['EGDI', 'GE.EST'],
      countries: ['THA', 'VNM'],
      year: 2022,
    });
    expect(brief(many)).toEqual([
      ['EGDI', 'THA', 2022, 0.766, 'un-egov:2024'],
      ['EGDI', 'VNM', 2022, 0.6787, 'un-egov:2024'],
      ['GE.EST', 'THA', 2022, 0.2096556, 'wb-wgi:2026-estimates'],
      ['GE.EST', 'VNM', 2022, -0.1176434, 'wb-wgi:2026-estimates'],
    ]);
  });

  it('reads nothing for no countries or no indicators', async () => {
    expect(await valuesFor(test.db, { indicatorCodes: [], countries: ['VNM'] })).toEqual([]);
    expect(await valuesFor(test.db, { indicatorCodes: ['EGDI'], countries: [] })).toEqual([]);
  });
});
