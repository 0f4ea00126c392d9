import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/domain/countries.ts';
import { isValueAttribute } from '../../src/domain/value-attributes.ts';
import type { Brief } from '../../src/documents/brief-model.ts';
import { useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

const brief = async (iso3: string, group: string, lang = 'en') =>
  (await (
    await loaded.app.request(`/v1/briefs/${iso3}?group=${encodeURIComponent(group)}&lang=${lang}`)
  ).json()) as Brief;

const CASES = COUNTRIES.flatMap((c) => ['ASEAN', 'ASEAN+3'].map((group) => [c.iso3, group] as const));

describe('how a brief writes strengths, gaps and data gaps', () => {
  it.each(CASES)(
    '%s against %s: a strength ranks in the top third, a gap in the bottom third, never a middle rank',
    async (iso3, group) => {
      const { summary } = await brief(iso3, group);
      for (const s of summary.strengths) {
        const rank = s.rank as { value: number; of: number };
        expect(rank.value, `${s.indicator} ${rank.value} of ${rank.of}`).toBeLessThanOrEqual(Math.ceil(rank.of / 3));
        expect(s.normalised_distance.value).toBeGreaterThan(0);
      }
      for (const g of summary.gaps) {
        const rank = g.rank as { value: number; of: number };
        expect(rank.value, `${g.indicator} ${rank.value} of ${rank.of}`).toBeGreaterThan(
          rank.of - Math.ceil(rank.of / 3),
        );
        expect(g.normalised_distance.value).toBeLessThan(0);
      }
    },
  );

  it.each(CASES)(
    '%s against %s: confidence bounds, standard errors and source counts are never headlines or data gaps',
    async (iso3, group) => {
      const b = await brief(iso3, group);
      const listed = [
        ...b.sections.flatMap((s) => s.headlines.map((h) => h.indicator)),
        ...b.data_gaps.indicators.map((g) => g.indicator),
      ];
      expect(listed.filter(isValueAttribute)).toEqual([]);
    },
  );

  it('says when there is no clear strength: Myanmar against ASEAN, in English and Vietnamese', async () => {
    const en = await brief('MMR', 'ASEAN');
    expect(en.summary.strengths).toEqual([]);
    const html = await (await loaded.app.request('/v1/briefs/MMR?group=ASEAN&part=annex&format=html')).text();
    expect(html).toContain(
      'No clear strength: on no headline indicator does the country rank in the top third of its peers and above their median.',
    );
    const vi = await (await loaded.app.request('/v1/briefs/MMR?group=ASEAN&lang=vi&part=annex&format=html')).text();
    expect(vi).toContain('Không có điểm mạnh rõ rệt:');
  });

  it("keeps Viet Nam's clearest strength against ASEAN in the top third: Control of Corruption, 4th of 11", async () => {
    const { summary } = await brief('VNM', 'ASEAN');
    expect(summary.strengths[0]).toMatchObject({ indicator: 'CC.EST', rank: { value: 4, of: 11 } });
    // Before the rule, a middle rank (5 of 10) could be called the clearest strength.
    expect(summary.strengths.every((s) => (s.rank?.value ?? 99) <= Math.ceil((s.rank?.of ?? 0) / 3))).toBe(true);
  });

  it('recognises the value attributes by their codes, and nothing else', () => {
    for (const code of [
      'GE.EST.LOWER',
      'GE.PER.RNK.UPPER',
      'GE.SCORE.SE',
      'GE.STD.ERR',
      'GE.NO.SRC',
      'QOG.EXP.PROFF1_LOWCI',
    ])
      expect(isValueAttribute(code), code).toBe(true);
    for (const code of ['GE.EST', 'GE.SCORE', 'GE.PER.RNK', 'QOG.EXP.PROFF1', 'EGDI', 'ITU.MOBILE_OWNERSHIP'])
      expect(isValueAttribute(code), code).toBe(false);
  });
});
