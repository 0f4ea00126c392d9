import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SCALES, THEMES } from '../domain/themes.ts';
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
});

export const releaseMetaSchema = z.object({
  source: z.object({
    id: idText,
    name: z.string().min(1),
    publisher: z.string().min(1),
    url: z.string().min(1),
    licence: z.string().min(1),
    citation: z.string().min(1),
  }),
  release: idText,
  label: z.string().min(1),
  format: z.enum(['tidy', 'wb-bulk', 'un-egov']),
  file: z.string().default('data.csv'),
  published_on: isoDate,
  retrieved_on: isoDate.nullable().default(null),
  notes: z.string().default(''),
  /** Policy figures may have no year; statistical releases must date every value. */
  allow_undated: z.boolean().default(false),
  /** sha256 of the data file; when present, ingestion refuses a file that does not match. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  indicators: z.array(indicatorMetaSchema).min(1),
  flags: z.array(flagRuleSchema).default([]),
});

export type ReleaseMeta = z.infer<typeof releaseMetaSchema>;
export type IndicatorMeta = z.infer<typeof indicatorMetaSchema>;
export type FlagRule = z.infer<typeof flagRuleSchema>;

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
