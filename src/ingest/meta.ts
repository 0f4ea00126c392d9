import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { HIERARCHY_LEVELS, INDICATOR_MEASURES, SCALES, THEMES } from '../domain/themes.ts';
import { IngestError } from './errors.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** YAML reads `release: 2024` as a number; a release id is always text. */
const idText = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/i));

export const indicatorMetaSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_.]+$/, 'indicator codes are upper-case letters, digits, dots and underscores'),
  name_en: z.string().min(1),
  name_vi: z.string().min(1),
  theme: z.enum(THEMES),
  unit: z.string().min(1),
  scale: z.enum(SCALES),
  higher_is_better: z.boolean().nullable(),
  decimals: z.number().int().min(0).max(10),
  definition: z.string().min(1),
  caveats: z.array(z.string()).default([]),
  /** Vietnamese translations (CivScope's; the English above is the source's own words). */
  definition_vi: z.string().min(1).nullable().default(null),
  caveats_vi: z.array(z.string().min(1)).nullable().default(null),
  /** Composite sources: the level in the source's hierarchy and the indicator one level up. */
  level: z.enum(HIERARCHY_LEVELS).nullable().default(null),
  parent: z.string().nullable().default(null),
  /** What the ranks published with the values rank: "of 120 countries", never "within ASEAN". */
  rank_scope: z
    .object({ en: z.string().min(1), vi: z.string().min(1) })
    .nullable()
    .default(null),
  /**
   * What the indicator measures, where a theme's evidence depends on it: people's `use` (adoption)
   * or what governments `supply`; omitted where neither fits.
   */
  measures: z.enum(INDICATOR_MEASURES).nullable().default(null),
  /** How the reader finds this indicator in the file, when the file does not use our code. */
  source_key: z.union([z.string(), z.number()]).transform(String).optional(),
  /**
   * For an indicator whose value is a world rank (EGDI_RANK): how many countries the publisher
   * ranked, by year, where its report says so; stored as each value's `rank_of` ("71st of 193").
   */
  ranked_of: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(1)).optional(),
});

export const flagRuleSchema = z.object({
  indicator: z.string(),
  countries: z.array(z.string().length(3)).min(1),
  /** Omitted: every year. `null` in the list matches undated values. */
  years: z.array(z.number().int().nullable()).optional(),
  /** When given, the rule applies only to values exactly equal to it (e.g. zeros meaning "no data"). */
  value: z.number().optional(),
  flag: z.string().regex(/^[a-z][a-z-]*$/),
  note: z.string().nullable().default(null),
  /** CivScope's Vietnamese of the note: required with a note. */
  note_vi: z.string().min(1).nullable().default(null),
});

/**
 * A value this release's compilers looked for and did not find: which texts, where, and when. It
 * tells an analyst the gap was searched, not overlooked; it is never loaded as a value.
 */
export const searchedGapSchema = z.strictObject({
  indicator: z.string().min(1),
  iso3: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code'),
  searched_on: isoDate,
  searched: z.string().min(1),
  searched_vi: z.string().min(1),
});

export const releaseMetaSchema = z
  .object({
    source: z.object({
      id: idText,
      name: z.string().min(1),
      publisher: z.string().min(1),
      url: z.string().min(1),
      licence: z.string().min(1),
      /** CivScope's Vietnamese of the three above: a Vietnamese chart footer or source list names them in Vietnamese. */
      name_vi: z.string().min(1),
      publisher_vi: z.string().min(1),
      licence_vi: z.string().min(1),
      citation: z.string().min(1),
      /** Where the publisher posts editions, and how often: for staleness and `sources:check`. */
      editions: z
        .strictObject({
          /** The publisher's page (or file pattern) where new editions appear. */
          page: z.string().min(1),
          /** The URL of the candidate newest edition's file, which `sources:check` downloads. */
          download: z.url({ protocol: /^https?$/ }).optional(),
          /** Months between editions; omitted for a source without a regular cadence. */
          cadence_months: z.number().int().positive().optional(),
        })
        .optional(),
    }),
    release: idText,
    label: z.string().min(1),
    /** CivScope's Vietnamese of the label (every shipped release has one). */
    label_vi: z.string().min(1).nullable().default(null),
    format: z.enum([
      'tidy',
      'wb-bulk',
      'un-egov',
      'bipa-long',
      'qog-wide',
      'ilostat-bulk',
      'bipa-processed',
      'wb-databank-xlsx',
      'findex-csv',
      'wgi-long',
      'wgi-wide',
      'itu-datahub-csv',
    ]),
    /** A plain file name beside meta.yaml: no directories, no `..`, no hidden files. */
    file: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'file must be a plain file name beside meta.yaml, such as data.csv')
      .default('data.csv'),
    published_on: isoDate,
    retrieved_on: isoDate.nullable().default(null),
    notes: z.string().default(''),
    /** CivScope's Vietnamese of the notes: required with notes. */
    notes_vi: z.string().default(''),
    /**
     * The Vietnamese of each distinct note the data file (or its reader) gives a value, keyed by the
     * note's exact English text: the file itself is never edited. A note without one stops the release.
     */
    value_notes_vi: z.array(z.strictObject({ note: z.string().min(1), vi: z.string().min(1) })).default([]),
    /**
     * The release re-estimates history with a new method (WGI 2025): said in words, so /v1/changes
     * reports its revised values as one method revision with counts, not as individual changes.
     */
    method_revision: z.strictObject({ en: z.string().min(1), vi: z.string().min(1) }).optional(),
    /** The year of every value, for files that carry none (an index edition such as BIPA 2024). */
    edition_year: z.number().int().min(1900).max(2100).optional(),
    /**
     * A country spelling that resolves to nothing stops the release (`error`, the default: a
     * misspelt "Viet Nan" must not quietly drop Viet Nam); `report` loads the rest and lists it.
     * `npm run ingest -- --allow-unresolved` does the same for one run.
     */
    unresolved_countries: z.enum(['report', 'error']).default('error'),
    /** Policy figures may have no year; statistical releases must date every value. */
    allow_undated: z.boolean().default(false),
    /** sha256 of the data file; when present, ingestion refuses a file that does not match. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    indicators: z.array(indicatorMetaSchema).min(1),
    flags: z.array(flagRuleSchema).default([]),
    searched_without_result: z.array(searchedGapSchema).default([]),
  })
  .superRefine(checkHierarchy)
  .superRefine(checkSearchedGaps)
  .superRefine(checkCaveatTranslations)
  .superRefine(checkNoteTranslations);

/** A searched gap names an indicator of this release, and each country once per indicator. */
function checkSearchedGaps(
  meta: { indicators: z.infer<typeof indicatorMetaSchema>[]; searched_without_result: SearchedGap[] },
  ctx: z.RefinementCtx,
): void {
  const codes = new Set(meta.indicators.map((i) => i.code));
  const seen = new Set<string>();
  meta.searched_without_result.forEach((gap, i) => {
    const path = ['searched_without_result', i];
    if (!codes.has(gap.indicator))
      ctx.addIssue({ code: 'custom', path, message: `${gap.indicator} is not an indicator of this release` });
    const key = `${gap.indicator}|${gap.iso3}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path, message: `${gap.iso3} is listed twice for ${gap.indicator}` });
    seen.add(key);
  });
}

/** What a release says in English in words it also says in Vietnamese: its notes and each flag's note. */
function checkNoteTranslations(
  meta: { notes: string; notes_vi: string; flags: z.infer<typeof flagRuleSchema>[] },
  ctx: z.RefinementCtx,
): void {
  if (meta.notes.trim() !== '' && meta.notes_vi.trim() === '')
    ctx.addIssue({ code: 'custom', path: ['notes_vi'], message: 'the notes need their Vietnamese (notes_vi)' });
  meta.flags.forEach((rule, index) => {
    if (rule.note !== null && rule.note_vi === null)
      ctx.addIssue({
        code: 'custom',
        path: ['flags', index, 'note_vi'],
        message: `the note of flag "${rule.flag}" needs its Vietnamese (note_vi)`,
      });
  });
}

/** A translation of the caveats says each of them: one Vietnamese caveat per English one, in order. */
function checkCaveatTranslations(
  meta: { indicators: z.infer<typeof indicatorMetaSchema>[] },
  ctx: z.RefinementCtx,
): void {
  meta.indicators.forEach((indicator, index) => {
    if (indicator.caveats_vi !== null && indicator.caveats_vi.length !== indicator.caveats.length)
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', index, 'caveats_vi'],
        message: `${indicator.code}: ${indicator.caveats_vi.length} Vietnamese caveats for ${indicator.caveats.length} English ones`,
      });
  });
}

/** A parent is declared in the same release, one level up; a hierarchy has levels throughout. */
function checkHierarchy(meta: { indicators: z.infer<typeof indicatorMetaSchema>[] }, ctx: z.RefinementCtx): void {
  const byCode = new Map(meta.indicators.map((i) => [i.code, i]));
  meta.indicators.forEach((indicator, index) => {
    if (indicator.parent === null) return;
    const parent = byCode.get(indicator.parent);
    const expected = indicator.level ? HIERARCHY_LEVELS[HIERARCHY_LEVELS.indexOf(indicator.level) - 1] : undefined;
    if (!parent || parent.level === null || parent.level !== expected)
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', index, 'parent'],
        message: `parent "${indicator.parent}" must be an indicator of this release one level above ${indicator.level ?? '(no level)'}`,
      });
  });
}

export type ReleaseMeta = z.infer<typeof releaseMetaSchema>;
export type IndicatorMeta = z.infer<typeof indicatorMetaSchema>;
export type FlagRule = z.infer<typeof flagRuleSchema>;
export type SearchedGap = z.infer<typeof searchedGapSchema>;

/** The database id of a release: source and release label, unique across the catalogue. */
export function releaseId(meta: Pick<ReleaseMeta, 'source' | 'release'>): string {
  return `${meta.source.id}:${meta.release}`;
}

export function parseReleaseMeta(text: string, fileName: string): ReleaseMeta {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new IngestError(`${fileName}: not valid YAML: ${(error as Error).message}`, { file: fileName });
  }
  const parsed = releaseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new IngestError(`${fileName}: field ${where}: ${issue?.message}`, { file: fileName, column: where });
  }
  return parsed.data;
}

export async function readReleaseMeta(path: string): Promise<ReleaseMeta> {
  return parseReleaseMeta(await readFile(path, 'utf8'), path);
}
