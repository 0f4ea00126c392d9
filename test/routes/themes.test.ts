import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

interface ThemeBody {
  code: string;
  name: { en: string; vi: string };
  evidence: string;
  sources: { id: string }[];
  countries_with_any_value: string[];
  countries_with_nothing: string[];
  gap: { en: string; vi: string } | null;
  note: { en: string; vi: string } | null;
  old_names: string[];
  adoption: { indicators: string[]; publishers: string[] };
  indicators: {
    code: string;
    level: string | null;
    parent: string | null;
    measures: string | null;
    coverage: { countries: number; countries_with_values: string[]; latest_year: number | null };
  }[];
}

async function themes(): Promise<ThemeBody[]> {
  return (await getJson(loaded.app, '/v1/themes')).body.themes as ThemeBody[];
}

describe('GET /v1/themes', () => {
  it('measures digital adoption, not only supply: use indicators from the World Bank and the ITU cover 12 and 14 countries', async () => {
    const digital = (await themes()).find((t) => t.code === 'digital-transformation');
    expect(digital?.adoption).toEqual({
      indicators: [
        'FINDEX.FIN26A',
        'FINDEX.FIN26A.MEN',
        'FINDEX.FIN26A.WOMEN',
        'FINDEX.FIN26B',
        'FINDEX.FIN27A',
        'FINDEX.FIN31A_31B',
        'FINDEX.FIN31A_31B_S',
        // FIN9B and FING2P_ACC_S have values for 7 countries only: too few to count as evidence.
        'FINDEX.FING2P_ACC',
        'FINDEX.G20_ANY',
        'FINDEX.G20_MADE',
        'FINDEX.G20_RECEIVED',
        'IT.NET.USER.ZS',
        'ITU.MOBILE_OWNERSHIP',
      ],
      // The Findex and the WDI are both the World Bank's: one publisher, not two.
      publishers: ['International Telecommunication Union', 'World Bank'],
    });
    const phones = digital?.indicators.find((i) => i.code === 'ITU.MOBILE_OWNERSHIP');
    expect(phones?.measures).toBe('use');
    expect(phones?.coverage).toMatchObject({ countries: 14, latest_year: 2024 });
    const findex = digital?.indicators.find((i) => i.code === 'FINDEX.FIN26A');
    // Brunei and Timor-Leste are not surveyed by the Global Findex.
    expect(findex?.coverage.countries_with_values).not.toContain('BRN');
    expect(findex?.coverage.countries).toBe(12);
    expect(digital?.indicators.find((i) => i.code === 'EGDI')?.measures).toBe('supply');
    expect(digital?.indicators.find((i) => i.code === 'HCI')?.measures).toBeNull();
  });

  it("serves each ITU value with who produced it: Viet Nam's 2023 phone ownership from the ministry, Cambodia's as an ITU estimate", async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/observations?indicator=ITU.MOBILE_OWNERSHIP&countries=VNM,KHM&from=2023&to=2023',
    );
    const rows = body.observations as { iso3: string; value: number; note: string }[];
    expect(rows.map((r) => [r.iso3, r.value, r.note])).toEqual([
      ['KHM', 79.4317, 'ITU estimate.'],
      ['VNM', 83.82, 'Ministry of Information and Communications.'],
    ]);
  });

  it('lists the eight agenda themes in order, with English and Vietnamese names and the old names they absorb', async () => {
    const list = await themes();
    expect(list.map((t) => t.code)).toEqual([
      'leadership',
      'hr-and-talent',
      'productivity-and-delivery',
      'digital-transformation',
      'training-and-learning',
      'integrity',
      'workforce-and-pay',
      'context',
    ]);
    expect(list.find((t) => t.code === 'digital-transformation')).toMatchObject({
      name: { en: 'Digital transformation', vi: 'Chuyển đổi số' },
      old_names: ['digital-government'],
    });
    expect(list.find((t) => t.code === 'integrity')?.old_names).toEqual(['effectiveness']);
  });

  it('says plainly that training has only policy mandates, for 9 countries, and names the 5 with nothing, each searched', async () => {
    const training = (await themes()).find((t) => t.code === 'training-and-learning');
    expect(training?.evidence).toBe('thin');
    expect(training?.sources.map((s) => s.id)).toEqual(['civscope-training']);
    // The mandates compilation: MYS, CHN, IDN, PHL, SGP (datasets/civscope-training/2026-11); the
    // statutory minimums add VNM (a minimum existed), JPN (none) and KOR (100 hours) (2026-12), and
    // Brunei's official 100-hour minimum policy (2026-12-07-brunei).
    expect(training?.countries_with_any_value).toEqual(['BRN', 'IDN', 'MYS', 'PHL', 'SGP', 'VNM', 'CHN', 'JPN', 'KOR']);
    expect(training?.countries_with_nothing).toEqual(['KHM', 'LAO', 'MMR', 'THA', 'TLS']);
    expect(training?.indicators.find((i) => i.code === 'TRN.STAT.HOURS')?.coverage.countries).toBe(4);
    expect(training?.indicators.find((i) => i.code === 'TRN.STAT.SET')?.coverage.countries).toBe(8);
    expect(training?.gap?.en).toBe(
      'Thin evidence: 9 indicators from 1 publisher (CivScope) have values; none covers 10 of the 14 countries, where 2 indicators from 2 publishers are needed. No value at all for 5 of 14: Cambodia, Lao PDR, Myanmar, Thailand, Timor-Leste. Each was searched for in its own texts and nothing was found.',
    );
    expect(training?.gap?.vi).toContain('5/14 nước không có giá trị nào: Campuchia, Lào, Mi-an-ma');
    expect(training?.note?.en).toContain('Learning & development indicator but publishes no value');
  });

  it('counts HR and talent as adequate from BIPA, QoG, V-Dem and WWBI, with nothing only for Brunei (V-Dem codes Lao PDR and Timor-Leste)', async () => {
    const hr = (await themes()).find((t) => t.code === 'hr-and-talent');
    expect(hr?.evidence).toBe('adequate');
    expect(hr?.sources.map((s) => s.id)).toEqual(['bsg-bipa', 'qog-expert-survey', 'vdem', 'wb-wwbi']);
    // WWBI 3.1: women among public managers, from household surveys of 7 countries (not BRN).
    expect(hr?.indicators.find((i) => i.code === 'BI.PWK.PUBS.SN.FE.ZS')?.coverage.countries).toBe(7);
    expect(hr?.countries_with_nothing).toEqual(['BRN']);
    expect(hr?.gap?.en).toBe('No value at all for 1 of 14: Brunei Darussalam.');
    // V-Dem v2stcritrecadm (merit in appointments): 2023, every country but Brunei.
    expect(hr?.indicators.find((i) => i.code === 'VDEM.V2STCRITRECADM')?.coverage.countries).toBe(13);
    const merit = hr?.indicators.find((i) => i.code === 'BIPA.HRM_MERITOCRATIC');
    expect(merit).toMatchObject({ level: 'indicator', parent: 'BIPA.PPLPRC_HRM', coverage: { countries: 10 } });
    // QoG merit (proff2): CHN, IDN, JPN, KOR, PHL, SGP, VNM; blank for KHM, MYS, THA.
    expect(hr?.indicators.find((i) => i.code === 'QOG.EXP.PROFF2')?.coverage.countries).toBe(7);
  });

  it('refuses parameters it does not take', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/themes?theme=training');
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_parameter');
  });
});

describe('GET /v1/indicators coverage summary and themes', () => {
  it('gives each indicator its coverage: BIPA meritocratic appointment has 10 of 14, missing BRN, LAO, TLS, JPN', async () => {
    const { body } = await getJson(loaded.app, '/v1/indicators?theme=hr-and-talent');
    const merit = (body.indicators as { code: string; coverage_summary: unknown; hierarchy: unknown }[]).find(
      (i) => i.code === 'BIPA.HRM_MERITOCRATIC',
    );
    expect(merit?.coverage_summary).toEqual({
      countries: 10,
      of: 14,
      countries_with_values: ['CHN', 'IDN', 'KHM', 'KOR', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM'],
      missing_countries: ['BRN', 'LAO', 'TLS', 'JPN'],
      searched_not_found: [],
      first_year: 2024,
      latest_year: 2024,
      countries_in_latest_year: 10,
      has_undated: false,
    });
    expect(merit?.hierarchy).toMatchObject({ level: 'indicator', parent: 'BIPA.PPLPRC_HRM' });
  });

  it('keeps the old theme names with their old meaning', async () => {
    const effectiveness = (await getJson(loaded.app, '/v1/indicators?theme=effectiveness')).body.indicators as {
      code: string;
    }[];
    // GE, RQ, CC, RL × 12 WGI series each: the 6 of the 2024 update and the 6 the 2025 revision added
    // (bounds of the estimate, the 0-100 score, its standard error and bounds).
    expect(effectiveness).toHaveLength(48);
    expect(effectiveness.every((i) => /^(GE|RQ|CC|RL)\./.test(i.code))).toBe(true);
    const training = (await getJson(loaded.app, '/v1/indicators?theme=training')).body.indicators as { code: string }[];
    expect(training.map((i) => i.code).every((c) => c.startsWith('TRN.'))).toBe(true);
    // The old name selects the compilation's indicators, the statutory minimums of 2026-12 included.
    expect(training).toHaveLength(9);
  });

  it('refuses an unknown theme with the valid names', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/indicators?theme=talent');
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_parameter');
    expect(body.detail).toContain('hr-and-talent');
  });
});

describe('BIPA ranks in /v1/observations', () => {
  it('serves the published rank and label beside the value, with the 120-country scope on the indicator', async () => {
    const { body } = await getJson(loaded.app, '/v1/observations?indicator=BIPA.INDEX&countries=VNM,SGP');
    expect((body.observations as unknown[]).map((o) => o)).toMatchObject([
      { iso3: 'SGP', year: 2024, value: 0.85, published_rank: { rank: 1, label: '1' }, release: 'bsg-bipa:2024' },
      {
        iso3: 'VNM',
        year: 2024,
        value: 0.54,
        published_rank: { rank: 62, label: '=62', of: 120 },
        release: 'bsg-bipa:2024',
      },
    ]);
    expect((body.indicator as { hierarchy: { rank_scope: { en: string } } }).hierarchy.rank_scope.en).toBe(
      'Rank among the 120 countries of the Blavatnik Index 2024 (1 = best), not a rank within ASEAN',
    );
  });
});
