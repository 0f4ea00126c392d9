import type { Lang } from '../charts/locale.ts';
import type { EfficiencyMethod, Orientation } from '../domain/efficiency/types.ts';

/** Every sentence the efficiency analysis writes, in English and Vietnamese. */

const percent = (share: number, lang: Lang) => {
  const text = (Math.abs(share) * 100).toFixed(Math.abs(share) < 0.1 ? 1 : 0);
  return lang === 'vi' ? `${text.replace('.', ',')} %` : `${text} %`;
};

const absolute = (part: GapPart, lang: Lang) => {
  const text = Math.abs(part.change).toFixed(Math.min(part.decimals ?? 2, 2));
  return lang === 'vi' ? text.replace('.', ',') : text;
};

export const METHOD_NAMES: Record<EfficiencyMethod, Record<Lang, string>> = {
  fdh: { en: 'free disposal hull (FDH)', vi: 'bao tự do loại bỏ (FDH)' },
  'dea-crs': { en: 'DEA, constant returns to scale (CCR)', vi: 'DEA, hiệu suất không đổi theo quy mô (CCR)' },
  'dea-vrs': { en: 'DEA, variable returns to scale (BCC)', vi: 'DEA, hiệu suất thay đổi theo quy mô (BCC)' },
};

export function methodSentence(method: EfficiencyMethod, orientation: Orientation, lang: Lang): string {
  const name = METHOD_NAMES[method][lang];
  if (lang === 'vi') {
    return orientation === 'input'
      ? `${name}, định hướng đầu vào: điểm θ là tỷ lệ mà mọi đầu vào có thể thu nhỏ mà vẫn giữ nguyên đầu ra (1 = trên biên hiệu quả).`
      : `${name}, định hướng đầu ra: điểm là 1/φ, với φ là hệ số mà mọi đầu ra có thể tăng với cùng đầu vào (1 = trên biên hiệu quả).`;
  }
  return orientation === 'input'
    ? `${name}, input-oriented: the score θ is the factor by which every input could shrink with the same outputs (1 = on the frontier).`
    : `${name}, output-oriented: the score is 1/φ, where φ is the factor by which every output could grow with the same inputs (1 = on the frontier).`;
}

export interface GapPart {
  name: string;
  /** Relative change target/actual − 1; null when the actual value is not positive. */
  share: number | null;
  change: number;
  /** Decimals of the indicator, for absolute changes. */
  decimals: number | null;
}

/** "The same outputs with 23 % less wage bill" — or that the country is on the frontier. */
export function gapSentence(
  onFrontier: boolean,
  orientation: Orientation,
  inputs: GapPart[],
  outputs: GapPart[],
  lang: Lang,
): string {
  const vi = lang === 'vi';
  const describe = (part: GapPart, more: boolean) => {
    const word = more ? (vi ? 'nhiều hơn' : 'more') : vi ? 'ít hơn' : 'less';
    const amount = part.share === null ? absolute(part, lang) : percent(part.share, lang);
    return vi ? `${part.name} ${word} ${amount}` : `${amount} ${word} ${part.name}`;
  };
  const shrink = inputs.filter((p) => p.change < 0).map((p) => describe(p, false));
  const grow = outputs.filter((p) => p.change > 0).map((p) => describe(p, true));
  if (onFrontier && shrink.length === 0 && grow.length === 0)
    return vi
      ? 'Nằm trên biên hiệu quả: không quốc gia nào trong nhóm làm tốt hơn.'
      : 'On the frontier: no country in the set does better.';
  const and = vi ? ' và ' : ' and ';
  if (orientation === 'input') {
    const extra = grow.length > 0 ? (vi ? `, đồng thời ${grow.join(and)}` : `, and ${grow.join(and)}`) : '';
    return vi
      ? `Cùng mức đầu ra với ${shrink.join(and)}${extra}.`
      : `The same outputs with ${shrink.join(and)}${extra}.`;
  }
  const extra = shrink.length > 0 ? (vi ? `, với ${shrink.join(and)}` : `, with ${shrink.join(and)}`) : '';
  return vi ? `Với cùng đầu vào: ${grow.join(and)}${extra}.` : `With the same inputs: ${grow.join(and)}${extra}.`;
}

export function smallSampleWarning(n: number, minimum: number, dimensions: number, lang: Lang): string | null {
  if (n >= minimum) return null;
  return lang === 'vi'
    ? `Chỉ có ${n} quốc gia cho ${dimensions} đầu vào và đầu ra; quy tắc kinh nghiệm cần ít nhất ${minimum} (3 × số đầu vào và đầu ra). Với ít quốc gia, nhiều nước nằm trên biên chỉ vì thiếu đối chứng: hãy đọc điểm như một mô tả, không phải xếp hạng.`
    : `Only ${n} countries for ${dimensions} inputs and outputs; the rule of thumb asks for at least ${minimum} (3 × inputs + outputs). With few countries many land on the frontier for lack of comparators: read the scores as a description, not a ranking.`;
}

export const JACKKNIFE_NOTE: Record<Lang, string> = {
  en: 'Leave-one-out: each other country in turn is removed from the comparison set and the score recomputed; low and high are the smallest and largest scores seen (the country itself always stays). A wide range means the score rests on one peer.',
  vi: 'Loại bỏ từng nước (jackknife): lần lượt bỏ từng quốc gia khác khỏi tập so sánh rồi tính lại điểm; thấp và cao là điểm nhỏ nhất và lớn nhất thu được (quốc gia được đánh giá luôn ở lại). Khoảng rộng nghĩa là điểm dựa vào một nước đối chứng duy nhất.',
};

/** A short subtitle line: "DEA, variable returns to scale (BCC) · input orientation". */
export function methodLine(method: EfficiencyMethod, orientation: Orientation, lang: Lang): string {
  const how =
    lang === 'vi'
      ? orientation === 'input'
        ? 'định hướng đầu vào'
        : 'định hướng đầu ra'
      : `${orientation} orientation`;
  return `${METHOD_NAMES[method][lang]} · ${how}`;
}

/**
 * Which years the scores compare, in words: each window of years and the countries read from it,
 * latest first ("2020–2021 for Brunei, …; 2019–2020 for Japan, Viet Nam").
 */
export function yearsUsedSentence(
  maxGap: number,
  countries: { name: string; from: number; to: number }[],
  lang: Lang,
): string {
  const windows = new Map<string, string[]>();
  const ordered = [...countries].sort((a, b) => b.to - a.to || b.from - a.from);
  for (const c of ordered) {
    const key = c.from === c.to ? String(c.from) : `${c.from}–${c.to}`;
    windows.set(key, [...(windows.get(key) ?? []), c.name]);
  }
  const list = [...windows].map(([years, names]) => {
    const sorted = names.sort((a, b) => a.localeCompare(b, lang)).join(', ');
    return lang === 'vi' ? `${years}: ${sorted}` : `${years} for ${sorted}`;
  });
  // "Korea, Rep." already ends the sentence.
  const end = (text: string) => (text.endsWith('.') ? text : `${text}.`);
  if (lang === 'vi')
    return end(
      `Đầu vào và đầu ra của mỗi nước lấy từ ${maxGap === 0 ? 'cùng một năm' : `các năm cách nhau tối đa ${maxGap} năm`} (khoảng năm gần nhất có đủ số liệu): ${list.join('; ')}`,
    );
  return end(
    `Each country's inputs and outputs come from ${maxGap === 0 ? 'one year' : `years at most ${maxGap} apart`} (the latest such years with all of them): ${list.join('; ')}`,
  );
}

/**
 * Why a frontier country is there only by construction, in words, and that it is no model: what it
 * has least or most of, named ("the smallest Wage bill as a percentage of GDP").
 */
export function byConstructionSentence(country: string, smallest: string[], largest: string[], lang: Lang): string {
  const parts =
    lang === 'vi'
      ? [...smallest.map((name) => `${name} thấp nhất`), ...largest.map((name) => `${name} cao nhất`)]
      : [...smallest.map((name) => `the smallest ${name}`), ...largest.map((name) => `the largest ${name}`)];
  const joined = parts.join(lang === 'vi' ? ' và ' : ' and ');
  return lang === 'vi'
    ? `${country} nằm trên biên hiệu quả chỉ vì có ${joined} trong nhóm: với hiệu suất thay đổi theo quy mô, không tổ hợp nào của các nước khác đạt được mức đó, bất kể các giá trị khác. Đây không phải là hình mẫu để noi theo.`
    : `${country} is on the frontier only because it has ${joined} in the group: under variable returns no mix of the others can match that, whatever its other values. It is not a model to follow.`;
}

/**
 * What the bootstrap says, in words: how it was drawn, how wide the intervals are, and which score
 * to read (Simar and Wilson 2000: the bias-corrected one only where its bias is large against the noise).
 */
export function bootstrapSentence(
  b: { replications: number; seed: number; meanWidth: number; widest: { name: string; width: number } },
  lang: Lang,
): string {
  const width = (w: number) => (lang === 'vi' ? w.toFixed(2).replace('.', ',') : w.toFixed(2));
  const replications = lang === 'vi' ? b.replications.toLocaleString('vi-VN') : b.replications.toLocaleString('en');
  return lang === 'vi'
    ? `Khoảng tin cậy 95 % theo bootstrap làm trơn của Simar–Wilson (${replications} lần lặp, hạt giống ${b.seed}): rộng trung bình ${width(b.meanWidth)} điểm, rộng nhất ${width(b.widest.width)} (${b.widest.name}). Điểm DEA luôn bị ước lượng cao vì biên được ước lượng từ chính các nước này; điểm đã hiệu chỉnh độ chệch chỉ nên dùng khi độ chệch lớn so với độ nhiễu (\`correct_bias: true\`).`
    : `95 % intervals from Simar and Wilson's smoothed bootstrap (${replications} replications, seed ${b.seed}): ${width(b.meanWidth)} wide on average, widest ${width(b.widest.width)} (${b.widest.name}). DEA scores are biased upwards, the frontier being estimated from these very countries; read the bias-corrected score only where the bias is large against the noise (\`correct_bias: true\`).`;
}
