import { describe, expect, it } from 'vitest';
import { foldText, searchIndicators, searchThemes } from '../../src/domain/indicator-search.ts';
import { THEME_NAMES, THEMES } from '../../src/domain/themes.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * Search as analysts type it, in Vietnamese (with and without diacritics) and English: the API's
 * /v1/indicators?q= and the explorer's search box share one rule (domain/indicator-search.ts).
 * Each query names what must come first (or among the first three, where series of one indicator
 * tie) and the themes it names.
 */
const loaded = useLoadedApp();

/** [query, an indicator expected among the first three, the themes the query names] */
const VIETNAMESE: [string, string, string[]][] = [
  ['năng suất', 'GE.EST', ['productivity-and-delivery']],
  ['nang suat', 'GE.EST', ['productivity-and-delivery']],
  ['hiệu quả chính phủ', 'GE.EST', []],
  ['dịch vụ công trực tuyến', 'OSI', ['digital-transformation']],
  ['dich vu cong truc tuyen', 'OSI', ['digital-transformation']],
  ['chuyển đổi số', 'EGDI', ['digital-transformation']],
  ['chinh phu dien tu', 'EGDI', ['digital-transformation']],
  ['đào tạo', 'TRN.MIN.HOURS', ['training-and-learning']],
  ['dao tao boi duong', 'TRN.MIN.HOURS', ['training-and-learning']],
  ['giờ đào tạo', 'TRN.MIN.HOURS', []],
  ['tham nhũng', 'CC.EST', ['integrity']],
  ['pháp quyền', 'RL.EST', ['integrity']],
  ['liêm chính', 'BIPA.STRLED_INT', ['integrity']],
  ['quỹ lương', 'BI.WAG.TOTL.GD.ZS', ['workforce-and-pay']],
  ['việc làm khu vực công', 'BSG.ILO.SIZE_PSE', ['workforce-and-pay']],
  ['phụ nữ', 'BI.EMP.PWRK.PB.FE.ZS', []],
  ['thanh toán hóa đơn', 'FINDEX.FIN26A', []],
  ['tuyển dụng', 'BIPA.INC_RECRUITMENT', ['hr-and-talent']],
  ['lãnh đạo', 'BIPA.STRLED', ['leadership']],
  ['dân số', 'SP.POP.TOTL', ['context']],
];

const ENGLISH: [string, string, string[]][] = [
  ['productivity', 'GE.EST', ['productivity-and-delivery']],
  ['government effectiveness', 'GE.EST', []],
  ['online services', 'OSI', ['digital-transformation']],
  ['e-government', 'EGDI', ['digital-transformation']],
  ['digital payments', 'FINDEX.G20_ANY', ['digital-transformation']],
  ['pay bills online', 'FINDEX.FIN26A', []],
  ['training', 'TRN.STAT.HOURS', ['training-and-learning']],
  ['training hours', 'TRN.MIN.HOURS', []],
  ['corruption', 'CC.EST', ['integrity']],
  ['rule of law', 'RL.EST', ['integrity']],
  ['wage bill', 'BI.WAG.TOTL.GD.ZS', ['workforce-and-pay']],
  ['public employment', 'BSG.ILO.SIZE_PSE', ['workforce-and-pay']],
  ['women managers', 'BSG.ILO.PS_SNRMGR_FEMALE', []],
  ['merit', 'VDEM.V2STCRITRECADM', ['hr-and-talent']],
  ['recruitment', 'BIPA.INC_RECRUITMENT', ['hr-and-talent']],
  ['leadership', 'BIPA.STRLED', ['leadership']],
  ['internet users', 'IT.NET.USER.ZS', []],
  ['GDP per capita', 'NY.GDP.PCAP.CD', []],
  ['percentile rank', 'RL.PER.RNK', []],
  ['governance score', 'RL.SCORE', []],
];

type Hit = { code: string; relevance: number };

describe('GET /v1/indicators?q=, as a Vietnamese analyst types', () => {
  it.each(VIETNAMESE)('"%s" finds %s first (or among the first three) and themes %j', async (q, code, themes) => {
    const { status, body } = await getJson(loaded.app, `/v1/indicators?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    const hits = body.indicators as Hit[];
    expect(hits.slice(0, 3).map((h) => h.code)).toContain(code);
    expect(body.themes).toEqual(themes);
    expect(hits.map((h) => h.relevance)).toEqual([...hits.map((h) => h.relevance)].sort((a, b) => b - a));
  });
});

describe('GET /v1/indicators?q=, in English', () => {
  it.each(ENGLISH)('"%s" finds %s first (or among the first three) and themes %j', async (q, code, themes) => {
    const { body } = await getJson(loaded.app, `/v1/indicators?q=${encodeURIComponent(q)}`);
    expect((body.indicators as Hit[]).slice(0, 3).map((h) => h.code)).toContain(code);
    expect(body.themes).toEqual(themes);
  });

  it('lang decides nothing: the same query gives the same list', async () => {
    const en = await getJson(loaded.app, `/v1/indicators?q=${encodeURIComponent('năng suất')}`);
    const vi = await getJson(loaded.app, `/v1/indicators?q=${encodeURIComponent('nang suat')}`);
    expect((vi.body.indicators as Hit[]).map((h) => h.code)).toEqual((en.body.indicators as Hit[]).map((h) => h.code));
  });

  it('a word found nowhere gives an empty list, not an error; an empty q is refused', async () => {
    const none = await getJson(loaded.app, '/v1/indicators?q=xyzzy');
    expect([none.status, none.body.count]).toEqual([200, 0]);
    const empty = await getJson(loaded.app, '/v1/indicators?q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'invalid_parameter', parameter: 'q' });
  });
});

describe('the search rule', () => {
  it('folds case and Vietnamese diacritics, đ included', () => {
    expect(foldText('Năng SUẤT Đào tạo')).toBe('nang suat dao tao');
  });

  it('reaches every theme by its Vietnamese and English name, with and without diacritics', () => {
    for (const theme of THEMES) {
      expect(searchThemes(THEME_NAMES[theme].vi), THEME_NAMES[theme].vi).toContain(theme);
      expect(searchThemes(foldText(THEME_NAMES[theme].vi))).toContain(theme);
      expect(searchThemes(THEME_NAMES[theme].en)).toContain(theme);
    }
  });

  it('a one- or two-letter word must be a whole word: "nữ" is not the start of "nước"', () => {
    const indicator = (name_vi: string) => ({
      code: 'X',
      name_en: 'x',
      name_vi,
      definition: 'x',
      definition_vi: null,
      theme: 'context',
    });
    expect(searchIndicators([indicator('Số nước có số liệu')], 'nữ')).toEqual([]);
    expect(searchIndicators([indicator('Tỷ lệ nữ')], 'nu')).toHaveLength(1);
  });
});
