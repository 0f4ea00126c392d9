import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/charts/text-measure.ts';

describe('wrapping a title or axis title', () => {
  it('never cuts a parenthesis in two when it fits on a line', () => {
    const unit = 'điểm quản trị (khoảng -2,5 đến 2,5)';
    // Room for "điểm quản trị (khoảng -2,5" but not for the whole title.
    const width = textWidth('điểm quản trị (khoảng -2,5', 12, true) + 1;
    expect(wrapText(unit, width, 12, true)).toEqual(['điểm quản trị', '(khoảng -2,5 đến 2,5)']);
  });

  it('breaks a parenthesis between its words when no line can hold it', () => {
    const width = textWidth('(khoảng -2,5', 12) + 1;
    expect(wrapText('điểm (khoảng -2,5 đến 2,5)', width, 12)).toEqual(['điểm', '(khoảng -2,5', 'đến 2,5)']);
  });

  it('keeps the greedy word wrap elsewhere, and a text that fits on one line', () => {
    expect(wrapText('Wage bill as a percentage of GDP', textWidth('Wage bill as a', 12) + 1, 12)).toEqual([
      'Wage bill as a',
      // "percentage of" is wider than the line "Wage bill as a" set the width by.
      'percentage',
      'of GDP',
    ]);
    expect(wrapText('chỉ số 0–1', 500, 12)).toEqual(['chỉ số 0–1']);
  });
});
