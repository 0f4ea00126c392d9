import type { Kysely } from 'kysely';
import type { Lang } from '../charts/locale.ts';
import type { Database, IndicatorRow } from '../db/schema.ts';
import { simpleRegression } from '../domain/efficiency/second-stage.ts';
import { usable } from '../domain/usable.ts';
import { type Vintage, valuesFor } from '../repositories/observations.ts';

/** A scored country as the second stage reads it: its years and bias-corrected score. */
interface ScoredCountry {
  iso3: string;
  years: { from: number; to: number };
  bootstrap: { bias_corrected: number } | null;
}

const decimal = (v: number, digits: number, lang: Lang) =>
  lang === 'vi' ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits);

/**
 * The environmental control's value for each country from the years its scores compare (the
 * latest within its window widened by `maxGap` before it), then the least-squares line of the
 * bias-corrected scores on the control's logarithm. Countries without a positive value are named.
 */
export async function secondStageOf(
  db: Kysely<Database>,
  args: { control: IndicatorRow; scores: ScoredCountry[]; maxGap: number; vintage: Vintage; lang: Lang },
) {
  const { control, scores, maxGap, lang } = args;
  const scored = scores.filter((s) => s.bootstrap !== null);
  const rows = await valuesFor(db, {
    indicatorCodes: [control.code],
    countries: scored.map((s) => s.iso3),
    from: Math.min(...scored.map((s) => s.years.from)) - maxGap,
    to: Math.max(...scored.map((s) => s.years.to)),
    datedOnly: true,
    vintage: args.vintage,
  });
  const used: { iso3: string; year: number; value: number; score: number }[] = [];
  const leftOut: string[] = [];
  for (const s of scored) {
    const found = rows
      .filter((r) => r.iso3 === s.iso3 && usable(r) && r.value > 0)
      .filter((r) => (r.year as number) >= s.years.from - maxGap && (r.year as number) <= s.years.to)
      .sort((a, b) => (b.year as number) - (a.year as number))[0];
    if (found)
      used.push({
        iso3: s.iso3,
        year: found.year as number,
        value: found.value,
        score: s.bootstrap?.bias_corrected as number,
      });
    else leftOut.push(s.iso3);
  }
  const fit = simpleRegression(
    used.map((u) => Math.log(u.value)),
    used.map((u) => u.score),
  );
  const name = lang === 'vi' ? control.name_vi : control.name_en;
  return {
    control: control.code,
    name,
    regressor: 'log' as const,
    dependent: 'bias_corrected' as const,
    method: 'ols' as const,
    n: used.length,
    intercept: fit?.intercept ?? null,
    slope: fit?.slope ?? null,
    slope_standard_error: fit?.slopeStandardError ?? null,
    t: fit?.t ?? null,
    r2: fit?.r2 ?? null,
    countries: used.map(({ iso3, year, value }) => ({ iso3, year, value })),
    left_out: leftOut,
    sentence: fit
      ? lang === 'vi'
        ? `Giai đoạn hai (bình phương nhỏ nhất, ${fit.n} nước): điểm đã hiệu chỉnh độ chệch thay đổi ${decimal(fit.slope * Math.LN2, 3, lang)} khi ${name} tăng gấp đôi (hệ số ${decimal(fit.slope, 3, lang)} theo logarit, sai số chuẩn ${decimal(fit.slopeStandardError, 3, lang)}, R² ${decimal(fit.r2, 2, lang)}).`
        : `Second stage (least squares, ${fit.n} countries): the bias-corrected score changes by ${decimal(fit.slope * Math.LN2, 3, lang)} for each doubling of ${name} (slope ${decimal(fit.slope, 3, lang)} per log unit, standard error ${decimal(fit.slopeStandardError, 3, lang)}, R² ${decimal(fit.r2, 2, lang)}).`
      : lang === 'vi'
        ? `Giai đoạn hai: cần ít nhất 3 nước có giá trị dương của ${name}; chỉ có ${used.length}.`
        : `Second stage: at least 3 countries with a positive ${name} are needed; there are ${used.length}.`,
    caveat:
      lang === 'vi'
        ? 'Chỉ mang tính mô tả: với số nước ít như vậy, hệ số mô tả mẫu này, không phải tác động của thu nhập; Simar và Wilson (2007) chỉ ra rằng suy luận hợp lệ ở giai đoạn hai cần hồi quy cắt cụt với bootstrap kép, điều chưa làm ở đây.'
        : 'Descriptive only: with this few countries the slope describes the sample, not an effect of income; Simar and Wilson (2007) show that valid inference in a second stage needs a truncated regression with a double bootstrap, which is not done here.',
  };
}
