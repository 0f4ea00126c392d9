import { z } from 'zod';
import { type CountryResolution, resolveCountry, resolveCountryCode } from '../domain/resolve-country.ts';
import { answerOf, isYesNo } from '../domain/yes-no.ts';
import type { StagedObservation } from '../repositories/observation-load.ts';
import { cellError, IngestError } from './errors.ts';
import type { FlagRule, ReleaseMeta } from './meta.ts';
import type { RawRow } from './readers/raw-row.ts';

/** A value ready to load (parsed in float64 from the source text, never rounded): what the staging table takes. */
export type ParsedObservation = StagedObservation;

export type SkipReason = 'other country' | 'aggregate' | 'missing value' | 'unresolved country' | 'level not loaded';

export interface ValidationResult {
  observations: ParsedObservation[];
  skipped: Record<SkipReason, number>;
  /** Country spellings that matched nothing, by line, so a typo never silently drops a country. */
  unresolved: { line: number; text: string }[];
}

/** Decimal or scientific notation as statistical offices write it; nothing else is a number. */
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** How sources write "no value". */
const MISSING_MARKERS = new Set(['', '..', 'NA', 'N/A', 'n/a']);

function rowSchema(indicatorCodes: [string, ...string[]], allowUndated: boolean) {
  const year = z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'expected a four-digit year')
    .transform(Number)
    .pipe(z.number().int().min(1900, 'year before 1900').max(2100, 'year after 2100'));
  return z.object({
    indicatorCode: z.enum(indicatorCodes, {
      error: (issue) => `indicator "${String(issue.input)}" is not declared in meta.yaml`,
    }),
    year: allowUndated ? z.union([z.literal('').transform(() => null), year]) : year,
    value: z
      .string()
      .trim()
      .regex(NUMERIC_TEXT, 'not a number')
      .transform(Number)
      .pipe(z.number().refine(Number.isFinite, 'number out of range')),
    rank: z
      .string()
      .trim()
      .regex(/^(?:[1-9]\d{0,3})?$/, 'not a rank (a whole number from 1)')
      .transform((text) => (text === '' ? null : Number(text))),
    rankLabel: z
      .string()
      .trim()
      .regex(/^(?:=?[1-9]\d{0,3})?$/, 'not a rank label such as "62" or "=62"')
      .transform((text) => (text === '' ? null : text)),
    rankOf: z
      .string()
      .trim()
      .regex(/^(?:[1-9]\d{0,3})?$/, 'not a count of ranked countries (a whole number from 1)')
      .transform((text) => (text === '' ? null : Number(text))),
  });
}

const COLUMN_OF_FIELD: Record<string, (row: RawRow) => string> = {
  indicatorCode: () => 'indicator_code',
  year: () => 'year',
  value: (row) => row.valueColumn,
  rank: () => 'rank',
  rankLabel: () => 'rank_label',
  rankOf: () => 'rank_of',
};

function ruleMatches(
  rule: FlagRule,
  obs: Pick<ParsedObservation, 'indicatorCode' | 'iso3' | 'year' | 'value'>,
): boolean {
  return (
    rule.indicator === obs.indicatorCode &&
    rule.countries.includes(obs.iso3) &&
    (rule.years === undefined || rule.years.includes(obs.year)) &&
    (rule.value === undefined || rule.value === obs.value)
  );
}

/** The country as the row spells it: its code column or its name column. */
function countryText(row: RawRow): string {
  return 'code' in row.country ? row.country.code : row.country.name;
}

function unresolvedCountry(row: RawRow, displayName: string): IngestError {
  const text = countryText(row);
  const where = row.countryColumn ? `line ${row.line}, column "${row.countryColumn}"` : `line ${row.line}`;
  return new IngestError(
    `${displayName}, ${where}: country "${text}" resolves to no known country; nothing was loaded (it is neither ours, nor another ISO 3166 country, nor a known aggregate: fix the spelling, add an alias to the registry, or pass --allow-unresolved to load the rest)`,
    {
      file: displayName,
      line: row.line,
      ...(row.countryColumn ? { column: row.countryColumn } : {}),
    },
  );
}

function resolve(row: RawRow): CountryResolution {
  return 'code' in row.country ? resolveCountryCode(row.country.code) : resolveCountry(row.country.name);
}

/** Every skip reason at zero: where a release's counts start. */
export function emptySkipCounts(): Record<SkipReason, number> {
  return {
    'other country': 0,
    aggregate: 0,
    'missing value': 0,
    'unresolved country': 0,
    'level not loaded': 0,
  };
}

export interface RowValidator {
  /** The row ready to load, or null when it is skipped (and counted); throws on a malformed row. */
  accept: (row: RawRow) => ParsedObservation | null;
  skipped: Record<SkipReason, number>;
  unresolved: { line: number; text: string }[];
}

/** What every row of one file is checked against, built once per file. */
interface RowRules {
  meta: ReleaseMeta;
  displayName: string;
  allowUnresolved: boolean;
  indicators: Map<string, ReleaseMeta['indicators'][number]>;
  /** meta.yaml's Vietnamese of the notes in the file, by their English text. */
  valueNotesVi: Map<string, string>;
  schema: ReturnType<typeof rowSchema>;
}

/** The text fields `rowSchema` checks, as the row gives them (the rank columns are optional). */
interface RowFields {
  indicatorCode: string;
  year: string;
  value: string;
  rank: string;
  rankLabel: string;
  rankOf: string;
}

/** The fields once parsed: what `rowSchema` produces. */
interface ParsedFields {
  indicatorCode: string;
  year: number | null;
  value: number;
  rank: number | null;
  rankLabel: string | null;
  rankOf: number | null;
}

function fieldsOf(row: RawRow): RowFields {
  return {
    indicatorCode: row.indicatorCode,
    year: row.year,
    value: row.value,
    rank: row.rank ?? '',
    rankLabel: row.rankLabel ?? '',
    rankOf: row.rankOf ?? '',
  };
}

/**
 * The zod schema's rules, checked by hand for a row that passes them all: zod allocates a parse
 * context per row, which at a million rows was most of the validation time and garbage. Any row
 * that fails a rule returns undefined here and goes through zod, whose message is the one reported.
 */
function parseFieldsFast(fields: RowFields, rules: RowRules): ParsedFields | undefined {
  if (!rules.indicators.has(fields.indicatorCode)) return undefined;
  let year: number | null = null;
  if (!(rules.meta.allow_undated && fields.year === '')) {
    const text = fields.year.trim();
    if (!/^\d{4}$/.test(text)) return undefined;
    year = Number(text);
    if (year < 1900 || year > 2100) return undefined;
  }
  const valueText = fields.value.trim();
  if (!NUMERIC_TEXT.test(valueText)) return undefined;
  const value = Number(valueText);
  if (!Number.isFinite(value)) return undefined;
  const rankText = fields.rank.trim();
  const labelText = fields.rankLabel.trim();
  if (rankText !== '' && !/^[1-9]\d{0,3}$/.test(rankText)) return undefined;
  if (labelText !== '' && !/^=?[1-9]\d{0,3}$/.test(labelText)) return undefined;
  const ofText = fields.rankOf.trim();
  if (ofText !== '' && !/^[1-9]\d{0,3}$/.test(ofText)) return undefined;
  return {
    indicatorCode: fields.indicatorCode,
    year,
    value,
    rank: rankText === '' ? null : Number(rankText),
    rankLabel: labelText === '' ? null : labelText,
    rankOf: ofText === '' ? null : Number(ofText),
  };
}

/** The row's fields parsed, or an error naming the file, line and column of the first bad one. */
function parseFields(row: RawRow, rules: RowRules): ParsedFields {
  const fields = fieldsOf(row);
  const fast = parseFieldsFast(fields, rules);
  if (fast) return fast;
  const parsed = rules.schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const { displayName } = rules;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'value') as keyof RowFields;
  const column = COLUMN_OF_FIELD[field]?.(row) ?? field;
  throw new IngestError(
    `${displayName}, line ${row.line}, column "${column}": ${issue?.message} ("${fields[field]}")`,
    {
      file: displayName,
      line: row.line,
      column,
    },
  );
}

/** A rank label ("=62") must name the rank beside it, and a rank cannot exceed how many were ranked. */
function checkRankLabel({ rank, rankLabel, rankOf }: ParsedFields, row: RawRow, displayName: string): void {
  if (rankLabel !== null && rankLabel.replace('=', '') !== String(rank)) {
    throw new IngestError(
      `${displayName}, line ${row.line}, column "rank_label": label "${rankLabel}" does not match rank ${rank ?? '(none)'}`,
      { file: displayName, line: row.line, column: 'rank_label' },
    );
  }
  if (rankOf !== null && (rank === null || rank > rankOf)) {
    throw new IngestError(
      `${displayName}, line ${row.line}, column "rank": rank ${rank ?? '(none)'} with ${rankOf} ranked`,
      { file: displayName, line: row.line, column: 'rank' },
    );
  }
}

/** Remembers the line of each key; throws on a key seen before, naming both lines. */
function checkFirstOccurrence(
  firstLineOfKey: Map<string, number>,
  { indicatorCode, year }: ParsedFields,
  iso3: string,
  row: RawRow,
  displayName: string,
): void {
  const key = `${indicatorCode}|${iso3}|${year}`;
  const firstLine = firstLineOfKey.get(key);
  if (firstLine !== undefined)
    throw duplicateKey(displayName, { indicatorCode, iso3, year }, row.line, firstLine, row.valueColumn);
  firstLineOfKey.set(key, row.line);
}

/**
 * The row's ISO3 code, or null when its country is outside the registry or unknown (counted as a
 * skip); an unknown country stops the release unless meta.yaml or the caller allows it.
 */
function countryOrSkip(row: RawRow, rules: RowRules, tally: Omit<RowValidator, 'accept'>): string | null {
  const country = resolve(row);
  if (country.kind === 'outside') {
    tally.skipped[country.what]++;
    return null;
  }
  if (country.kind === 'unknown') {
    if (rules.meta.unresolved_countries === 'error' && !rules.allowUnresolved)
      throw unresolvedCountry(row, rules.displayName);
    tally.skipped['unresolved country']++;
    tally.unresolved.push({ line: row.line, text: countryText(row) });
    return null;
  }
  return country.iso3;
}

/**
 * How many countries a world-rank value ranks among, from meta.yaml's `ranked_of` for its year;
 * a rank that is not a whole number within that count stops the release.
 */
function rankedOfValue(row: RawRow, { indicatorCode, year, value }: ParsedFields, rules: RowRules): number | null {
  const of = year === null ? undefined : rules.indicators.get(indicatorCode)?.ranked_of?.[String(year)];
  if (of === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > of) {
    throw new IngestError(
      `${rules.displayName}, line ${row.line}, column "${row.valueColumn}": ${value} is not a rank among the ${of} countries meta.yaml says ${indicatorCode} ranked in ${year}`,
      { file: rules.displayName, line: row.line, column: row.valueColumn },
    );
  }
  return of;
}

/** A value of a yes/no indicator must be exactly 1 or 0: anything else stops the release at its cell. */
function checkAnswer(row: RawRow, { indicatorCode, value }: ParsedFields, rules: RowRules): void {
  const indicator = rules.indicators.get(indicatorCode);
  if (indicator && isYesNo(indicator) && answerOf(value) === null)
    throw cellError(
      rules.displayName,
      row.line,
      row.valueColumn,
      `${value} is not an answer: ${indicatorCode} is a yes/no indicator, coded 1 (yes) or 0 (no)`,
    );
}

/**
 * The Vietnamese of the note a row carries: the reader's own, or meta.yaml's `value_notes_vi` for
 * the note's exact text. A note with neither stops the release: a Vietnamese answer never falls
 * back to English.
 */
function rowNoteVi(row: RawRow, rules: RowRules): string | undefined {
  if (!row.note) return undefined;
  const vi = row.noteVi ?? rules.valueNotesVi.get(row.note);
  if (vi === undefined)
    throw cellError(
      rules.displayName,
      row.line,
      'note',
      `no Vietnamese for the note "${row.note.length > 80 ? `${row.note.slice(0, 77)}...` : row.note}": add it to value_notes_vi in meta.yaml`,
    );
  return vi;
}

/** The observation to load: parsed fields plus the flag and notes meta.yaml and the row add. */
function toObservation(row: RawRow, iso3: string, parsed: ParsedFields, rules: RowRules): ParsedObservation {
  const { indicatorCode, year, value, rank, rankLabel, rankOf } = parsed;
  const base = { indicatorCode, iso3, year, value };
  const rule = rules.meta.flags.find((r) => ruleMatches(r, base));
  const declaredUnit = rules.indicators.get(indicatorCode)?.unit;
  const unitNote =
    row.unit && declaredUnit && row.unit !== declaredUnit ? `Unit as published: ${row.unit}.` : undefined;
  const note = [row.note, rule?.note ?? undefined, unitNote].filter(Boolean).join(' ') || null;
  // The published unit in Vietnamese where value_notes_vi gives it, else quoted as the file writes it.
  const unitNoteVi =
    unitNote === undefined
      ? undefined
      : `Đơn vị như nguồn công bố: ${rules.valueNotesVi.get(row.unit as string) ?? `"${row.unit}"`}.`;
  const noteVi = [rowNoteVi(row, rules), rule?.note_vi ?? undefined, unitNoteVi].filter(Boolean).join(' ') || null;
  const rankedOf = rankOf ?? rankedOfValue(row, parsed, rules);
  return {
    ...base,
    flag: rule?.flag ?? null,
    note,
    noteVi,
    referenceUrl: row.referenceUrl ?? null,
    ...(rank === null ? {} : { rank }),
    ...(rankLabel === null ? {} : { rankLabel }),
    ...(rankedOf === null ? {} : { rankOf: rankedOf }),
    line: row.line,
  };
}

/**
 * Validates raw rows one at a time with zod and resolves countries, so a streaming load never holds
 * the file. Rows outside the registry or without a value are skipped and counted; anything malformed
 * stops the release with its file, line and column. `checkDuplicates: false` leaves the "second
 * value for the same key" check to the caller: the bulk load lets the table's unique key refuse it
 * (a million keys then cost no JavaScript memory) and reads the file again to name both lines.
 */
export function createRowValidator(
  meta: ReleaseMeta,
  displayName: string,
  options: { allowUnresolved?: boolean; checkDuplicates?: boolean } = {},
): RowValidator {
  const rules: RowRules = {
    meta,
    displayName,
    allowUnresolved: options.allowUnresolved ?? false,
    indicators: new Map(meta.indicators.map((i) => [i.code, i])),
    valueNotesVi: new Map(meta.value_notes_vi.map((t) => [t.note, t.vi])),
    schema: rowSchema(meta.indicators.map((i) => i.code) as [string, ...string[]], meta.allow_undated),
  };
  const tally: Omit<RowValidator, 'accept'> = { skipped: emptySkipCounts(), unresolved: [] };
  const firstLineOfKey = options.checkDuplicates === false ? null : new Map<string, number>();

  const accept = (row: RawRow): ParsedObservation | null => {
    const iso3 = countryOrSkip(row, rules, tally);
    if (iso3 === null) return null;
    if (MISSING_MARKERS.has(row.value.trim())) {
      tally.skipped['missing value']++;
      return null;
    }
    const parsed = parseFields(row, rules);
    checkRankLabel(parsed, row, displayName);
    checkAnswer(row, parsed, rules);
    if (firstLineOfKey) checkFirstOccurrence(firstLineOfKey, parsed, iso3, row, displayName);
    return toObservation(row, iso3, parsed, rules);
  };
  return { accept, skipped: tally.skipped, unresolved: tally.unresolved };
}

/** "a second value for the same indicator, country and year", naming both lines. */
export function duplicateKey(
  displayName: string,
  key: { indicatorCode: string; iso3: string; year: number | null },
  line: number,
  firstLine: number,
  column = 'value',
): IngestError {
  return new IngestError(
    `${displayName}, line ${line}: a second value for ${key.indicatorCode} ${key.iso3} ${key.year ?? '(undated)'} (first at line ${firstLine})`,
    { file: displayName, line, column },
  );
}

/** Validates every raw row of a file read whole (the reshaping readers). */
export function validateRows(
  rows: RawRow[],
  meta: ReleaseMeta,
  displayName: string,
  allowUnresolved = false,
): ValidationResult {
  const validator = createRowValidator(meta, displayName, { allowUnresolved });
  const observations: ParsedObservation[] = [];
  for (const row of rows) {
    const parsed = validator.accept(row);
    if (parsed) observations.push(parsed);
  }
  return { observations, skipped: validator.skipped, unresolved: validator.unresolved };
}
