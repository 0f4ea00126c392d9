import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { renderPool } from '../../src/render/render-pool.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { createTestApp } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { readPdf } from '../helpers/pdf.ts';
import { CHART_SAMPLES } from './chart-samples.ts';

let test: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let validateSpec: (spec: unknown) => boolean;
const renderer = renderPool({ threads: 2 });

beforeAll(async () => {
  test = await createLoadedDatabase();
  app = createApp({
    db: test.db,
    now: () => new Date('2026-11-22T12:00:00Z'),
    versions: dataVersionSource(test.db, 0),
    // The production renderer: worker threads.
    renderer,
    lpSolver: loadHighsSolver,
  });
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(await readFile(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  ajv.addFormat('color-hex', /^#[0-9a-fA-F]{3,8}$/);
  const validate = ajv.compile(schema);
  validateSpec = (spec) => {
    const ok = validate(spec) as boolean;
    if (!ok) console.error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    return ok;
  };
});
afterAll(async () => {
  await renderer.close();
  await test?.close();
});

const REPRESENTATIVE = CHART_SAMPLES;

/** Compiles a spec with vega-lite and returns its warnings (errors throw). */
function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.join(' '));
    },
  };
  compile(spec, { logger: logger as never });
  return warnings;
}

async function chartJson(type: string, query: string) {
  const response = await app.request(`/v1/charts/${type}?${query}`);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown> & { spec: TopLevelSpec; description: string },
  };
}

describe('every chart type', () => {
  for (const lang of ['en', 'vi'] as const) {
    it.each(Object.entries(REPRESENTATIVE))(
      `%s (${lang}) compiles with vega-lite without warnings and validates against the Vega-Lite schema`,
      async (type, query) => {
        const { status, body } = await chartJson(type, `${query}&lang=${lang}`);
        expect(status).toBe(200);
        expect(compileWarnings(body.spec)).toEqual([]);
        expect(validateSpec(body.spec)).toBe(true);
        const spec = body.spec as unknown as { title: { text: string[]; subtitle: string[] }; description: string };
        expect(spec.title.text.join(' ').length).toBeGreaterThan(3);
        expect(spec.title.subtitle.length).toBeGreaterThanOrEqual(2); // peer group and year(s)
        expect(spec.description).toBe(body.description);
        expect(JSON.stringify(body.spec)).toContain(lang === 'vi' ? 'Nguồn:' : 'Source:'); // the footer
      },
    );
  }
});

describe('the size the chart JSON gives its iframe snippets', () => {
  it.each(Object.entries(REPRESENTATIVE))('%s: is the size of the SVG the renderer draws', async (type, query) => {
    const { body } = await chartJson(type, `${query}&width=480`);
    const svg = await (await app.request(`/v1/charts/${type}.svg?${query}&width=480`)).text();
    const attr = (name: string) => Math.ceil(Number(new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)"`).exec(svg)?.[1]));
    expect(body.size).toEqual({ width: attr('width'), height: attr('height') });
    // Laid out to the requested width; a map or a grid of panels may come out a few pixels narrower.
    expect(attr('width')).toBeLessThanOrEqual(480);
    expect(attr('width')).toBeGreaterThan(460);
    expect((body.embed as { iframe: string }).iframe).toContain(
      `width="${attr('width')}" height="${attr('height') + 24}"`,
    );
  });
});

describe('alt text', () => {
  it('names the leader of ASEAN on EGDI 2024 and the highlighted country', async () => {
    const en = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2024&highlight=VNM');
    expect(en.body.description).toBe('Singapore ranks first of 11 at 0.9691; Viet Nam is 5th at 0.7709.');
    const vi = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2024&highlight=VNM&lang=vi');
    expect(vi.body.description).toBe(
      'Xin-ga-po đứng thứ nhất trong 11 nước với 0,9691; Việt Nam đứng thứ 5 với 0,7709.',
    );
  });

  it('names the leader of ASEAN+3 on Government Effectiveness 2023 and the last country', async () => {
    // WGI 2026 update (wgi.csv rows SGP,2023 and MMR,2023): 2.0970289 and -1.6570015.
    const { body } = await chartJson('map', 'indicator=GE.EST&group=ASEAN%2B3&year=2023');
    expect(body.description).toBe('Singapore ranks first of 14 at 2.0970; Myanmar is 14th at -1.6570.');
  });
});

describe('server-side rendering', () => {
  it('SVG carries the country labels in English, and in Vietnamese with diacritics', async () => {
    const en = await (await app.request('/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024')).text();
    expect(en.startsWith('<svg')).toBe(true);
    for (const name of ['Singapore', 'Viet Nam', 'Lao PDR', 'Timor-Leste']) expect(en).toContain(name);
    const vi = await app.request('/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024&lang=vi');
    expect(vi.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const text = await vi.text();
    for (const name of ['Việt Nam', 'Xin-ga-po', 'Thái Lan', 'Lào']) expect(text).toContain(name);
    expect(text).toContain('0,9'); // Vietnamese decimal comma on the axis
    expect(text).toContain('chỉ số 0–1'); // the axis title (the unit) in Vietnamese
  });

  it('PNG is a PNG of the requested width', async () => {
    const response = await app.request('/v1/charts/ranking.png?indicator=EGDI&group=ASEAN&year=2024&lang=vi&width=720');
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(16)).toBe(720); // IHDR width
    expect(view.getUint32(20)).toBeGreaterThan(200); // IHDR height follows the chart's aspect ratio
  });

  it('a missing year is a gap in the line, not a bridge', async () => {
    // Public employment share: Cambodia reports 2003, 2006, 2008, 2009, 2012 while the Philippines reports every year.
    const svg = await (
      await app.request('/v1/charts/timeseries.svg?indicator=BI.EMP.TOTL.PB.ZS&countries=KHM,PHL&highlight=KHM')
    ).text();
    const khmColour = '#44AA99';
    const khmLines = [...svg.matchAll(/<path[^>]*d="([^"]+)"[^>]*stroke="([^"]+)"/g)].filter(
      (m) => m[2]?.toUpperCase() === khmColour && (m[1]?.includes('L') ?? false),
    );
    const subpaths = khmLines.map((m) => (m[1]?.match(/M/g) ?? []).length);
    // 2003 | 2006 | 2008–2009 | 2012: four separate pieces, one of them a segment.
    expect(subpaths).toEqual([4]);
  });
});

describe('chart URLs', () => {
  it('offers the embed snippet, the data URL and the image URLs', async () => {
    const { body } = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2024');
    expect(body.data_url).toBe('http://localhost/v1/rankings?group=ASEAN&indicator=EGDI&year=2024');
    expect(body.svg_url).toBe('http://localhost/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024');
    expect((body.embed as { iframe: string }).iframe).toMatch(
      /^<iframe src="http:\/\/localhost\/embed\/ranking\?indicator=EGDI&amp;group=ASEAN&amp;year=2024" title="E-Government Development Index \(EGDI\)"/,
    );
  });

  it('data=url makes a live chart that reads the /v1 endpoint', async () => {
    const { body } = await chartJson('timeseries', 'indicator=EGDI&countries=VNM,SGP&data=url');
    const spec = body.spec as unknown as { layer: { data: { url: string; format: { property: string } } }[] };
    expect(spec.layer[0]?.data).toEqual({
      url: 'http://localhost/v1/observations?countries=VNM%2CSGP&indicator=EGDI',
      format: { type: 'json', property: 'observations' },
    });
  });

  it('release= pins a chart: immutable and cached for a year', async () => {
    const response = await app.request(
      '/v1/charts/timeseries?indicator=NY.GDP.PCAP.CD&countries=KHM&from=2018&release=wb-wdi:2023-12-gdp-per-capita',
    );
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(((await response.json()) as { pinned: boolean }).pinned).toBe(true);
  });

  it('the embed page shows the chart with vega-embed from our own /assets, with the alt text as caption', async () => {
    const html = await (await app.request('/embed/ranking?indicator=EGDI&group=ASEAN&year=2024&lang=vi')).text();
    expect(html).toMatch(/<script defer src="\/assets\/vega-embed\.min\.js(\?v=[\w-]+)?"><\/script>/);
    expect(html).not.toMatch(/cdn|jsdelivr|unpkg/);
    expect(html).toContain(
      '<figcaption>Xin-ga-po đứng thứ nhất trong 11 nước với 0,9691; Ti-mo Lét-xtê đứng thứ 11 với 0,4020.</figcaption>',
    );
  });
});

describe('bad chart parameters get problem+json, as on the data routes', () => {
  it.each([
    ['/v1/charts/pie?indicator=EGDI', 400, 'invalid_parameter'],
    ['/v1/charts/ranking.gif?indicator=EGDI', 400, 'invalid_parameter'],
    ['/v1/charts/ranking', 400, 'invalid_parameter'],
    ['/v1/charts/scatter?x=EGDI', 400, 'invalid_parameter'],
    ['/v1/charts/heatmap?indicators=EGDI', 400, 'invalid_parameter'],
    ['/v1/charts/heatmap?indicators=EGDI,OSI&data=url', 400, 'invalid_parameter'],
    ['/v1/charts/slope?indicator=EGDI&from=2024&to=2024', 400, 'invalid_parameter'],
    ['/v1/charts/ranking?indicator=EGDI&lang=fr', 400, 'invalid_parameter'],
    ['/v1/charts/ranking.png?indicator=EGDI&width=5000', 400, 'invalid_parameter'],
    ['/v1/charts/ranking?indicator=EGDI&highlight=XYZ', 400, 'unknown_country'],
    ['/v1/charts/ranking?indicator=NOPE', 400, 'unknown_indicator'],
    ['/v1/charts/ranking?indicator=EGDI&group=EU', 404, 'unknown_group'],
    ['/v1/charts/frontier?outputs=EGDI', 400, 'invalid_parameter'],
    ['/v1/charts/frontier?inputs=BI.WAG.TOTL.GD.ZS', 400, 'invalid_parameter'],
    ['/v1/charts/frontier?inputs=EGDI&outputs=GE.EST', 400, 'unsuitable_indicator'],
    ['/v1/charts/frontier?inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&method=dea', 400, 'invalid_parameter'],
    ['/v1/charts/productivity-change?inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&from=2016', 400, 'invalid_parameter'],
    ['/v1/charts/productivity-change?outputs=EGDI&from=2016&to=2018', 400, 'invalid_parameter'],
    [
      '/v1/charts/productivity-change?inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&from=2018&to=2016',
      400,
      'invalid_parameter',
    ],
    [
      '/v1/charts/productivity-change?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST&from=2016&to=2018',
      422,
      'unsuitable_data',
    ],
    ['/embed/pie?indicator=EGDI', 404, 'not_found'],
    ['/embed/frontier?outputs=EGDI', 400, 'invalid_parameter'],
    ['/embed/ranking?indicator=EGDI&year=abc', 400, 'invalid_parameter'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await app.request(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });

  it('PNG on a deployment without a PNG renderer is a clear 501', async () => {
    const edgeLike = createTestApp(test);
    const response = await edgeLike.request('/v1/charts/ranking.png?indicator=EGDI&group=ASEAN');
    expect(response.status).toBe(501);
    expect(((await response.json()) as { code: string }).code).toBe('not_implemented');
  });
});

describe('the frontier chart', () => {
  const FRONTIER = 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&group=ASEAN%2B3&latest=true&highlight=VNM';

  it.each([
    ['fdh', 'step-after'],
    ['dea-vrs', 'linear'],
    ['dea-crs', 'linear'],
  ])(
    'one input, one output (%s): points, the frontier drawn %s, and the highlighted target',
    async (method, interpolate) => {
      const { status, body } = await chartJson('frontier', `${FRONTIER}&method=${method}`);
      expect(status).toBe(200);
      expect(compileWarnings(body.spec)).toEqual([]);
      expect(validateSpec(body.spec)).toBe(true);
      const text = JSON.stringify(body.spec);
      expect(text).toContain(`"interpolate":"${interpolate}"`);
      expect(text).toContain('"caption":"target"');
    },
  );

  it('more inputs or outputs: a ranked bar of scores with the leave-one-out range, in Vietnamese', async () => {
    const { status, body } = await chartJson(
      'frontier',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST,EGDI&group=ASEAN%2B3&latest=true&highlight=VNM&lang=vi',
    );
    expect(status).toBe(200);
    expect(compileWarnings(body.spec)).toEqual([]);
    expect(validateSpec(body.spec)).toBe(true);
    const layers = (
      (body.spec as unknown as { layer: { layer: { mark: { type: string } }[] }[] }).layer[0]?.layer ?? []
    ).map((l) => l.mark.type);
    expect(layers).toEqual(['bar', 'rule', 'tick']);
    expect(JSON.stringify(body.spec)).toContain('Điểm hiệu quả (1 = trên biên)');
  });

  it('writes its alt text from the numbers of /v1/efficiency', async () => {
    const { body } = await chartJson('frontier', FRONTIER);
    const data = await (await app.request(`/v1/efficiency?${FRONTIER.replace('&highlight=VNM', '')}`)).json();
    const { scores, frontier, left_out, years_used } = data as {
      scores: {
        iso3: string;
        score: number;
        summary: string;
        jackknife: { low: number; high: number };
        efficient_by_construction: { note: string } | null;
      }[];
      frontier: { countries: string[] };
      left_out: { country: string }[];
      years_used: string;
    };
    // The years compared and the frontier countries there only by construction close the alt text.
    const notes = [
      years_used,
      ...scores.flatMap((s) => (s.efficient_by_construction ? [s.efficient_by_construction.note] : [])),
    ];
    expect(notes[1]).toMatch(/^Myanmar is on the frontier only because/);
    const vnm = scores.find((s) => s.iso3 === 'VNM') as (typeof scores)[number];
    const names = { MMR: 'Myanmar', SGP: 'Singapore' } as Record<string, string>;
    expect(body.description).toBe(
      `${scores.length} countries; on the frontier: ${frontier.countries.map((c) => names[c] ?? c).join(', ')}. Viet Nam scores ${vnm.score.toFixed(2)} (${vnm.jackknife.low.toFixed(2)}–${vnm.jackknife.high.toFixed(2)}). ${vnm.summary} Left out for lack of data: ${left_out.map((l) => l.country).join(', ')}. ${notes.join(' ')}`,
    );
  });

  it('SVG renders the frontier with the country labels', async () => {
    const response = await app.request(`/v1/charts/frontier.svg?${FRONTIER}&lang=vi`);
    expect(response.status).toBe(200);
    const svg = await response.text();
    for (const name of ['Việt Nam', 'Xin-ga-po', 'mục tiêu']) expect(svg).toContain(name);
  });
});

describe('the productivity-change chart (Malmquist index)', () => {
  const CHANGE = 'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN%2B3&from=2016&to=2018';
  type Change = {
    countries: { iso3: string; malmquist: number; efficiency_change: number; technical_change: number }[];
    summary: { geometric_mean: { malmquist: number } | null };
    left_out: { iso3: string }[];
  };
  const change = async (query: string) =>
    (await (await app.request(`/v1/efficiency/change?${query}`)).json()) as Change;
  const rowsOf = (spec: TopLevelSpec) =>
    (spec as unknown as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer[0]?.data.values ?? [];

  it('draws each country’s index and its two factors exactly as /v1/efficiency/change gives them, best first', async () => {
    const { status, body } = await chartJson('productivity-change', `${CHANGE}&highlight=VNM`);
    expect(status).toBe(200);
    expect(compileWarnings(body.spec)).toEqual([]);
    expect(validateSpec(body.spec)).toBe(true);
    const data = await change(CHANGE);
    const rows = rowsOf(body.spec);
    expect(rows.map((r) => [r.iso3, r.malmquist, r.efficiency_change, r.technical_change])).toEqual(
      data.countries.map((c) => [c.iso3, c.malmquist, c.efficiency_change, c.technical_change]),
    );
    // The caption is the index as a percentage change, one decimal, with a real minus sign.
    for (const r of rows) {
      const p = ((r.malmquist as number) - 1) * 100;
      const sign = p >= 0.05 ? '+' : p <= -0.05 ? '\u2212' : '';
      expect(r.caption).toBe(`${sign}${Math.abs(p).toFixed(1)}\u00a0%`);
    }
    // Countries without every value in both years are named, as the endpoint names them.
    expect(body.missing).toEqual(data.left_out.map((l) => l.iso3));
  });

  it('states its two years in the title, and its inputs, outputs and method in the subtitle', async () => {
    const { body } = await chartJson('productivity-change', CHANGE);
    expect(body.title).toBe('Productivity change from 2016 to 2018');
    const subtitle = (body.spec as unknown as { title: { subtitle: string[] } }).title.subtitle.join(' ');
    expect(subtitle).toContain('Inputs: Wage bill as a percentage of GDP');
    expect(subtitle).toContain('Malmquist index (Färe et al. 1994)');
    const vi = await chartJson('productivity-change', `${CHANGE}&lang=vi`);
    expect(vi.body.title).toBe('Thay đổi năng suất từ 2016 đến 2018');
  });

  it('alt text: the range of changes, the group mean and the highlighted country’s decomposition', async () => {
    const { body } = await chartJson('productivity-change', `${CHANGE}&highlight=VNM`);
    const data = await change(CHANGE);
    const pct = (ratio: number) => {
      const p = (ratio - 1) * 100;
      return `${p >= 0.05 ? '+' : p <= -0.05 ? '\u2212' : ''}${Math.abs(p).toFixed(1)}\u00a0%`;
    };
    const first = data.countries[0] as Change['countries'][number];
    const last = data.countries.at(-1) as Change['countries'][number];
    const vnm = data.countries.find((c) => c.iso3 === 'VNM') as Change['countries'][number];
    const names: Record<string, string> = { TLS: 'Timor-Leste', KOR: 'Korea, Rep.' };
    expect(body.description).toBe(
      `From 2016 to 2018, productivity in the ${data.countries.length} countries compared changed by between ${pct(last.malmquist)} (${names[last.iso3]}) and ${pct(first.malmquist)} (${names[first.iso3]}). Group geometric mean: ${pct(data.summary.geometric_mean?.malmquist as number)}. Viet Nam: ${pct(vnm.malmquist)}, from efficiency change ${pct(vnm.efficiency_change)} and technical change ${pct(vnm.technical_change)}.`,
    );
  });

  it('draws no group mean for two countries', async () => {
    const { status, body } = await chartJson(
      'productivity-change',
      'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&countries=VNM,SGP&from=2016&to=2018',
    );
    expect(status).toBe(200);
    expect(JSON.stringify(body.spec)).not.toContain('geometric mean');
    expect(body.description).not.toContain('mean');
  });

  it('renders in Vietnamese with the measures named in the legend and decimal commas', async () => {
    const response = await app.request(`/v1/charts/productivity-change.svg?${CHANGE}&lang=vi`);
    expect(response.status).toBe(200);
    const svg = await response.text();
    for (const words of ['Thay đổi hiệu quả (bắt kịp)', 'Thay đổi công nghệ (dịch chuyển đường biên)', 'Việt Nam'])
      expect(svg).toContain(words);
    expect(svg).toMatch(/\+\d+,\d&#xa0;%|\+\d+,\d\u00a0%/);
  });
});

describe('print output', () => {
  const pngSize = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  };
  const query = 'indicator=EGDI&group=ASEAN&year=2024&lang=vi&width=700';

  it('PNG scale=2 doubles every pixel of the scale-1 image laid out at the same width', async () => {
    const one = new Uint8Array(await (await app.request(`/v1/charts/ranking.png?${query}`)).arrayBuffer());
    const two = new Uint8Array(await (await app.request(`/v1/charts/ranking.png?${query}&scale=2`)).arrayBuffer());
    const svg = await (await app.request(`/v1/charts/ranking.svg?${query}`)).text();
    const svgWidth = Math.ceil(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]));
    expect(pngSize(one).width).toBe(svgWidth);
    expect(svgWidth).toBeLessThanOrEqual(700);
    expect(pngSize(two)).toEqual({ width: 2 * pngSize(one).width, height: 2 * pngSize(one).height });
    // Scale 1 keeps the chart's own sizes: its smallest text is 10 px.
    const sizes = [...svg.matchAll(/font-size="([\d.]+)px"|font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1] ?? m[2]));
    expect(Math.min(...sizes)).toBe(10);
  });

  it.each(['4', '0', 'abc'])('PNG scale=%s is a 400 naming the parameter', async (scale) => {
    const response = await app.request(`/v1/charts/ranking.png?${query}&scale=${scale}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { parameter: string }).parameter).toBe('scale');
  });

  it('width lays the chart out at that width instead of stretching it', async () => {
    const narrow = await (
      await app.request('/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024&width=320')
    ).text();
    const wide = await (
      await app.request('/v1/charts/ranking.svg?indicator=EGDI&group=ASEAN&year=2024&width=1600')
    ).text();
    const width = (svg: string) => Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    expect(width(narrow)).toBeLessThanOrEqual(320);
    expect(width(narrow)).toBeGreaterThan(300);
    expect(width(wide)).toBeLessThanOrEqual(1600);
    expect(width(wide)).toBeGreaterThan(1580);
  });

  it('PDF is a vector PDF whose text a viewer reads back with Vietnamese diacritics, in Noto Sans', async () => {
    const response = await app.request(`/v1/charts/ranking.pdf?${query}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    const text = pdf.pages.join('\n');
    expect(text).toContain('Chỉ số phát triển Chính phủ điện tử');
    expect(text).toContain('Việt Nam');
    expect(text).toContain('Nguồn');
    // Letters with a dot below read back as written (fontkit's ccmp split them into a shared mark).
    expect(text).toContain('trung vị 0,7621');
    expect(pdf.fonts.join(' ')).toMatch(/NotoSans/);
    expect(pdf.fonts.join(' ')).not.toMatch(/Times|Helvetica/);
  });

  it.each([
    'ranking.pdf?indicator=EGDI&group=ASEAN&year=2024&lang=vi',
    'map.pdf?indicator=EGDI&group=ASEAN&year=2024&lang=vi',
    'timeseries.pdf?indicator=GE.EST&group=ASEAN&from=2015&to=2025',
    'heatmap.pdf?indicators=EGDI,OSI,TII,GE.EST&group=ASEAN',
  ])('PDF %s fits a 170 mm column (482 pt) and prints no text under 10 pt', async (path) => {
    const pdf = await readPdf(new Uint8Array(await (await app.request(`/v1/charts/${path}`)).arrayBuffer()));
    // The map lays itself out a few points narrower than the column (its plot keeps the shapes' aspect).
    expect(pdf.sizes[0]?.width).toBeLessThanOrEqual(482);
    expect(pdf.sizes[0]?.width).toBeGreaterThan(470);
    expect(pdf.smallestText).toBeGreaterThanOrEqual(10);
  });

  it('PDF with an explicit width keeps it (1 px = 1 pt)', async () => {
    const bytes = await (
      await app.request('/v1/charts/ranking.pdf?indicator=EGDI&group=ASEAN&year=2024&width=800')
    ).arrayBuffer();
    expect((await readPdf(new Uint8Array(bytes))).sizes[0]?.width).toBe(800);
  });

  it('SVG with text=paths has no text elements, only outlines, and renders without any font', async () => {
    const svg = await (await app.request(`/v1/charts/ranking.svg?${query}&text=paths`)).text();
    expect(svg).not.toMatch(/<text/);
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(100);
    const { Resvg, initWasm } = await import('@resvg/resvg-wasm');
    const wasm = await readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
    // The module may be initialised already (by the app's renderer in this process): once is enough.
    await initWasm(wasm).catch((error: Error) => {
      if (!/already/i.test(error.message)) throw error;
    });
    const bare = new Resvg(svg, { font: { fontBuffers: [] } }).render();
    expect(bare.width).toBeGreaterThan(600);
  });
});

describe('honest coverage and empty charts', () => {
  it('a year without data answers with a chart that says which years have data, and lists them in the JSON', async () => {
    const { status, body } = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2023');
    expect(status).toBe(200);
    expect(body.years_with_data).toEqual([2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024]);
    const text = JSON.stringify(body.spec);
    expect(text).toContain('No data for 2023 in this selection.');
    expect(text).toContain('Years with data: 2003–2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024.');
    expect(text).toContain('Source: United Nations'); // the indicator's source, even with no values
    const vi = await chartJson('map', 'indicator=EGDI&group=ASEAN&year=2023&lang=vi');
    expect(JSON.stringify(vi.body.spec)).toContain('Không có số liệu cho năm 2023 trong lựa chọn này.');
  });

  it('members without data are named in the footer, the alt text and the JSON', async () => {
    // China has no wage-bill value: 13 of the 14 ASEAN+3 members are drawn.
    const { body } = await chartJson('scatter', 'x=BI.WAG.TOTL.GD.ZS&y=GE.EST&group=ASEAN%2B3');
    expect(body.missing).toEqual(['CHN']);
    expect(body.description).toContain('for 13 countries');
    expect(body.description).toContain('No data for 1 of 14 countries: China.');
    expect(JSON.stringify(body.spec)).toContain('No data for 1 of 14 countries: China.');
  });

  it('a neutral indicator (the wage bill) is described by highest and lowest, never by rank', async () => {
    const en = await chartJson('ranking', 'indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3');
    expect(en.body.description).toMatch(/^Highest of 13: .+; lowest: .+\. No data for 1 of 14 countries: China\.$/);
    expect(en.body.description).not.toMatch(/rank|first/);
    const vi = await chartJson('ranking', 'indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN%2B3&lang=vi');
    expect(vi.body.description).toMatch(/^Cao nhất trong 13 nước: .+; thấp nhất: .+\./);
    expect(vi.body.description).not.toMatch(/thứ nhất|đứng/);
  });

  it('one country with data never "ranks first of 1": it says how many were compared', async () => {
    // China publishes no wage bill: of Viet Nam and China only Viet Nam has a value.
    const { body } = await chartJson('ranking', 'indicator=BI.WAG.TOTL.GD.ZS&countries=VNM,CHN&year=2018');
    expect(body.description).toMatch(
      /^Only Viet Nam has data \(.+\) of the 2 countries compared\. No data for 1 of 2 countries: China\.$/,
    );
  });
});

describe('the map for ASEAN publications', () => {
  /** The map's layers, inside the frame's body layer. */
  const layersOf = (spec: TopLevelSpec) =>
    ((spec as { layer: { layer?: Record<string, unknown>[]; projection?: unknown }[] }).layer[0] ?? {}) as {
      layer: { data: { values: Record<string, unknown>[] }; mark: Record<string, unknown> }[];
      projection: { fit: { geometry: { coordinates: [number, number][] } } };
    };

  it('frames ASEAN on its members, all of Indonesia included, with the +3 drawn pale and clipped', async () => {
    const { body } = await chartJson('map', 'indicator=EGDI&group=ASEAN&year=2024');
    const map = layersOf(body.spec);
    const [[west, south], [east, north]] = map.projection.fit.geometry.coordinates as [
      [number, number],
      [number, number],
    ];
    // Natural Earth 1:50m: Myanmar's west at 92.2° E, Indonesian Papua's east at 141.0° E, Rote
    // island's south at 11.0° S, Myanmar's north at 28.5° N; 1.5° of sea around them.
    expect(west).toBeCloseTo(92.2 - 1.5, 0);
    expect(east).toBeCloseTo(141.0 + 1.5, 0);
    expect(south).toBeCloseTo(-11.0 - 1.5, 0);
    expect(north).toBeCloseTo(28.5 + 1.5, 0);
    expect(map.layer.every((l) => l.mark.clip === true)).toBe(true);
    const context = map.layer[0] as unknown as { transform: { filter?: string }[]; mark: { fill: string } };
    expect(context.mark.fill).toBe('#F4F4F4');
    expect(context.transform.at(-1)?.filter).toContain(
      '"BRN","IDN","KHM","LAO","MMR","MYS","PHL","SGP","THA","TLS","VNM"',
    );
  });

  it('labels each member by its code, the +3 only when they are in the group', async () => {
    const codes = async (query: string) => {
      const { body } = await chartJson('map', query);
      const labelled = layersOf(body.spec).layer.filter((l) => l.mark.type === 'text' && l.mark.fontWeight === 'bold');
      return (labelled[0]?.data.values ?? []).map((v) => v.iso3).sort();
    };
    expect(await codes('indicator=EGDI&group=ASEAN&year=2024')).toEqual([
      'BRN',
      'IDN',
      'KHM',
      'LAO',
      'MMR',
      'MYS',
      'PHL',
      'SGP',
      'THA',
      'TLS',
      'VNM',
    ]);
    expect(await codes('indicator=EGDI&group=ASEAN%2B3&year=2024')).toHaveLength(14);
  });

  it('draws the islands of the East Sea and names them, and says boundaries imply no endorsement, in both languages', async () => {
    const en = JSON.stringify((await chartJson('map', 'indicator=EGDI&group=ASEAN&year=2024')).body.spec);
    expect(en).toContain('["Paracel","Islands"]');
    expect(en).toContain('["Spratly","Islands"]');
    expect(en).toContain('Boundaries and names shown on this map do not imply endorsement or acceptance by CivScope.');
    const vi = JSON.stringify((await chartJson('map', 'indicator=EGDI&group=ASEAN&year=2024&lang=vi')).body.spec);
    expect(vi).toContain('["Quần đảo","Hoàng Sa"]');
    expect(vi).toContain('["Quần đảo","Trường Sa"]');
    expect(vi).toContain(
      'Đường biên giới và tên gọi thể hiện trên bản đồ không hàm ý CivScope công nhận hay chấp thuận.',
    );
    // Twelve dots: five for the Paracels, seven for the Spratlys, in the neutral grey of the context.
    const islands = layersOf((await chartJson('map', 'indicator=EGDI&group=ASEAN&year=2024')).body.spec).layer.find(
      (l) => l.mark.type === 'circle' && l.mark.color === '#8A8A8A',
    );
    expect(islands?.data.values).toHaveLength(12);
  });

  it('renders to SVG with every member code and the island names in Vietnamese', async () => {
    const svg = await (await app.request('/v1/charts/map.svg?indicator=EGDI&group=ASEAN&year=2024&lang=vi')).text();
    for (const code of ['VNM', 'SGP', 'IDN', 'TLS', 'BRN']) expect(svg).toContain(`>${code}<`);
    expect(svg).toContain('Hoàng Sa');
    expect(svg).toContain('Trường Sa');
  });
});

describe('highlighting a country outside the group', () => {
  it('says in the subtitle that it is not drawn, in both languages, and greys no bar', async () => {
    const en = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2024&highlight=CHN');
    const subtitle = (spec: TopLevelSpec) =>
      JSON.stringify((spec as { title?: { subtitle?: unknown } }).title?.subtitle ?? '');
    expect(subtitle(en.body.spec)).toContain('China: highlighted but not in ASEAN, so not drawn.');
    const vi = await chartJson('ranking', 'indicator=EGDI&group=ASEAN&year=2024&highlight=CHN&lang=vi');
    expect(subtitle(vi.body.spec)).toContain(
      'Trung Quốc: được chọn làm nổi bật nhưng không thuộc ASEAN, nên không có trên biểu đồ.',
    );
    expect(JSON.stringify(en.body.spec)).not.toContain('"#C8C8C8"');
  });
});
