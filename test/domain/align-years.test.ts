import { describe, expect, it } from 'vitest';
import { alignYears, type DatedCell } from '../../src/domain/efficiency/align-years.ts';

const cells = (years: number[], base = 0): DatedCell[] =>
  years.map((year) => ({ year, value: base + year, release: `r${year}` }));

describe('aligning a country’s inputs and outputs in time', () => {
  it('reads every series from the latest window of max_gap + 1 years that holds them all, not each one’s latest', () => {
    // Viet Nam's case: a wage bill to 2019, Government Effectiveness to 2025, EGDI every other year to 2024.
    const series = new Map([
      ['WAGE', cells([2017, 2019])],
      ['GE', cells([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])],
      ['EGDI', cells([2018, 2020, 2022, 2024])],
    ]);
    const aligned = alignYears(series, 1);
    expect(aligned && { from: aligned.from, to: aligned.to }).toEqual({ from: 2019, to: 2020 });
    expect([...(aligned?.cells ?? [])].map(([code, c]) => [code, c.year])).toEqual([
      ['WAGE', 2019],
      ['GE', 2020],
      ['EGDI', 2020],
    ]);
  });

  it('with max_gap 0 asks for one year with every series', () => {
    const series = new Map([
      ['WAGE', cells([2017, 2019])],
      ['GE', cells([2017, 2018, 2019, 2020])],
      ['EGDI', cells([2016, 2018, 2020])],
    ]);
    // 2019 lacks EGDI, 2018 the wage bill: 2017 is the one year with... no EGDI either; none aligns.
    expect(alignYears(series, 0)).toBeNull();
    const withEgdi2017 = new Map([...series, ['EGDI', cells([2016, 2017, 2018, 2020])]]);
    expect(alignYears(withEgdi2017, 0)).toMatchObject({ from: 2017, to: 2017 });
  });

  it('never spreads the years used wider than max_gap', () => {
    const series = new Map([
      ['A', cells([2019, 2021])],
      ['B', cells([2020])],
    ]);
    // The window [2020, 2021] holds A 2021 and B 2020; a window centred on 2020 would also have taken A 2019.
    expect(alignYears(series, 1)).toMatchObject({ from: 2020, to: 2021 });
    expect(alignYears(series, 1)?.cells.get('A')?.year).toBe(2021);
  });

  it('is null when a series has no value at all', () => {
    expect(
      alignYears(
        new Map([
          ['A', cells([2020])],
          ['B', []],
        ]),
        3,
      ),
    ).toBeNull();
  });
});
