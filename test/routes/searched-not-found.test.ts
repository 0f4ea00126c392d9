import { describe, expect, it } from 'vitest';
import { releaseMetaSchema } from '../../src/ingest/meta.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';
import { testMeta } from '../helpers/release-folder.ts';

/**
 * "Does the law set an annual minimum training time?" has no answer for six ASEAN+3 countries.
 * The civscope-training release of 2026-12-07 (Brunei) lists what was searched for each of them
 * (its meta.yaml, `searched_without_result`): those six are "searched, not found", never a value.
 */
const loaded = useLoadedApp();
const url = '/v1/rankings?indicator=TRN.STAT.SET&group=ASEAN%2B3';
const SEARCHED = ['KHM', 'LAO', 'MMR', 'SGP', 'THA', 'TLS'];

interface NotFound {
  iso3: string;
  country: string;
  searched_on: string;
  note: string;
  release: string;
}

describe('a value searched for and not found', () => {
  it('is listed apart from the answers, with what was searched, in the language asked for', async () => {
    const en = (await getJson(loaded.app, url)).body as { not_found: NotFound[]; tally: unknown; ranking: unknown[] };
    expect(en.not_found.map((g) => g.iso3)).toEqual(SEARCHED);
    expect(en.tally).toEqual({ yes: 6, no: 2 });
    expect(en.ranking).toHaveLength(8);
    const tha = en.not_found.find((g) => g.iso3 === 'THA');
    expect(tha).toEqual({
      iso3: 'THA',
      country: 'Thailand',
      searched_on: '2026-12-07',
      note: "The Office of the Civil Service Commission's letter 1013/27 of 27 August 2010: civil servants must develop themselves and training is compulsory for senior executives, without a number of hours or days.",
      release: 'civscope-training:2026-12-07-brunei',
    });
    const vi = (await getJson(loaded.app, `${url}&lang=vi`)).body as { not_found: NotFound[] };
    const thaVi = vi.not_found.find((g) => g.iso3 === 'THA');
    expect(thaVi?.country).toBe('Thái Lan');
    expect(thaVi?.note).toMatch(/^Công văn 1013\/27 ngày 27\/8\/2010 của Văn phòng Ủy ban Công vụ/);
  });

  it('is never listed for an indicator whose values nobody searched (every country missing is plain "no data")', async () => {
    const body = (await getJson(loaded.app, '/v1/rankings?indicator=GE.EST&group=ASEAN%2B3')).body as {
      not_found: NotFound[];
    };
    expect(body.not_found).toEqual([]);
  });

  it('is a row flagged not-found in the CSV, with no value and no year', async () => {
    const csv = await (await loaded.app.request(`${url}&format=csv`)).text();
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    const tls = rows.find((r) => r.startsWith('TRN.STAT.SET,,TLS,'));
    expect(tls).toMatch(
      /^TRN\.STAT\.SET,,TLS,Timor-Leste,,,,,not-found,"Decree-Law 38\/2012 on the training and development of the civil service, read only to its Article 1,.*",,civscope-training:2026-12-07-brunei,/,
    );
    // The eight answers come first, then the six searched.
    expect(rows.slice(1, 15).map((r) => r.split(',')[2])).toEqual([
      'BRN',
      'CHN',
      'IDN',
      'KOR',
      'MYS',
      'PHL',
      'JPN',
      'VNM',
      ...SEARCHED,
    ]);
  });

  it('is said under the chart and in its alt text, in both languages', async () => {
    const en = JSON.stringify(
      (await getJson(loaded.app, `/v1/charts/ranking?indicator=TRN.STAT.SET&group=ASEAN%2B3`)).body,
    );
    expect(en).toContain(
      'Searched in their texts, not found for 6 of 14 countries: Cambodia, Lao PDR, Myanmar, Singapore, Thailand, Timor-Leste.',
    );
    expect(en).not.toContain('No data for');
    const vi = JSON.stringify(
      (await getJson(loaded.app, `/v1/charts/ranking?indicator=TRN.STAT.SET&group=ASEAN%2B3&lang=vi`)).body,
    );
    expect(vi).toContain(
      'Đã tìm trong văn bản nhưng không thấy cho 6 trên 14 nước: Campuchia, Lào, Mi-an-ma, Xin-ga-po, Thái Lan, Ti-mo Lét-xtê.',
    );
  });

  it('is counted by /v1/themes: training has 5 countries with nothing, each of them searched', async () => {
    const { themes } = (await getJson(loaded.app, '/v1/themes')).body as {
      themes: {
        code: string;
        countries_with_nothing: string[];
        countries_searched_not_found: string[];
        gap: { en: string; vi: string };
        indicators: { code: string; coverage: { missing_countries: string[]; searched_not_found: string[] } }[];
      }[];
    };
    const training = themes.find((t) => t.code === 'training-and-learning');
    expect(training?.countries_with_nothing).toEqual(['KHM', 'LAO', 'MMR', 'THA', 'TLS']);
    expect(training?.countries_searched_not_found).toEqual(['KHM', 'LAO', 'MMR', 'THA', 'TLS']);
    expect(training?.gap.en).toMatch(
      /No value at all for 5 of 14: Cambodia, Lao PDR, Myanmar, Thailand, Timor-Leste\. Each was searched for in its own texts and nothing was found\.$/,
    );
    expect(training?.gap.vi).toMatch(/Đã tìm trong văn bản của từng nước nhưng không thấy\.$/);
    const set = training?.indicators.find((i) => i.code === 'TRN.STAT.SET');
    expect(set?.coverage.searched_not_found).toEqual(SEARCHED);
    const leadership = themes.find((t) => t.code === 'leadership');
    expect(leadership?.countries_searched_not_found).toEqual([]);
  });
});

describe('a release that lists searches', () => {
  const gap = {
    indicator: 'TEST.IND',
    iso3: 'LAO',
    searched_on: '2026-12-07',
    searched: 'Decree 82/PM, by title only.',
    searched_vi: 'Nghị định 82/PM, chỉ có tên.',
  };

  it('is refused when a search names an indicator the release does not have', () => {
    const result = releaseMetaSchema.safeParse(
      testMeta({ searched_without_result: [{ ...gap, indicator: 'TRN.STAT.SET' }] }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('TRN.STAT.SET is not an indicator of this release');
  });

  it('is refused when a country is listed twice for one indicator, or a search has no Vietnamese', () => {
    const twice = releaseMetaSchema.safeParse(testMeta({ searched_without_result: [gap, gap] }));
    expect(twice.error?.issues[0]?.message).toBe('LAO is listed twice for TEST.IND');
    const { searched_vi: _, ...english } = gap;
    expect(releaseMetaSchema.safeParse(testMeta({ searched_without_result: [english] })).success).toBe(false);
  });
});
