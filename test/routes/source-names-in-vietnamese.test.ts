import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * A source's name, publisher and licence reach a Vietnamese reader in Vietnamese (CivScope's
 * translations in each meta.yaml): chart footers, the reader's CSV, the brief and the theme notes.
 * The English stays beside it for systems and for the English answers.
 */
const loaded = useLoadedApp();

describe('sources named in Vietnamese', () => {
  it('/v1/sources gives both languages of every source', async () => {
    const { sources } = (await getJson(loaded.app, '/v1/sources')).body as {
      sources: { id: string; publisher: string; publisher_vi: string; licence_vi: string; name_vi: string }[];
    };
    expect(sources).toHaveLength(13);
    expect(sources.every((s) => s.name_vi && s.publisher_vi && s.licence_vi)).toBe(true);
    expect(sources.find((s) => s.id === 'wb-wgi')).toMatchObject({
      publisher: 'World Bank (D. Kaufmann and A. Kraay)',
      publisher_vi: 'Ngân hàng Thế giới (D. Kaufmann và A. Kraay)',
      name_vi: 'Các chỉ số quản trị toàn cầu (WGI)',
    });
  });

  it("a Vietnamese chart's footer names the publisher and licence in Vietnamese", async () => {
    const query = 'indicator=TRN.STAT.SET&group=ASEAN%2B3';
    const vi = await (await loaded.app.request(`/v1/charts/ranking.svg?${query}&lang=vi`)).text();
    expect(vi).toContain('Nguồn: CivScope, tổng hợp từ văn bản công khai của các quốc gia');
    expect(vi).toContain('Giấy phép: Số liệu là sự kiện lấy từ các văn bản công khai');
    expect(vi).not.toContain('compiled from national public texts');
    const en = await (await loaded.app.request(`/v1/charts/ranking.svg?${query}&lang=en`)).text();
    expect(en).toContain('Source: CivScope, compiled from national public texts');
  });

  it("the reader's Vietnamese CSV names the licence in Vietnamese; the data file keeps the English", async () => {
    const url = '/v1/rankings?indicator=GE.EST&group=ASEAN&format=csv';
    const reader = Papa.parse<string[]>(
      (await (await loaded.app.request(`${url}&style=reader&lang=vi`)).text()).slice(1),
    ).data;
    expect(reader[1]?.at(-1)).toBe('Các chỉ số quản trị toàn cầu (WGI): CC BY 4.0');
    const data = Papa.parse<string[]>(await (await loaded.app.request(url)).text()).data;
    expect(data[1]?.at(-1)).toBe('Worldwide Governance Indicators: CC BY 4.0');
  });

  it('the thin-evidence note of a theme names its publishers in Vietnamese', async () => {
    const { themes } = (await getJson(loaded.app, '/v1/themes')).body as {
      themes: { code: string; gap: { en: string; vi: string } | null }[];
    };
    const leadership = themes.find((t) => t.code === 'leadership');
    expect(leadership?.gap?.en).toContain('from 1 publisher (Blavatnik School of Government)');
    expect(leadership?.gap?.vi).toContain('của 1 tổ chức công bố (Trường Chính sách công Blavatnik)');
  });

  it("the Vietnamese brief's sources carry the Vietnamese licence; citations stay as published", async () => {
    const brief = (await getJson(loaded.app, '/v1/briefs/VNM?group=ASEAN&lang=vi')).body as {
      sources: { sources: { id: string; name: string; licence: string; citation: string }[]; licence: string };
    };
    const un = brief.sources.sources.find((s) => s.id === 'un-egov');
    expect(un?.name).toBe('Khảo sát Chính phủ điện tử của Liên Hợp Quốc');
    expect(un?.licence).toBe('Điều khoản sử dụng của Liên Hợp Quốc: được tái sử dụng miễn phí, có ghi nguồn');
    expect(un?.citation).toMatch(/^United Nations/);
    expect(brief.sources.licence).toContain('Các chỉ số quản trị toàn cầu (WGI): CC BY 4.0');
  });
});
