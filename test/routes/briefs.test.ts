import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/domain/countries.ts';
import type { Brief, BriefNumber } from '../../src/documents/brief-model.ts';
import { getJson, useLoadedApp } from '../helpers/app.ts';

/**
 * GET /v1/briefs/{iso3}: every number of a brief is the number the API serves (profiles,
 * rankings, efficiency), found again from the call and field the number names; a few values are
 * checked by hand against the shipped data; bad inputs are problem+json; Vietnamese wording.
 */
const ctx = useLoadedApp();

type Json = Record<string, unknown>;

/** Every BriefNumber in a brief, wherever it sits. */
function numbersIn(value: unknown, found: BriefNumber[] = []): BriefNumber[] {
  if (Array.isArray(value)) for (const v of value) numbersIn(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (typeof o.value === 'number' && typeof o.api === 'string' && typeof o.field === 'string')
      found.push(o as unknown as BriefNumber);
    for (const [key, v] of Object.entries(o)) if (key !== 'spec') numbersIn(v, found);
  }
  return found;
}

/** Follows a field path such as `indicators[indicator=EGDI].frontier.value` in an API answer. */
function pick(body: unknown, path: string): unknown {
  let current = body;
  for (const part of path.split(/\.(?![^[]*\])/)) {
    const m = /^([a-z_]+)(?:\[([a-z0-9_]+)=([^\]]+)\])?$/.exec(part);
    if (!m) throw new Error(`bad path part ${part}`);
    current = (current as Json)?.[m[1] as string];
    if (m[2]) current = (current as Json[]).find((item) => String(item[m[2] as string]) === m[3]);
  }
  return current;
}

describe('GET /v1/briefs/{iso3}', () => {
  const answers = new Map<string, Json>();
  const fetchApi = async (url: string): Promise<Json> => {
    let body = answers.get(url);
    if (!body) {
      const response = await getJson(ctx.app, url);
      expect(response.status, url).toBe(200);
      body = response.body;
      answers.set(url, body);
    }
    return body;
  };
  const entryOf = (profile: Json, code: string) => pick(profile, `indicators[indicator=${code}]`) as Json;

  /** The number's value from the call it names: read directly, or by the stated formula over that call's fields. */
  async function reproduce(n: BriefNumber): Promise<number> {
    const m = /^value\((.+)\) - value\((.+)\)$/.exec(n.field);
    if (m) {
      const [later, earlier] = [await fetchApi(m[1] as string), await fetchApi(m[2] as string)];
      return (entryOf(later, n.indicator).value as number) - (entryOf(earlier, n.indicator).value as number);
    }
    const body = await fetchApi(n.api);
    if (n.field === 'value - group_median') {
      const e = entryOf(body, n.indicator);
      return (e.value as number) - (e.group_median as number);
    }
    const norm = /^(-?)\(value - group_median\) \/ \(group_max - group_min\) \* 100$/.exec(n.field);
    if (norm) {
      const e = entryOf(body, n.indicator);
      const sign = norm[1] === '-' ? -1 : 1;
      return (
        (sign * ((e.value as number) - (e.group_median as number)) * 100) /
        ((e.group_max as number) - (e.group_min as number))
      );
    }
    return pick(body, n.field) as number;
  }

  it('every number of every brief (14 countries × ASEAN, ASEAN+3) equals the API answer it names', async () => {
    let checked = 0;
    for (const group of ['ASEAN', 'ASEAN+3']) {
      for (const { iso3 } of COUNTRIES) {
        const { status, body } = await getJson(ctx.app, `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}`);
        expect(status, `${iso3} ${group}`).toBe(200);
        const brief = body as unknown as Brief;
        for (const n of numbersIn(brief)) {
          expect(await reproduce(n), `${iso3} ${group} ${n.api} ${n.field}`).toBe(n.value);
          // Indicator, year and release are those of the served value.
          if (n.api.startsWith('/v1/profiles/') && n.field.startsWith('indicators[')) {
            const e = entryOf(await fetchApi(n.api), n.indicator);
            expect([e.year, e.release]).toEqual([n.year, n.release]);
          }
          checked++;
        }
        // Rank, median and best are also those of /v1/rankings for the same indicator and year.
        for (const h of brief.sections.flatMap((s) => s.headlines)) {
          if (!h.rank) continue;
          const ranking = await fetchApi(h.ranking_api);
          expect(h.ranking_api).toContain(`indicator=${h.indicator}&`);
          expect(h.ranking_api).toContain(`year=${h.value.year}`);
          const row = pick(ranking, `ranking[iso3=${iso3}]`) as Json;
          expect(row.rank, `${iso3} ${h.indicator}`).toBe(h.rank.value);
          expect(ranking.median).toBe(h.median?.value);
          expect((ranking.ranking as Json[])[0]?.value).toBe(h.best?.value);
          expect((ranking.ranking as Json[]).length).toBe(h.rank.of);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 600_000);

  it('the Vietnamese brief carries the same numbers as the English one (14 countries × ASEAN, ASEAN+3)', async () => {
    // Only the wording changes with lang: each number keeps its value, call, field, year and release.
    // The efficiency call carries lang= for its sentences; its numbers do not depend on it.
    const facts = (brief: unknown) =>
      numbersIn(brief).map((n) => [
        n.value,
        n.api.replace(/&lang=(en|vi)$/, ''),
        n.field,
        n.indicator,
        n.year,
        n.release,
      ]);
    // Written with the decimal comma and the point between thousands: 0.7709 → 0,7709; 1,234.5 → 1.234,5.
    const swapSeparators = (text: string) => text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
    let compared = 0;
    for (const group of ['ASEAN', 'ASEAN+3']) {
      for (const { iso3 } of COUNTRIES) {
        const url = `/v1/briefs/${iso3}?group=${encodeURIComponent(group)}`;
        const en = await getJson(ctx.app, `${url}&lang=en`);
        const vi = await getJson(ctx.app, `${url}&lang=vi`);
        expect([en.status, vi.status]).toEqual([200, 200]);
        expect(facts(vi.body), `${iso3} ${group}`).toEqual(facts(en.body));
        expect(numbersIn(vi.body).map((n) => n.text)).toEqual(numbersIn(en.body).map((n) => swapSeparators(n.text)));
        compared += facts(en.body).length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 600_000);

  it.each([
    '/v1/briefs/VNM?countries=THA,SGP,IDN,PHL,MYS&lang=vi',
    '/v1/briefs/THA?group=ASEAN&year=2022&since=2014',
    '/v1/briefs/KOR?group=ASEAN&max_age=3',
  ])('%s: every number equals the API answer it names', async (briefUrl) => {
    const { status, body } = await getJson(ctx.app, briefUrl);
    expect(status).toBe(200);
    const numbers = numbersIn(body);
    expect(numbers.length).toBeGreaterThan(10);
    for (const n of numbers) expect(await reproduce(n), `${n.api} ${n.field}`).toBe(n.value);
  });

  it('Viet Nam against ASEAN: hand-checked EGDI 2024 and efficiency', async () => {
    const { body } = await getJson(ctx.app, '/v1/briefs/VNM?group=ASEAN');
    const brief = body as unknown as Brief;
    const egdi = brief.sections.flatMap((s) => s.headlines).find((h) => h.indicator === 'EGDI');
    // datasets/un-egov/2024/data.csv, the 11 ASEAN members today, EGDI 2024 sorted best first:
    // SGP 0.96912, THA 0.8351, MYS 0.81114, IDN 0.79911, VNM 0.77092, PHL 0.76212, BRN 0.75536,
    // KHM 0.57536, MMR 0.50007, LAO 0.44038, TLS 0.40202 → Viet Nam 5th of 11; the median is the
    // 6th value (PHL 0.76212); the best is Singapore's 0.96912.
    expect(egdi?.value).toMatchObject({ value: 0.77092, year: 2024, release: 'un-egov:2024' });
    expect(egdi?.rank).toMatchObject({ value: 5, of: 11 });
    expect(egdi?.median?.value).toBe(0.76212);
    expect(egdi?.best).toMatchObject({ value: 0.96912, iso3: ['SGP'] });
    expect(egdi?.distance_to_median?.value).toBe(0.77092 - 0.76212);
    expect(egdi?.distance_to_best?.value).toBe(0.96912 - 0.77092);
    // Min-max score: (0.77092 − 0.40202) / (0.96912 − 0.40202) × 100.
    expect(egdi?.score?.value).toBeCloseTo(((0.77092 - 0.40202) / (0.96912 - 0.40202)) * 100, 10);
    // DEA-VRS, input-oriented, wage bill → GE.EST and EGDI, each country's inputs and outputs from
    // years at most 1 apart (see /v1/efficiency): Viet Nam 2019–2020, Myanmar and Singapore 2020–2021.
    // EGDI binds: λ_SGP = (0.6667 − 0.4316) / (0.915 − 0.4316) of Singapore's wage bill, the rest Myanmar's.
    const lambda = (0.6667 - 0.4316) / (0.915 - 0.4316);
    const target = (1 - lambda) * 3.3016791343689 + lambda * 3.79295682907104;
    expect(brief.productivity.score?.value).toBeCloseTo(target / 8.89999675750732, 12);
    expect(brief.productivity.peers.map((p) => p.iso3).sort()).toEqual(['MMR', 'SGP']);
    // The brief says which years it compares, and that Myanmar, a peer, is no model.
    expect(brief.productivity.notes[0]).toMatch(/^Each country's inputs and outputs come from years at most 1 apart/);
    // Its own bootstrap interval, the same as /v1/efficiency's for Viet Nam (same draws, same seed).
    expect(brief.productivity.notes[1]).toBe('Simar–Wilson bootstrap: 95 % interval 0.29–0.39, bias-corrected 0.34.');
    const api = (await getJson(ctx.app, brief.productivity.api)).body as {
      scores: { iso3: string; bootstrap: { low: number; high: number; bias_corrected: number } }[];
    };
    const own = api.scores.find((s) => s.iso3 === 'VNM')?.bootstrap;
    expect([own?.low.toFixed(2), own?.high.toFixed(2), own?.bias_corrected.toFixed(2)]).toEqual([
      '0.29',
      '0.39',
      '0.34',
    ]);
    expect(brief.productivity.notes[2]).toMatch(
      /^Myanmar is on the frontier only because it has the smallest Wage bill/,
    );
    expect(brief.peer_group).toMatchObject({ code: 'ASEAN', members: expect.arrayContaining(['VNM', 'TLS']) });
    expect(brief.peer_group.members).toHaveLength(11);
  });

  it('writes Vietnamese ranks as "đứng thứ 5/11" and numbers with a decimal comma', async () => {
    const { body } = await getJson(ctx.app, '/v1/briefs/VNM?group=ASEAN&lang=vi');
    const brief = body as unknown as Brief;
    const egdi = brief.sections.flatMap((s) => s.headlines).find((h) => h.indicator === 'EGDI');
    expect(egdi?.sentence).toContain('đứng thứ 5/11');
    // 0.77092 − 0.76212 = 0.0088 at EGDI's decimals.
    expect(egdi?.sentence).toMatch(/cao hơn trung vị nhóm 0,\d+ điểm/);
    expect(egdi?.value.text).toBe('0,7709');
    expect(brief.title).toBe('Việt Nam: báo cáo tóm tắt về công vụ');
    const en = (await getJson(ctx.app, '/v1/briefs/VNM?group=ASEAN&lang=en')).body as unknown as Brief;
    expect(en.sections.flatMap((s) => s.headlines).find((h) => h.indicator === 'EGDI')?.sentence).toContain(
      'ranks 5 of 11',
    );
  });

  it('leads with the public sector: no private-sector comparator or p-value is a headline; women among public managers is', async () => {
    const { body } = await getJson(ctx.app, '/v1/briefs/VNM?group=ASEAN&lang=vi');
    const brief = body as unknown as Brief;
    const codes = brief.sections.flatMap((s) => s.headlines.map((h) => h.indicator));
    expect(codes.filter((c) => /^BI\.[A-Z]+\.(PRVS|AGES\.PV|CPRS\.PV)\.|^BI\.WAG\.PREM\.PB\.PV$/.test(c))).toEqual([]);
    const hr = brief.sections.find((s) => s.theme === 'hr-and-talent');
    const managers = hr?.headlines.find((h) => h.indicator === 'BI.PWK.PUBS.SN.FE.ZS');
    // WWBI 3.1, row VNM of BI.PWK.PUBS.SN.FE.ZS: 0.29566842317581177 in 2019; no better direction.
    expect(managers?.value.value).toBe(0.29566842317581177);
    expect(managers?.sentence).toContain('(2019): 0,296');
    expect(managers?.sentence).toContain('không có chiều tốt hơn');
  });

  it('gives every caveat in Vietnamese in a Vietnamese brief (every shipped indicator has a translation)', async () => {
    for (const iso3 of ['VNM', 'KOR', 'TLS']) {
      const en = (await getJson(ctx.app, `/v1/briefs/${iso3}?group=ASEAN%2B3&lang=en`)).body as unknown as Brief;
      const vi = (await getJson(ctx.app, `/v1/briefs/${iso3}?group=ASEAN%2B3&lang=vi`)).body as unknown as Brief;
      const english = new Set(en.sections.flatMap((s) => s.caveats.map((c) => c.text)));
      const caveats = vi.sections.flatMap((s) => s.caveats.map((c) => c.text));
      expect(caveats.length, iso3).toBeGreaterThan(5);
      expect(
        caveats.filter((text) => english.has(text)),
        iso3,
      ).toEqual([]);
    }
  });

  it('serves a print-ready HTML page with inline SVG charts and no script, with an ETag', async () => {
    const response = await ctx.app.request('/v1/briefs/VNM?group=ASEAN&lang=vi&part=all&format=html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const etag = response.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('size: A4');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('đứng thứ 5/11');
    const again = await ctx.app.request('/v1/briefs/VNM?group=ASEAN&lang=vi&part=all&format=html', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ['/v1/briefs/XYZ?group=ASEAN', 404, 'unknown_country'],
    ['/v1/briefs/VNM?group=EU', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?lang=fr', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?year=20x4', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?year=1800', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?format=rtf', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?group=ASEAN&countries=VNM,THA', 400, 'invalid_parameter'],
    ['/v1/briefs/VNM?year=2023&latest=true', 400, 'invalid_parameter'],
    ['/v1/briefs/vnm', 400, 'invalid_parameter'],
  ])('%s → %i problem+json', async (url, status, code) => {
    const response = await getJson(ctx.app, url);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe(code);
  });
});
