import { type Lang, ordinal } from '../charts/locale.ts';

const ordinalEn = (n: number) => ordinal(n, 'en');

/**
 * Every word of the two-page fact sheet, in English and Vietnamese. Each kind of key message has
 * its own sentence, and a kind appears at most twice, so no pattern repeats more than three times.
 * Typography: a real minus (−), an en dash for ranges, → for a change, a thin space (U+2009)
 * between an arrow and its number; Vietnamese numbers come already written with a decimal comma.
 */
const THIN = '\u2009';

const T = {
  en: {
    subtitle: (group: string, year: number | null, date: string) =>
      `Compared with ${group}${year ? ` · data to ${year}` : ''} · ${date}`,
    messages: 'Key messages',
    scorecard: 'Scorecard: position in the group on each headline indicator',
    table: 'Indicators, trend and standing in the world',
    efficiency: 'Productivity of the civil service',
    gaps: 'Data gaps',
    header: (since: number) => ['Indicator', 'Value', 'Year', 'Rank', `Trend since ${since}`, 'World'],
    kinds: { strength: 'Strength', gap: 'Gap', change: 'Largest change', efficiency: 'Productivity' },
    strength: (name: string, value: string, year: number, rank: string, group: string, source: string) =>
      `${name} stands at ${value} (${year}), ${rank} in ${group}. Source: ${source}.`,
    gap: (name: string, value: string, year: number, rank: string, median: string, source: string) =>
      `${name} is ${value} (${year}), ${rank}, against a group median of ${median}. Source: ${source}.`,
    change: (name: string, from: string, y0: number, to: string, y1: number, source: string) =>
      `${name} moved from ${from} in ${y0} → ${to} in ${y1}. Source: ${source}.`,
    efficiencyMessage: (score: string, rank: number, of: number, years: string, source: string) =>
      `An efficiency score of ${score} (${years}), ${rank} of ${of} on a frontier of wage bill against government effectiveness and e-government. Source: CivScope's calculation from ${source}.`,
    rank: (rank: number, of: number) => `${ordinalEn(rank)} of ${of}`,
    messageRule: (since: number) =>
      `How the messages are chosen: the clearest strength and the clearest gap (distance to the group median as a share of the group's range, among indicators ranked in the top or bottom third), the largest change since ${since} relative to the group's range, the efficiency result; then the next strength or gap, up to five.`,
    legend: (country: string) =>
      `Each row places every peer on a 0–100 scale within the group (0 = weakest, 100 = best): small grey dots are the peers, the bar is the group median, the large black dot is ${country}. The column on the right gives the value, the rank and the best in the group.`,
    description: (country: string, rows: number, best: number, bottom: number) =>
      `Scorecard of ${country}: ${rows} headline indicators; ${country} is the best in the group on ${best} and in the bottom third on ${bottom}.`,
    sparse: (country: string, missing: number, agenda: number, rows: number) =>
      `Few values to compare: ${country} has no value for ${missing} of the ${agenda} agenda indicators CivScope holds. The scorecard shows the ${rows} that can be compared with the group; page 2 names the gaps.`,
    noMessages: 'No key message passes the rules: too few indicators with a clear strength or gap.',
    arrow: (change: number, text: string, since: number) =>
      `${change > 0 ? '↑' : change < 0 ? '↓' : '→'}${THIN}${change > 0 ? '+' : ''}${text} (${since})`,
    gapsMissing: 'No value',
    gapsOld: (year: number) => `only values older than ${year}`,
    gapsLine: (missing: string, old: string) =>
      `${missing ? `No value for this country: ${missing}.` : ''}${missing && old ? ' ' : ''}${old ? `Values too old to use: ${old}.` : ''}${!missing && !old ? 'None: every agenda indicator has a recent value.' : ''}`,
    more: (n: number) => ` and ${n} more`,
    ownYears: (country: string, years: string) => `${country}'s wage bill and outputs are from ${years}.`,
    moreLine: 'The annex (part=annex) gives every section, caveat and source, and the API call behind each number.',
    percentile: (n: number) => `${ordinalEn(n)} percentile`,
    worldRank: (label: string, of: number | null) =>
      `${label.startsWith('=') ? '=' : ''}${ordinalEn(Number(label.replace('=', '')))} ${of === null ? 'in the world' : `of ${of}`}`,
  },
  vi: {
    subtitle: (group: string, year: number | null, date: string) =>
      `So với ${group}${year ? ` · số liệu đến năm ${year}` : ''} · ${date}`,
    messages: 'Thông điệp chính',
    scorecard: 'Bảng điểm: vị trí trong nhóm theo từng chỉ số chính',
    table: 'Chỉ số, xu hướng và vị trí trên thế giới',
    efficiency: 'Năng suất của nền công vụ',
    gaps: 'Thiếu hụt dữ liệu',
    header: (since: number) => ['Chỉ số', 'Giá trị', 'Năm', 'Hạng', `Xu hướng từ ${since}`, 'Thế giới'],
    kinds: { strength: 'Thế mạnh', gap: 'Điểm yếu', change: 'Thay đổi lớn nhất', efficiency: 'Năng suất' },
    strength: (name: string, value: string, year: number, rank: string, group: string, source: string) =>
      `${name} đạt ${value} (${year}), ${rank} trong ${group}. Nguồn: ${source}.`,
    gap: (name: string, value: string, year: number, rank: string, median: string, source: string) =>
      `${name} ở mức ${value} (${year}), ${rank}, so với trung vị nhóm ${median}. Nguồn: ${source}.`,
    change: (name: string, from: string, y0: number, to: string, y1: number, source: string) =>
      `${name} từ ${from} năm ${y0} → ${to} năm ${y1}. Nguồn: ${source}.`,
    efficiencyMessage: (score: string, rank: number, of: number, years: string, source: string) =>
      `Điểm hiệu quả ${score} (${years}), đứng thứ ${rank}/${of} trên đường biên giữa quỹ lương và hiệu quả chính phủ, chính phủ điện tử. Nguồn: CivScope tính từ ${source}.`,
    rank: (rank: number, of: number) => `đứng thứ ${rank}/${of}`,
    messageRule: (since: number) =>
      `Cách chọn thông điệp: thế mạnh rõ nhất và điểm yếu rõ nhất (khoảng cách tới trung vị nhóm tính theo tỷ lệ biên độ của nhóm, trong các chỉ số xếp hạng ở một phần ba trên cùng hoặc dưới cùng), thay đổi lớn nhất từ năm ${since} so với biên độ của nhóm, kết quả hiệu quả; sau đó đến thế mạnh hoặc điểm yếu tiếp theo, tối đa năm thông điệp.`,
    legend: (country: string) =>
      `Mỗi dòng đặt các nước trong nhóm trên thang 0–100 (0 = thấp nhất, 100 = tốt nhất): chấm xám nhỏ là các nước trong nhóm, vạch đứng là trung vị nhóm, chấm đen lớn là ${country}. Cột bên phải ghi giá trị, thứ hạng và nước tốt nhất nhóm.`,
    description: (country: string, rows: number, best: number, bottom: number) =>
      `Bảng điểm của ${country}: ${rows} chỉ số chính; ${country} tốt nhất nhóm ở ${best} chỉ số và thuộc một phần ba cuối ở ${bottom} chỉ số.`,
    sparse: (country: string, missing: number, agenda: number, rows: number) =>
      `Ít giá trị để so sánh: ${country} chưa có giá trị cho ${missing}/${agenda} chỉ số của chương trình nghị sự mà CivScope lưu giữ. Bảng điểm trình bày ${rows} chỉ số có thể so sánh với nhóm; trang 2 nêu các thiếu hụt.`,
    noMessages: 'Không có thông điệp nào đạt quy tắc: quá ít chỉ số có thế mạnh hoặc điểm yếu rõ ràng.',
    arrow: (change: number, text: string, since: number) =>
      `${change > 0 ? '↑' : change < 0 ? '↓' : '→'}${THIN}${change > 0 ? '+' : ''}${text} (${since})`,
    gapsMissing: 'Chưa có giá trị',
    gapsOld: (year: number) => `chỉ có giá trị trước năm ${year}`,
    gapsLine: (missing: string, old: string) =>
      `${missing ? `Chưa có giá trị cho nước này: ${missing}.` : ''}${missing && old ? ' ' : ''}${old ? `Giá trị quá cũ để dùng: ${old}.` : ''}${!missing && !old ? 'Không có: mọi chỉ số của chương trình nghị sự đều có giá trị gần đây.' : ''}`,
    more: (n: number) => ` và ${n} chỉ số khác`,
    ownYears: (country: string, years: string) => `Quỹ lương và các đầu ra của ${country} lấy từ ${years}.`,
    moreLine: 'Phụ lục (part=annex) trình bày mọi phần, lưu ý và nguồn, cùng lệnh gọi API cho từng con số.',
    percentile: (n: number) => `bách phân vị thứ ${n}`,
    worldRank: (label: string, of: number | null) =>
      of === null ? `hạng ${label} thế giới` : `hạng ${label} trên ${of} nước`,
  },
};

export type FactSheetWords = (typeof T)['en'];

export function factSheetWords(lang: Lang): FactSheetWords {
  return T[lang];
}
