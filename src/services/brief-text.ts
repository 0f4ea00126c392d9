import { formatNumber, type Lang } from '../charts/locale.ts';

/**
 * Every word of a country brief, in English and Vietnamese, in one place. Sentences are built
 * from these templates only, so a translator reads one file. Numbers go through `num`, which
 * writes a decimal comma and a dot for thousands in Vietnamese (0,12; 1.234,5).
 *
 * Vietnamese grammar used here: a rank is "đứng thứ 5/11" (never "thứ 5 trên 11"); a comparison
 * puts the adjective before the reference and the amount last: "cao hơn trung vị nhóm 0,12 điểm",
 * "thấp hơn mức tốt nhất 0,30 điểm".
 */

export const num = (value: number, decimals: number, lang: Lang): string => formatNumber(value, decimals, lang);

const T = {
  en: {
    title: (country: string) => `${country}: civil service brief`,
    subtitle: (group: string, date: string) => `Against ${group} · data as of ${date}`,
    peers: (group: string) => group,
    countriesPeers: (list: string) => `the countries ${list}`,
    summary: 'Summary',
    position: 'Position on each agenda theme',
    strengths: 'Clearest strengths',
    gaps: 'Clearest gaps',
    changes: (since: number) => `Biggest changes since ${since}`,
    productivity: 'Productivity',
    dataGaps: 'Data gaps',
    sources: 'Sources and citations',
    reproduce: 'How to reproduce every number',
    headlines: 'Headline indicators',
    caveats: 'Caveats',
    chart: 'Chart',
    indicator: 'Indicator',
    value: 'Value',
    year: 'Year',
    rank: 'Rank',
    median: 'Group median',
    best: 'Best in group',
    release: 'Release',
    page: 'Page',
    dataVersion: (v: number) => `data version ${v}`,
    rankPhrase: (rank: number, of: number) => `ranks ${rank} of ${of}`,
    rankShort: (rank: number, of: number) => `${rank} of ${of}`,
    aboveMedian: (d: string) => `${d} points above the group median`,
    belowMedian: (d: string) => `${d} points below the group median`,
    atMedian: 'at the group median',
    isBest: 'the best in the group',
    behindBest: (d: string, who: string) => `${d} points behind the best (${who})`,
    lowerIsBetter: '(lower is better)',
    noRank: 'no better direction: a position, not a rank',
    themeLine: (theme: string, indicator: string, year: number, rank: string, median: string, best: string) =>
      `${theme} — ${indicator} (${year}): ${rank}; ${median}; ${best}.`,
    themeNeutral: (theme: string, indicator: string, year: number, value: string, median: string) =>
      `${theme} — ${indicator} (${year}): ${value}, group median ${median} (no better direction).`,
    themeEmpty: (theme: string) => `${theme}: no indicator of this theme has a value for this country.`,
    highlight: (indicator: string, year: number, distance: string, rank: string) =>
      `${indicator} (${year}): ${distance} points of the group's range from the median; ${rank}.`,
    strengthRule:
      'Rule: for each headline indicator with a better direction and at least 6 reporting peers, the normalised distance is (value − group median) ÷ (group max − group min) × 100, sign turned so that positive is better. Strengths are the three largest positive distances among the indicators on which the country ranks in the top third of the reporting peers, gaps the three largest negative ones among those in the bottom third: a middle rank is neither. Ties go to the indicator with more reporting peers.',
    noStrength:
      'No clear strength: on no headline indicator does the country rank in the top third of its peers and above their median.',
    noGap:
      'No clear gap: on no headline indicator does the country rank in the bottom third of its peers and below their median.',
    changeLine: (indicator: string, from: string, fromYear: number, to: string, toYear: number, rankText: string) =>
      `${indicator}: ${from} (${fromYear}) → ${to} (${toYear})${rankText}.`,
    rankMove: (a: string, b: string) => `; rank ${a} → ${b}`,
    changeRule: (since: number) =>
      `Rule: headline indicators with a value in ${since}, a better direction and at least 6 reporting peers now, ordered by the size of the change as a share of the group's current range (max − min); the three largest are shown.`,
    noChanges: (since: number) => `No headline indicator has a value for both ${since} and a later year.`,
    efficiencyLine: (score: string, rank: number, of: number) =>
      `Efficiency score ${score} (1 = on the frontier), ${rank} of ${of} countries scored.`,
    efficiencyPeers: (peers: string) => `Compared with: ${peers}.`,
    efficiencyInterval: (low: string, high: string, corrected: string) =>
      `Simar–Wilson bootstrap: 95 % interval ${low}–${high}, bias-corrected ${corrected}.`,
    efficiencyUnavailable: (why: string) => `No efficiency score: ${why}`,
    efficiencyLeftOut: (missing: string) => `This country is left out of the frontier: no value for ${missing}.`,
    target: 'Target',
    missingRule: (age: number, year: number) =>
      `Indicators of the agenda themes with no value for this country, and those whose latest value is older than ${age} years (before ${year}).`,
    noValue: 'No value',
    oldValue: (year: number) => `Latest value from ${year}`,
    none: 'None.',
    generated: (date: string) => `Generated ${date}`,
    evidenceThin: 'Thin evidence for this theme',
  },
  vi: {
    title: (country: string) => `${country}: báo cáo tóm tắt về công vụ`,
    subtitle: (group: string, date: string) => `So với ${group} · số liệu đến ngày ${date}`,
    peers: (group: string) => group,
    countriesPeers: (list: string) => `các nước ${list}`,
    summary: 'Tóm tắt',
    position: 'Vị trí theo từng chủ đề chương trình nghị sự',
    strengths: 'Điểm mạnh rõ nhất',
    gaps: 'Điểm yếu rõ nhất',
    changes: (since: number) => `Thay đổi lớn nhất kể từ năm ${since}`,
    productivity: 'Năng suất',
    dataGaps: 'Khoảng trống dữ liệu',
    sources: 'Nguồn và trích dẫn',
    reproduce: 'Cách tái lập mọi con số',
    headlines: 'Các chỉ số chính',
    caveats: 'Lưu ý',
    chart: 'Biểu đồ',
    indicator: 'Chỉ số',
    value: 'Giá trị',
    year: 'Năm',
    rank: 'Thứ hạng',
    median: 'Trung vị nhóm',
    best: 'Tốt nhất nhóm',
    release: 'Bản phát hành',
    page: 'Trang',
    dataVersion: (v: number) => `phiên bản dữ liệu ${v}`,
    rankPhrase: (rank: number, of: number) => `đứng thứ ${rank}/${of}`,
    rankShort: (rank: number, of: number) => `${rank}/${of}`,
    aboveMedian: (d: string) => `cao hơn trung vị nhóm ${d} điểm`,
    belowMedian: (d: string) => `thấp hơn trung vị nhóm ${d} điểm`,
    atMedian: 'bằng trung vị nhóm',
    isBest: 'tốt nhất nhóm',
    behindBest: (d: string, who: string) => `kém mức tốt nhất (${who}) ${d} điểm`,
    lowerIsBetter: '(càng thấp càng tốt)',
    noRank: 'không có chiều tốt hơn: chỉ là vị trí, không xếp hạng',
    themeLine: (theme: string, indicator: string, year: number, rank: string, median: string, best: string) =>
      `${theme} — ${indicator} (${year}): ${rank}; ${median}; ${best}.`,
    themeNeutral: (theme: string, indicator: string, year: number, value: string, median: string) =>
      `${theme} — ${indicator} (${year}): ${value}, trung vị nhóm ${median} (không có chiều tốt hơn).`,
    themeEmpty: (theme: string) => `${theme}: chưa có chỉ số nào của chủ đề này có giá trị cho nước này.`,
    highlight: (indicator: string, year: number, distance: string, rank: string) =>
      `${indicator} (${year}): cách trung vị ${distance} điểm theo biên độ của nhóm; ${rank}.`,
    strengthRule:
      'Quy tắc: với mỗi chỉ số chính có chiều tốt hơn và ít nhất 6 nước trong nhóm có số liệu, khoảng cách chuẩn hoá là (giá trị − trung vị nhóm) ÷ (giá trị lớn nhất − giá trị nhỏ nhất của nhóm) × 100, đổi dấu để số dương là tốt hơn. Điểm mạnh là ba khoảng cách dương lớn nhất trong các chỉ số mà nước này xếp trong một phần ba đứng đầu của các nước có số liệu, điểm yếu là ba khoảng cách âm lớn nhất trong các chỉ số xếp trong một phần ba cuối: thứ hạng ở giữa không là điểm mạnh cũng không là điểm yếu. Khi bằng nhau, ưu tiên chỉ số có nhiều nước báo cáo hơn.',
    noStrength:
      'Không có điểm mạnh rõ rệt: không có chỉ số chính nào mà nước này vừa xếp trong một phần ba đứng đầu vừa cao hơn trung vị của nhóm.',
    noGap:
      'Không có điểm yếu rõ rệt: không có chỉ số chính nào mà nước này vừa xếp trong một phần ba cuối vừa thấp hơn trung vị của nhóm.',
    changeLine: (indicator: string, from: string, fromYear: number, to: string, toYear: number, rankText: string) =>
      `${indicator}: ${from} (${fromYear}) → ${to} (${toYear})${rankText}.`,
    rankMove: (a: string, b: string) => `; thứ hạng ${a} → ${b}`,
    changeRule: (since: number) =>
      `Quy tắc: các chỉ số chính có giá trị năm ${since}, có chiều tốt hơn và hiện có ít nhất 6 nước báo cáo, sắp xếp theo độ lớn của thay đổi so với biên độ hiện tại của nhóm (lớn nhất − nhỏ nhất); nêu ba thay đổi lớn nhất.`,
    noChanges: (since: number) => `Không có chỉ số chính nào có giá trị cả năm ${since} và một năm sau đó.`,
    efficiencyLine: (score: string, rank: number, of: number) =>
      `Điểm hiệu quả ${score} (1 = nằm trên đường biên), đứng thứ ${rank}/${of} nước được tính điểm.`,
    efficiencyPeers: (peers: string) => `So sánh với: ${peers}.`,
    efficiencyInterval: (low: string, high: string, corrected: string) =>
      `Bootstrap Simar–Wilson: khoảng tin cậy 95 % ${low}–${high}, đã hiệu chỉnh độ chệch ${corrected}.`,
    efficiencyUnavailable: (why: string) => `Không có điểm hiệu quả: ${why}`,
    efficiencyLeftOut: (missing: string) => `Nước này không được tính trên đường biên: thiếu giá trị ${missing}.`,
    target: 'Mục tiêu',
    missingRule: (age: number, year: number) =>
      `Các chỉ số thuộc chủ đề chương trình nghị sự chưa có giá trị cho nước này, và các chỉ số có giá trị mới nhất cũ hơn ${age} năm (trước năm ${year}).`,
    noValue: 'Chưa có giá trị',
    oldValue: (year: number) => `Giá trị mới nhất từ năm ${year}`,
    none: 'Không có.',
    generated: (date: string) => `Lập ngày ${date}`,
    evidenceThin: 'Bằng chứng cho chủ đề này còn mỏng',
  },
};

export type BriefWords = (typeof T)['en'];

/** The brief's words in one language. */
export function briefWords(lang: Lang): BriefWords {
  return T[lang];
}

/** A date as the language writes it: 24 November 2026 / ngày 24/11/2026 → "24/11/2026". */
export function briefDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'vi') return `${Number(d)}/${Number(m)}/${y}`;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}
