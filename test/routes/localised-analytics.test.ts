import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

type Ranked = { iso3: string; country: string; value: number; score: number | null };

describe('lang on rankings, compare and profiles', () => {
  it('rankings with lang=vi name the countries in Vietnamese and keep codes and values', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/rankings?indicator=EGDI&group=ASEAN&year=2024&lang=vi');
    expect(status).toBe(200);
    expect(body.lang).toBe('vi');
    const ranking = body.ranking as Ranked[];
    expect(ranking.find((r) => r.iso3 === 'VNM')).toMatchObject({ country: 'Việt Nam', value: 0.77092 });
    expect(ranking.find((r) => r.iso3 === 'SGP')?.country).toBe('Xin-ga-po');
    const english = await getJson(loaded.app, '/v1/rankings?indicator=EGDI&group=ASEAN&year=2024');
    expect((english.body.ranking as Ranked[]).find((r) => r.iso3 === 'VNM')?.country).toBe('Viet Nam');
    expect(english.body.lang).toBe('en');
  });

  it('the CSV keeps its column names and carries the localised name in the country column', async () => {
    const response = await loaded.app.request('/v1/rankings?indicator=EGDI&group=ASEAN&year=2024&lang=vi&format=csv');
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.slice(0, 6)).toEqual(['indicator', 'rank', 'iso3', 'country', 'value', 'year']);
    expect(parsed.data.find((r) => r.iso3 === 'VNM')?.country).toBe('Việt Nam');
  });

  it('observations with lang=vi carry Vietnamese names in the country column of the CSV', async () => {
    const response = await loaded.app.request(
      '/v1/observations?indicator=EGDI&countries=VNM&from=2024&lang=vi&format=csv',
    );
    const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.slice(0, 5)).toEqual(['indicator', 'iso3', 'country', 'year', 'value']);
    expect(parsed.data).toMatchObject([{ iso3: 'VNM', country: 'Việt Nam', year: '2024', value: '0.77092' }]);
  });

  it('compare with lang=vi localises the row names', async () => {
    const { body } = await getJson(loaded.app, '/v1/compare?indicators=EGDI,OSI&countries=VNM,THA&year=2024&lang=vi');
    expect((body.rows as { iso3: string; country: string }[]).map((r) => [r.iso3, r.country])).toEqual([
      ['VNM', 'Việt Nam'],
      ['THA', 'Thái Lan'],
    ]);
  });

  it('profiles accept lang=vi: country and indicator names in Vietnamese', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/profiles/VNM?group=ASEAN&year=2024&lang=vi');
    expect(status).toBe(200);
    expect(body.country).toBe('Việt Nam');
    const egdi = (body.indicators as { indicator: string; name: string; value: number }[]).find(
      (i) => i.indicator === 'EGDI',
    );
    expect(egdi).toMatchObject({ name: 'Chỉ số phát triển Chính phủ điện tử (EGDI)', value: 0.77092 });
  });

  it('an unknown language is a 400 naming the parameter', async () => {
    for (const url of [
      '/v1/rankings?indicator=EGDI&lang=fr',
      '/v1/profiles/VNM?lang=fr',
      '/v1/compare?indicators=EGDI,OSI&lang=xx',
    ]) {
      const { status, body } = await getJson(loaded.app, url);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'invalid_parameter', parameter: 'lang' });
    }
  });
});

type Spec = Record<string, unknown>;
function find(node: unknown, test: (n: Spec) => boolean, out: Spec[] = []): Spec[] {
  if (Array.isArray(node)) for (const child of node) find(child, test, out);
  else if (node && typeof node === 'object') {
    if (test(node as Spec)) out.push(node as Spec);
    for (const child of Object.values(node)) find(child, test, out);
  }
  return out;
}

describe('chart options the explorer uses', () => {
  it('highlight takes several countries: only they keep their colours', async () => {
    const { status, body } = await getJson(
      loaded.app,
      '/v1/charts/ranking?indicator=EGDI&group=ASEAN&year=2024&highlight=VNM,THA',
    );
    expect(status).toBe(200);
    const scale = find(body.spec, (n) => Array.isArray(n.domain) && Array.isArray(n.range))[0] as {
      domain: string[];
      range: string[];
    };
    const colour = (iso3: string) => scale.range[scale.domain.indexOf(iso3)];
    expect(colour('VNM')).toBe('#D55E00');
    expect(colour('THA')).toBe('#0072B2');
    expect(colour('SGP')).toBe('#C8C8C8');
  });

  it('an unknown highlighted country is named in a 400', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/charts/ranking?indicator=EGDI&highlight=VNM,XXX');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'unknown_country', unknown: ['XXX'] });
  });

  it('normalise=minmax draws the 0–100 score: best 100, worst 0, Viet Nam from the published values', async () => {
    const { body } = await getJson(
      loaded.app,
      '/v1/charts/ranking?indicator=EGDI&group=ASEAN&year=2024&normalise=minmax',
    );
    const rows = find(body.spec, (n) => Array.isArray(n.values) && (n.values as Spec[])[0]?.rank !== undefined)[0]
      ?.values as { iso3: string; value: number }[];
    const score = (iso3: string) => rows.find((r) => r.iso3 === iso3)?.value;
    expect(score('SGP')).toBe(100);
    expect(score('TLS')).toBe(0);
    expect(score('VNM')).toBeCloseTo((100 * (0.77092 - 0.40202)) / (0.96912 - 0.40202), 10);
  });

  it('log=true makes the value axis logarithmic for GDP per capita', async () => {
    const { status, body } = await getJson(
      loaded.app,
      '/v1/charts/timeseries?indicator=NY.GDP.PCAP.CD&countries=VNM,THA&from=2015&to=2023&log=true',
    );
    expect(status).toBe(200);
    const logAxes = find(body.spec, (n) => (n.scale as Spec | undefined)?.type === 'log');
    expect(logAxes.length).toBeGreaterThan(0);
  });

  it('log=true is refused where values are negative (WGI estimates) or the chart is a bar ranking', async () => {
    const negative = await getJson(loaded.app, '/v1/charts/timeseries?indicator=GE.EST&countries=VNM,THA&log=true');
    expect(negative.status).toBe(400);
    expect(negative.body).toMatchObject({ code: 'invalid_parameter', parameter: 'log' });
    const bars = await getJson(loaded.app, '/v1/charts/ranking?indicator=EGDI&log=true');
    expect(bars.status).toBe(400);
    expect(bars.body).toMatchObject({ parameter: 'log' });
  });
});

describe('the methods page', () => {
  it('is HTML in English and in Vietnamese, with every section of /v1/methods', async () => {
    const methods = await getJson(loaded.app, '/v1/methods');
    for (const lang of ['en', 'vi']) {
      const response = await loaded.app.request(`/methods?lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      for (const key of Object.keys(methods.body)) expect(html).toContain(`<section id="${key}">`);
    }
    expect(await (await loaded.app.request('/methods?lang=vi')).text()).toContain('Chuẩn hoá');
  });
});
