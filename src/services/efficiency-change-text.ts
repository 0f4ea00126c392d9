import { formatNumber, formatPercentChange, type Lang } from '../charts/locale.ts';

/**
 * The words of /v1/efficiency/change in English and Vietnamese: what the Malmquist index is, and
 * one sentence per country. A factor is written ×1.08 (×1,08) with its percentage change.
 */
const factor = (value: number, lang: Lang) => `×${formatNumber(value, 2, lang)}`;
const percent = formatPercentChange;

/** −1 below, 0 at, 1 above 1, as the factor is written (×1,00 is "no change"). */
const side = (value: number) => (Math.abs(value - 1) < 0.005 ? 0 : value > 1 ? 1 : -1);

const T = {
  en: {
    description:
      'Malmquist productivity index (Färe, Grosskopf, Norris and Zhang 1994), input-oriented DEA under constant returns to scale: above 1, a country turns the same inputs into more outputs than before. It is the product of efficiency change (catching up with, or falling behind, the frontier) and technical change (the shift of the frontier itself, here the best practice among the countries compared).',
    caveats: [
      'The frontier is made of the countries compared, in each year: technical change is the change in the best practice of this group, not of the world.',
      'Constant returns to scale: inputs and outputs must be positive; WGI estimates (which can be negative) are not accepted: use their percentile ranks (GE.PER.RNK, 1996 onwards).',
      'With few countries the frontier rests on one or two of them; the index says how a country moved relative to them.',
    ],
    sentence: (country: string, m: number, ec: number, tc: number, from: number, to: number, lang: Lang) =>
      `${country}: productivity ${factor(m, lang)} (${percent(m, lang)}) from ${from} to ${to}; efficiency change ${factor(ec, lang)} (${['further from the frontier', 'as far from the frontier', 'closer to the frontier'][side(ec) + 1]}), technical change ${factor(tc, lang)} (${['the frontier moved back', 'the frontier did not move', 'the frontier moved out'][side(tc) + 1]}).`,
    summary: (n: number, m: number, from: number, to: number, lang: Lang) =>
      `Across the ${n} countries compared, the geometric mean of the index is ${factor(m, lang)} (${percent(m, lang)}) from ${from} to ${to}.`,
  },
  vi: {
    description:
      'Chỉ số năng suất Malmquist (Färe, Grosskopf, Norris và Zhang 1994), DEA định hướng đầu vào với hiệu suất không đổi theo quy mô: lớn hơn 1 nghĩa là với cùng đầu vào, quốc gia tạo ra nhiều đầu ra hơn trước. Chỉ số bằng tích của thay đổi hiệu quả (tiến gần hoặc lùi xa đường biên) và thay đổi công nghệ (sự dịch chuyển của chính đường biên, ở đây là thực tiễn tốt nhất trong các nước được so sánh).',
    caveats: [
      'Đường biên gồm các nước được so sánh trong từng năm: thay đổi công nghệ là thay đổi của thực tiễn tốt nhất trong nhóm này, không phải của thế giới.',
      'Hiệu suất không đổi theo quy mô: đầu vào và đầu ra phải dương; không nhận ước lượng WGI (có thể âm): hãy dùng thứ hạng bách phân vị của chúng (GE.PER.RNK, từ năm 1996).',
      'Khi ít nước, đường biên chỉ dựa vào một hai nước; chỉ số cho biết một nước đã dịch chuyển thế nào so với các nước đó.',
    ],
    sentence: (country: string, m: number, ec: number, tc: number, from: number, to: number, lang: Lang) =>
      `${country}: năng suất ${factor(m, lang)} (${percent(m, lang)}) từ ${from} đến ${to}; thay đổi hiệu quả ${factor(ec, lang)} (${['lùi xa đường biên hơn', 'giữ nguyên khoảng cách tới đường biên', 'tiến gần đường biên hơn'][side(ec) + 1]}), thay đổi công nghệ ${factor(tc, lang)} (${['đường biên lùi lại', 'đường biên không dịch chuyển', 'đường biên dịch ra ngoài'][side(tc) + 1]}).`,
    summary: (n: number, m: number, from: number, to: number, lang: Lang) =>
      `Trên ${n} nước được so sánh, trung bình nhân của chỉ số là ${factor(m, lang)} (${percent(m, lang)}) từ ${from} đến ${to}.`,
  },
};

export function efficiencyChangeWords(lang: Lang) {
  return T[lang];
}
