import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHART_TYPES as ALL_CHART_TYPES, type ChartType } from '../../src/charts/chart-types.ts';
import { useLoadedApp } from '../helpers/app.ts';

// Issue 28, item 9: no English in `lang=vi` outside the proper names of publishers and licences —
// across charts, embeds, the methods page, the analyses' words and the reader's CSV. Each answer is
// read twice, in English and in Vietnamese: an English word (4 letters or more) that the English
// answer uses and the Vietnamese one repeats is a word left untranslated, unless it belongs to a
// proper name (a publisher, a source, a licence, a citation: read from /v1/sources) or to the short
// list of product names below.

const loaded = useLoadedApp();

/** Names of products and indices that stay in English in a Vietnamese text, as Vietnamese writers keep them. */
const PRODUCT_NAMES = [
  'govtech',
  'findex',
  'blavatnik',
  'excel',
  // Indonesia's and China's own words for their training units (jam pelajaran, xueshi), not English.
  'pelajaran',
  'xueshi',
  // The edge runtime.
  'cloudflare',
  'workers',
  // JSON's empty value, named as in the answers.
  'null',
  // Written so in Vietnamese; and the code host a training text was read from.
  'internet',
  'github',
  // Software: the LP solvers (HiGHS; YALPS, written in TypeScript), HiGHS's university, the language of the Malmquist test's source, the edge runtime.
  'highs',
  'typescript',
  'edinburgh',
  'julia',
  'webassembly',
  // A statistical method Vietnamese writes by its English name ("phương pháp bootstrap").
  'bootstrap',
  // Authors of the methods cited.
  'silverman',
  'charnes',
  'cooper',
  'rhodes',
  'banker',
  'seiford',
  'tone',
  'pastor',
  'deprins',
  'tulkens',
  'afonso',
  'schuknecht',
  'tanzi',
  'huangfu',
  'hall',
  'malmquist',
  'grosskopf',
  'norris',
  'zhang',
  'andersen',
  'petersen',
  'simar',
  'wilson',
];

/** Every chart type but the frontier, whose walk is the efficiency answer's (JSON_ROUTES). */
const CHART_TYPES = ALL_CHART_TYPES.filter((type): type is Exclude<ChartType, 'frontier'> => type !== 'frontier');

/** One query per chart type that draws something for ASEAN. */
const CHART_QUERY: Record<Exclude<ChartType, 'frontier'>, string> = {
  ranking: 'indicator=GE.EST&group=ASEAN&latest=true&highlight=VNM',
  timeseries: 'indicator=GE.EST&group=ASEAN&from=2015&highlight=VNM',
  heatmap: 'indicators=EGDI,OSI,TII,GE.EST&group=ASEAN',
  scatter: 'x=BI.WAG.TOTL.GD.ZS&y=GE.EST&group=ASEAN&trend=true',
  slope: 'indicator=EGDI&group=ASEAN&from=2018&to=2024',
  map: 'indicator=EGDI&group=ASEAN&year=2024&highlight=VNM',
  'small-multiples': 'indicator=GE.EST&group=ASEAN&from=2015',
  'productivity-change': 'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN&from=2014&to=2018&highlight=THA',
};

/** JSON answers whose sentences a reader sees, with `lang`. */
const JSON_ROUTES = [
  '/v1/rankings?indicator=EGDI&group=ASEAN&year=2024',
  '/v1/compare?indicators=EGDI,GE.EST&group=ASEAN&year=2022',
  '/v1/profiles/VNM?group=ASEAN&year=2024',
  '/v1/observations?indicator=EGDI&group=ASEAN&from=2022',
  // Values with notes: legal texts (training), ILOSTAT's source codes and statuses, ITU's sources, flags.
  '/v1/observations?theme=training-and-learning&group=ASEAN%2B3',
  '/v1/observations?indicators=ILO.EMP.PUB,ITU.MOBILE_OWNERSHIP,HCI,BI.WAG.TOTL.PB.ZS&group=ASEAN%2B3&from=2003',
  '/v1/efficiency?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.EST&group=ASEAN&latest=true&method=dea-vrs',
  '/v1/efficiency/change?inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN&from=2014&to=2018',
  '/v1/briefs/VNM?group=ASEAN&latest=true',
  '/v1/methods?',
];

/** Answers that carry both languages side by side ({en, vi} pairs, `_vi` fields). */
const BILINGUAL_ROUTES = ['/v1/themes', '/v1/indicators?theme=training-and-learning', '/v1/indicators/EGDI'];

/** Reader's CSV files (`style=reader`): their header row is what a person sees first. */
const CSV_ROUTES = [
  '/v1/rankings?indicator=EGDI&group=ASEAN&year=2024',
  '/v1/compare?indicators=EGDI,GE.EST&group=ASEAN&year=2022',
  '/v1/observations?indicator=EGDI&group=ASEAN&from=2022',
];

/** Keys whose strings are machine values, codes, addresses or the publisher's own words. */
const MACHINE_KEYS = new Set([
  'code',
  'iso3',
  'url',
  'reference_url',
  'api',
  'call',
  'href',
  'source',
  'sources',
  'publisher',
  'licence',
  'license',
  'citation',
  'release',
  // Provenance notes of each release, in the English of the files they describe.
  'releases',
  'release_id',
  'sha256',
  // The publisher's own definition; `definition_vi` beside it is the translation.
  'definition',
  // The works cited, by their published titles.
  'references',
  // Where a brief's number is read: the answer's field, or a formula over API calls.
  'field',
  'name_en',
  'country_en',
  'embed',
  'iframe',
  'data_url',
  'spec',
]);

/**
 * Words of 4 letters or more, leaving out code in any language: anything in backticks, parameters (`part=annex`),
 * flag codes (`zero-no-data`), indicator codes (`BIPA.STRLED_INV`) and acronyms (`CGSI`, `PSLC`), which are names; and anything in double
 * quotes: a legal text or a title quoted in its own language (Malay, Indonesian, English), with the translation beside it.
 */
const words = (text: string) =>
  new Set(
    text
      .replace(/`[^`]*`/g, ' ')
      // Release ids (`wb-wgi:2026-estimates`, `un-egov:2024`) are machine names.
      .replace(/\b[a-z][a-z0-9-]*:[\w.-]+/g, ' ')
      .replace(/"[^"]*"|“[^”]*”/g, ' ')
      .replace(/\b[a-z]+(?:-[a-z]+){2,}\b/g, ' ')
      .replace(/[\w.]+=[\w.,:-]*/g, ' ')
      .replace(/\b[A-Z0-9]+(?:[._][A-Z0-9]+)+\b/g, ' ')
      .replace(/\b[A-Z]{2,}\b/g, ' ')
      .toLowerCase()
      .match(/\b[a-z]{4,}\b/g) ?? [],
  );

/** Vietnamese text: the English answer quotes some (a `_vi` field), which is not English. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýđ]/i;

/**
 * The sentences of a JSON answer in one language: strings with a space (single words are enum
 * values), skipping machine keys, and taking only the `lang` side of a bilingual {en, vi} pair.
 */
function sentences(node: unknown, lang: 'en' | 'vi', out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (node.includes(' ') && !/^https?:\/\//.test(node)) out.push(node);
  } else if (Array.isArray(node)) {
    for (const child of node) sentences(child, lang, out);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ('en' in record && 'vi' in record) return sentences(record[lang], lang, out);
    for (const [key, child] of Object.entries(record)) {
      if (MACHINE_KEYS.has(key)) continue;
      // A bilingual pair (`caveats` and `caveats_vi`, `unit` and `unit_vi`): each language reads its own side.
      if (key.endsWith('_vi') ? lang === 'en' : lang === 'vi' && `${key}_vi` in record) continue;
      sentences(child, lang, out);
    }
  }
  return out;
}

/** The texts an SVG draws. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

/** The visible text of an HTML page: no script, style, code or text marked lang="en". */
function htmlTexts(html: string): string[] {
  const body = html
    .replace(/<(script|style|code|pre|cite|textarea)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<([a-z0-9]+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  return body
    .replace(/<[^>]+>/g, '\n')
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
}

let properNames: Set<string> | undefined;
interface SourceNames {
  citation: string;
  name: string;
  publisher: string;
  licence: string;
  name_vi: string;
  publisher_vi: string;
  licence_vi: string;
}
/**
 * Proper names inside the sources' words, which stay as published: the citations (a reference list
 * keeps the publisher's title), and the words a source's name, publisher and licence keep in their
 * Vietnamese ("Blavatnik", "Oxford", "Gothenburg"). A word the translation drops is not a name.
 */
async function properNameWords(): Promise<Set<string>> {
  if (properNames) return properNames;
  const response = await loaded.app.request('/v1/sources');
  const { sources } = (await response.json()) as { sources: SourceNames[] };
  const kept = (en: string, vi: string) => [...words(en)].filter((w) => words(vi).has(w));
  properNames = new Set([
    ...sources.flatMap((s) => [
      ...words(s.citation),
      ...kept(s.name, s.name_vi),
      ...kept(s.publisher, s.publisher_vi),
      ...kept(s.licence, s.licence_vi),
    ]),
    ...PRODUCT_NAMES,
  ]);
  return properNames;
}

/**
 * The Vietnamese texts that repeat an English word of the English answer, with the words: a text
 * is reported once, so a failure reads as a list of what to translate.
 */
async function untranslated(en: string[], vi: string[]): Promise<string[]> {
  const english = words(en.filter((t) => !VIETNAMESE.test(t)).join(' '));
  const allowed = await properNameWords();
  const out: string[] = [];
  for (const text of vi) {
    const leaked = [...words(text)].filter((w) => english.has(w) && !allowed.has(w));
    if (leaked.length > 0) out.push(`${leaked.join(',')} ← ${text.slice(0, 160)}`);
  }
  return [...new Set(out)];
}

async function text(url: string) {
  const response = await loaded.app.request(url);
  expect(response.status, url).toBe(200);
  return response.text();
}

describe('no English in a Vietnamese answer (outside the names of publishers and licences)', () => {
  it.each(CHART_TYPES)('the %s chart: every text the SVG draws, and its alt text', async (type) => {
    const query = CHART_QUERY[type];
    const en = svgTexts(await text(`/v1/charts/${type}.svg?${query}&lang=en`));
    const vi = svgTexts(await text(`/v1/charts/${type}.svg?${query}&lang=vi`));
    expect(vi.length).toBeGreaterThan(3);
    const specEn = JSON.parse(await text(`/v1/charts/${type}?${query}&lang=en`));
    const specVi = JSON.parse(await text(`/v1/charts/${type}?${query}&lang=vi`));
    const alt = (body: Record<string, unknown>) => [String(body.alt ?? body.alt_text ?? '')];
    expect(await untranslated([...en, ...alt(specEn)], [...vi, ...alt(specVi)])).toEqual([]);
  });

  it.each(JSON_ROUTES)('the sentences of %s', async (url) => {
    const en = sentences(JSON.parse(await text(`${url}&lang=en`)), 'en');
    const vi = sentences(JSON.parse(await text(`${url}&lang=vi`)), 'vi');
    expect(vi.length).toBeGreaterThan(0);
    expect(await untranslated(en, vi)).toEqual([]);
  });

  it.each(BILINGUAL_ROUTES)('the Vietnamese side of %s, which answers in both languages at once', async (url) => {
    const body = JSON.parse(await text(url));
    const vi = sentences(body, 'vi');
    expect(vi.length).toBeGreaterThan(0);
    expect(await untranslated(sentences(body, 'en'), vi)).toEqual([]);
  });

  it.each(CSV_ROUTES)("the reader's CSV header of %s", async (url) => {
    const header = async (lang: string) =>
      Papa.parse<string[]>((await text(`${url}&format=csv&style=reader&lang=${lang}`)).replace(/^\uFEFF/, ''))
        .data[0] ?? [];
    const en = await header('en');
    const vi = await header('vi');
    expect(vi).toContain('Quốc gia');
    expect(await untranslated(en, vi)).toEqual([]);
  });

  it.each(['ranking', 'map'])('the embed page of the %s chart', async (type) => {
    const query = CHART_QUERY[type as 'ranking' | 'map'];
    const en = htmlTexts(await text(`/embed/${type}?${query}&lang=en`));
    const vi = htmlTexts(await text(`/embed/${type}?${query}&lang=vi`));
    expect(await untranslated(en, vi)).toEqual([]);
  });

  it('the methods page', async () => {
    const en = htmlTexts(await text('/methods?lang=en'));
    const vi = htmlTexts(await text('/methods?lang=vi'));
    expect(vi.length).toBeGreaterThan(20);
    expect(await untranslated(en, vi)).toEqual([]);
  });
});
