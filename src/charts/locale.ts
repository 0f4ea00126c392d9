import { COUNTRIES } from '../domain/countries.ts';

/** Every user-facing word of the charts, in English and Vietnamese, in one place. */
export type Lang = 'en' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'vi'];

const LABELS = {
  en: {
    year: 'Year',
    value: 'Value',
    rank: 'Rank',
    median: 'median',
    country: 'Country',
    indicator: 'Indicator',
    score: 'Score (0–100, 100 = best in group)',
    noData: 'no data',
    source: 'Source',
    licence: 'Licence',
    release: 'Release',
    latest: 'latest available year',
    latestYears: 'latest available years',
    yearNotStated: 'year not stated',
    normalised: 'normalised',
    currentMembers: 'current members',
    historicalMembers: 'members in each year',
    countries: 'countries',
    members: 'members',
    trend: 'linear trend',
    of: 'of',
    mapDisclaimer: 'Boundaries and names shown on this map do not imply endorsement or acceptance by CivScope.',
    paracels: 'Paracel Islands',
    spratlys: 'Spratly Islands',
    yes: 'Yes',
    no: 'No',
  },
  vi: {
    year: 'Năm',
    value: 'Giá trị',
    rank: 'Thứ hạng',
    median: 'trung vị',
    country: 'Quốc gia',
    indicator: 'Chỉ số',
    score: 'Điểm (0–100, 100 = tốt nhất nhóm)',
    noData: 'không có số liệu',
    source: 'Nguồn',
    licence: 'Giấy phép',
    release: 'Phiên bản dữ liệu',
    latest: 'năm gần nhất có số liệu',
    latestYears: 'các năm gần nhất có số liệu',
    yearNotStated: 'năm không được nêu',
    normalised: 'chuẩn hoá',
    currentMembers: 'thành viên hiện tại',
    historicalMembers: 'thành viên từng năm',
    countries: 'quốc gia',
    members: 'thành viên',
    trend: 'xu hướng tuyến tính',
    of: 'trên',
    mapDisclaimer: 'Đường biên giới và tên gọi thể hiện trên bản đồ không hàm ý CivScope công nhận hay chấp thuận.',
    paracels: 'Quần đảo Hoàng Sa',
    spratlys: 'Quần đảo Trường Sa',
    yes: 'Có',
    no: 'Không',
  },
} as const;

export type LabelKey = keyof (typeof LABELS)['en'];

export function label(lang: Lang, key: LabelKey): string {
  return LABELS[lang][key];
}

export function countryName(iso3: string, lang: Lang): string {
  const country = COUNTRIES.find((c) => c.iso3 === iso3);
  return country ? (lang === 'vi' ? country.nameVi : country.nameEn) : iso3;
}

/** A Vega expression mapping `datum.iso3` to the country name, so specs with live data stay localised. */
export function countryNameExpression(lang: Lang): string {
  const entries = COUNTRIES.map(
    (c) => `${JSON.stringify(c.iso3)}: ${JSON.stringify(lang === 'vi' ? c.nameVi : c.nameEn)}`,
  );
  return `({${entries.join(', ')}})[datum.iso3] || datum.iso3`;
}

/** d3-format locale: Vietnamese writes 0,771 and 1.234.567. */
export const NUMBER_LOCALE = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  vi: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] },
} as const;

/** One formatter per language and number of decimals (at most 2 × 21): building one costs more than formatting. */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const key = `${lang}${decimals}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(value);
}

/** A ratio as a signed percentage change: 1.123 → "+12.3 %", 0.96 → "−4,0 %" (vi); under ±0.05 % no sign. */
export function formatPercentChange(ratio: number, lang: Lang): string {
  const p = (ratio - 1) * 100;
  const sign = p >= 0.05 ? '+' : p <= -0.05 ? '\u2212' : '';
  return `${sign}${formatNumber(Math.abs(p), 1, lang)}\u00a0%`;
}

/** "1st", "2nd", "5th" / "thứ nhất", "thứ 5". */
export function ordinal(n: number, lang: Lang): string {
  if (lang === 'vi') return n === 1 ? 'thứ nhất' : n === 4 ? 'thứ tư' : `thứ ${n}`;
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Units as the sources write them, in Vietnamese for axis and legend titles. */
const UNITS_VI: Readonly<Record<string, string>> = {
  '% of GDP': '% GDP',
  '% of public expenditure': '% chi tiêu công',
  '% of population': '% dân số',
  'IRT estimate (latent scale, about -2.5 to 2.5)': 'ước lượng IRT (thang ẩn, khoảng -2,5 đến 2,5)',
  'V-Dem measurement-model estimate (latent scale, about -5 to 5)':
    'ước lượng mô hình đo lường V-Dem (thang ẩn, khoảng -5 đến 5)',
  'index (principal-component score)': 'chỉ số (điểm thành phần chính)',
  'points (0 to 10)': 'điểm (0 đến 10)',
  'points (0 to 3)': 'điểm (0 đến 3)',
  'points (0 to 4)': 'điểm (0 đến 4)',
  'points (0 to 6.75)': 'điểm (0 đến 6,75)',
  'points (0 to 8)': 'điểm (0 đến 8)',
  ratio: 'tỷ số',
  'ratio (women / men)': 'tỷ số (nữ / nam)',
  'ratio to clerks': 'tỷ số so với nhân viên văn phòng',
  'ratio to the global median': 'tỷ số so với trung vị toàn cầu',
  'score 0-1': 'điểm 0–1',
  'score 0-1 (1 = highest of the 120 countries)': 'điểm 0–1 (1 = cao nhất trong 120 quốc gia)',
  'thousands of people': 'nghìn người',
  count: 'số lượng',
  'current US$': 'USD theo giá hiện hành',
  'days per year': 'ngày mỗi năm',
  'governance score (approx. -2.5 to 2.5)': 'điểm quản trị (khoảng -2,5 đến 2,5)',
  'governance score 0-100': 'điểm quản trị 0–100',
  'standard error of the governance score': 'sai số chuẩn của điểm quản trị',
  'hours per year': 'giờ mỗi năm',
  'clock hours per year': 'giờ đồng hồ mỗi năm',
  'yes (1) / no (0)': 'có (1) / không (0)',
  'hours per year (upper limit)': 'giờ mỗi năm (giới hạn trên)',
  'index 0-1': 'chỉ số 0–1',
  'interventions per year': 'hoạt động mỗi năm',
  'jam pelajaran (lesson hours) per year': 'tiết học (jam pelajaran) mỗi năm',
  'p-value': 'giá trị p',
  'percentile rank 0-100': 'thứ hạng phân vị 0–100',
  persons: 'người',
  'rank (1=best)': 'thứ hạng (1 = tốt nhất)',
  'regression coefficient (log points)': 'hệ số hồi quy (điểm log)',
  'share (0-1)': 'tỷ lệ (0–1)',
  'share of adults 15+ (0-1)': 'tỷ lệ người từ 15 tuổi (0–1)',
  'share of adults who paid a utility bill (0-1)': 'tỷ lệ trong số người trả hóa đơn tiện ích (0–1)',
  'share of recipients of government payments (0-1)': 'tỷ lệ trong số người nhận khoản chi trả của chính phủ (0–1)',
  'standard error of estimate': 'sai số chuẩn của ước lượng',
  years: 'năm',
};

/** Whether a unit has a Vietnamese label (a test keeps every shipped unit covered). */
export function hasVietnameseUnit(unit: string): boolean {
  return unit in UNITS_VI;
}

/** A unit for an axis title in the chart's language; unknown units stay as published. */
export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'vi' ? (UNITS_VI[unit] ?? unit) : unit;
}
