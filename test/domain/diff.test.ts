import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { diffValues, type KeyedValue, sameValue } from '../../src/domain/diff.ts';

/** Issue 11 item 13: "changed" means beyond float32 precision; the values themselves stay exact. */
describe('the float32 tolerance rule of "changed"', () => {
  it('a hand-picked pair: WGI 2023 vs 2024 GE.EST 0.478994995355606 -> 0.4789949953556061 is the same value', () => {
    expect(0.478994995355606).not.toBe(0.4789949953556061);
    expect(sameValue(0.478994995355606, 0.4789949953556061)).toBe(true);
    // SGP GE.EST 2022, a real revision (2.14483 in 2023, 2.14424 in 2024), is a change.
    expect(sameValue(2.14483, 2.14424)).toBe(false);
    const before = [{ indicatorCode: 'GE.EST', iso3: 'BRN', year: 1996, value: 0.478994995355606 }];
    const after = [{ indicatorCode: 'GE.EST', iso3: 'BRN', year: 1996, value: 0.4789949953556061 }];
    const diff = diffValues(before, after);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(1);
    expect(diff.float32Only).toBe(1);
  });

  it('the shipped WGI 2024 release against the same float32 numbers written with 15 digits (as WGI 2023 did), every 7th value really revised', async () => {
    const text = await readFile(
      path.join(import.meta.dirname, '..', '..', 'datasets', 'wb-wgi', '2024', 'data.csv'),
      'utf8',
    );
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const exact: KeyedValue[] = rows.map((r) => ({
      indicatorCode: r.indicator_code as string,
      iso3: r.country_iso3 as string,
      year: Number(r.year),
      value: Number(r.value),
    }));
    // The shipped values are float32 numbers written in full (0.4789949953556061); the 2023 release
    // wrote the same float32 numbers with 15 significant digits (0.478994995355606). Such a release,
    // in which every 7th value was also really revised by 0.001:
    const fifteenDigits = (v: number) => Number(v.toPrecision(15));
    const revised = exact.map((v, i) => ({ ...v, value: i % 7 === 0 ? v.value + 0.001 : fifteenDigits(v.value) }));
    // Counted independently of the rule under test.
    expect(exact.every((v) => Math.fround(v.value) === v.value)).toBe(true);
    const float32Differs = exact.filter((v, i) => i % 7 !== 0 && fifteenDigits(v.value) !== v.value).length;
    const reallyRevised = exact.filter((_, i) => i % 7 === 0).length;
    expect(exact.length).toBe(12534);
    expect(reallyRevised).toBe(1791);
    expect(float32Differs).toBe(7970);

    const diff = diffValues(exact, revised);
    expect(diff.changed.length).toBe(reallyRevised);
    expect(diff.float32Only).toBe(float32Differs);
    expect(diff.unchanged).toBe(exact.length - reallyRevised);
    // The exact values are kept: "after" is the new release's number as published, not rounded.
    expect(diff.changed[0]?.after).toBe(
      revised.find(
        (v) =>
          v.iso3 === diff.changed[0]?.iso3 &&
          v.indicatorCode === diff.changed[0]?.indicatorCode &&
          v.year === diff.changed[0]?.year,
      )?.value,
    );
  });
});
