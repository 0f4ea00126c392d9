import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * "Does the law set an annual minimum training time?" is answered yes (1) or no (0): the answers
 * are listed, counted and sourced, never ranked, scored or averaged. Values from the shipped
 * civscope-training releases: yes for BRN, CHN, IDN, KOR, MYS, PHL; no for JPN (OECD PSLC 2022) and
 * VNM (Decree 89/2021/NĐ-CP).
 */
const loaded = useLoadedApp();

interface RankingBody {
  indicator: { scale: string };
  direction: string | null;
  median: number | null;
  tally: { yes: number; no: number } | null;
  ranking: {
    rank: number | null;
    iso3: string;
    value: number;
    tied: boolean;
    score: number | null;
    note: string | null;
    reference_url: string | null;
  }[];
  coverage: { reporting: number; missing: string[] };
}

const url = '/v1/rankings?indicator=TRN.STAT.SET&group=ASEAN%2B3';

describe('a yes/no indicator in /v1/rankings', () => {
  it('counts 6 yes and 2 no, lists the yes answers first and gives no rank, score or median', async () => {
    const body = (await getJson(loaded.app, url)).body as unknown as RankingBody;
    expect(body.indicator.scale).toBe('yes-no');
    expect(body.tally).toEqual({ yes: 6, no: 2 });
    expect(body.median).toBeNull();
    expect(body.direction).toBeNull();
    expect(body.ranking.map((r) => `${r.iso3}=${r.value}`)).toEqual([
      'BRN=1',
      'CHN=1',
      'IDN=1',
      'KOR=1',
      'MYS=1',
      'PHL=1',
      'JPN=0',
      'VNM=0',
    ]);
    expect(body.ranking.every((r) => r.rank === null && r.score === null && r.tied === false)).toBe(true);
    expect(body.coverage.missing).toEqual(['KHM', 'LAO', 'MMR', 'SGP', 'THA', 'TLS']);
  });

  it('gives each answer its legal text and link, in Vietnamese with lang=vi', async () => {
    const en = (await getJson(loaded.app, url)).body as unknown as RankingBody;
    const vi = (await getJson(loaded.app, `${url}&lang=vi`)).body as unknown as RankingBody;
    const vnmEn = en.ranking.find((r) => r.iso3 === 'VNM');
    const vnmVi = vi.ranking.find((r) => r.iso3 === 'VNM');
    expect(vnmEn?.note).toMatch(/^Decree 89\/2021\/NĐ-CP/);
    expect(vnmVi?.note).toMatch(/^Nghị định 89\/2021\/NĐ-CP ngày 18\/10\/2021/);
    expect(vnmVi?.reference_url).toBe(vnmEn?.reference_url);
    expect(vnmEn?.reference_url).toMatch(/^https:\/\/english\.luatvietnam\.vn\/decree-no-89-2021-nd-cp/);
    expect(en.ranking.every((r) => r.note !== null && r.reference_url !== null)).toBe(true);
  });

  it('keeps ranks for every other indicator, and a note column in the CSV', async () => {
    const ge = (await getJson(loaded.app, '/v1/rankings?indicator=GE.EST&group=ASEAN&year=2022'))
      .body as unknown as RankingBody;
    expect(ge.tally).toBeNull();
    expect(ge.ranking[0]).toMatchObject({ rank: 1, iso3: 'SGP', note: null });
    const csv = await (await loaded.app.request(`${url}&format=csv`)).text();
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe(
      'indicator,rank,iso3,country,value,year,score,tied,flag,note,reference_url,release,releases,licence',
    );
    expect(csv).toContain('TRN.STAT.SET,,VNM,Viet Nam,0,2021,,false,,"Decree 89/2021/NĐ-CP');
  });
});

describe("a yes/no indicator in a reader's file", () => {
  it('writes each answer as a word (có / không), in the ranking and in the values', async () => {
    const ranking = await (await loaded.app.request(`${url}&format=csv&style=reader&lang=vi`)).text();
    const rows = ranking.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[1]).toMatch(/^"Pháp luật quy định .*,BRN,Bru-nây,Brunei Darussalam,có,2015,/);
    expect(rows.find((r) => r.includes(',VNM,'))).toMatch(/,VNM,Việt Nam,Viet Nam,không,2021,/);
    const values = await (
      await loaded.app.request('/v1/observations?indicator=TRN.STAT.SET&countries=VNM&format=csv&style=reader&lang=en')
    ).text();
    expect(values).toMatch(/,VNM,Viet Nam,Việt Nam,2018,yes,/);
    expect(values).toMatch(/,VNM,Viet Nam,Việt Nam,2021,no,/);
    // The data file for systems keeps 1 and 0.
    const data = await (await loaded.app.request(`${url}&format=csv`)).text();
    expect(data).toContain('TRN.STAT.SET,,VNM,Viet Nam,0,2021,');
  });
});

describe('a yes/no indicator in charts', () => {
  it('draws answers as filled and hollow dots under Yes and No, with no median and no bars', async () => {
    const res = await getJson(loaded.app, `/v1/charts/ranking?indicator=TRN.STAT.SET&group=ASEAN%2B3&lang=vi`);
    const spec = JSON.stringify(res.body);
    expect(spec).toContain('"type":"point"');
    expect(spec).not.toContain('"type":"bar"');
    expect(spec).not.toContain('trung vị');
    expect(spec).toContain('"domain":["Có","Không"]');
  });

  it('keeps the Yes and No columns 100 px apart however wide the chart, beside the names', async () => {
    for (const width of [700, 1600]) {
      const svg = await (
        await loaded.app.request(`/v1/charts/ranking.svg?indicator=TRN.STAT.SET&group=ASEAN%2B3&width=${width}`)
      ).text();
      const columns = [...svg.matchAll(/aria-roledescription="point" transform="translate\(([\d.]+),/g)].map((m) =>
        Number(m[1]),
      );
      expect(columns).toHaveLength(8);
      expect([...new Set(columns)]).toEqual([50, 150]);
    }
  });

  it('says who answered what in its alt text', async () => {
    const spec = (await getJson(loaded.app, '/v1/charts/ranking?indicator=TRN.STAT.SET&group=ASEAN%2B3')).body;
    expect((spec as { description: string }).description).toContain(
      'Yes for 6 of 8 countries with data (Brunei Darussalam, China, Indonesia, Korea, Rep., Malaysia, Philippines); no for 2 (Japan, Viet Nam).',
    );
  });

  it('fills the map by answer, named in the legend, not by a gradient', async () => {
    const spec = JSON.stringify(
      (await getJson(loaded.app, '/v1/charts/map?indicator=TRN.STAT.SET&group=ASEAN%2B3')).body,
    );
    expect(spec).toContain('"field":"answer"');
    expect(spec).toContain('"domain":["Yes","No"]');
    expect(spec).not.toContain('quantize');
  });
});

describe('a yes/no indicator in a profile', () => {
  it("states no group median or mean for Viet Nam's answer", async () => {
    const body = (await getJson(loaded.app, '/v1/profiles/VNM?group=ASEAN%2B3&theme=training-and-learning')).body as {
      indicators: {
        indicator: string;
        value: number;
        rank: number | null;
        group_median: number | null;
        group_mean: number | null;
      }[];
    };
    const entry = body.indicators.find((i) => i.indicator === 'TRN.STAT.SET');
    expect(entry).toMatchObject({ value: 0, rank: null, group_median: null, group_mean: null });
  });
});
