import { describe, expect, it } from 'vitest';
import { getJson, useLoadedApp } from '../helpers/app.ts';

const loaded = useLoadedApp();

/** The bytes of a download, and its text after the byte order mark. */
async function download(url: string) {
  const response = await loaded.app.request(url);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { bytes, lines: text.replace(/^\uFEFF/, '').split('\r\n') };
}

describe('the file a person opens in Excel (style=reader)', () => {
  it('starts with a UTF-8 byte order mark, so Excel reads Vietnamese intact, and names columns in Vietnamese', async () => {
    const { bytes, lines } = await download(
      '/v1/rankings?indicator=GE.EST&group=ASEAN&lang=vi&format=csv&style=reader',
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(
      'Chỉ số,Đơn vị,Thứ hạng,Mã ISO3,Quốc gia,Quốc gia (tiếng Anh),Giá trị,Năm,Điểm (0–100 trong nhóm),Đồng hạng,Cờ đánh dấu,Ghi chú,Tài liệu tham chiếu,Phiên bản dữ liệu,Các phiên bản dữ liệu,Giấy phép',
    );
    // GE.EST shows 4 decimals: Singapore's 2.0921398 (WGI 2026, 2025) reads 2.0921; the score 1 decimal.
    expect(lines[1]).toBe(
      'Hiệu quả của Chính phủ: ước lượng,"điểm quản trị (khoảng -2,5 đến 2,5)",1,SGP,Xin-ga-po,Singapore,2.0921,2025,100,không,,,,wb-wgi:2026,wb-wgi:2026,Các chỉ số quản trị toàn cầu (WGI): CC BY 4.0',
    );
    expect(lines[2]).toContain(',2,MYS,Ma-lai-xi-a,Malaysia,0.9567,2025,69.4,không,,,,');
  });

  it('keeps English for an English page, with the Vietnamese country name beside it', async () => {
    const { lines } = await download('/v1/rankings?indicator=GE.EST&group=ASEAN&lang=en&format=csv&style=reader');
    expect(lines[0]).toBe(
      'Indicator,Unit,Rank,ISO3 code,Country,Country (Vietnamese),Value,Year,Score (0–100 within the group),Tied,Flag,Note,Reference,Release,Releases,Licence',
    );
    expect(lines[1]).toMatch(/^Government Effectiveness: Estimate,.*,1,SGP,Singapore,Xin-ga-po,2\.0921,2025,100,no,/);
  });

  it('names each column of a comparison after its indicator, and rounds each to its own decimals', async () => {
    const { lines } = await download(
      '/v1/compare?indicators=GE.EST,EGDI&group=ASEAN&year=2024&lang=vi&format=csv&style=reader',
    );
    expect(lines[0]?.split(',').slice(3, 8)).toEqual([
      'Hiệu quả của Chính phủ: ước lượng',
      'Hiệu quả của Chính phủ: ước lượng – năm',
      'Hiệu quả của Chính phủ: ước lượng – điểm 0–100',
      'Hiệu quả của Chính phủ: ước lượng – thứ hạng',
      'Chỉ số phát triển Chính phủ điện tử (EGDI)',
    ]);
    // Brunei 2024: GE.EST 0.8017378 (4 decimals), EGDI 0.75536 (4 decimals), scores 65.1 and 62.3.
    expect(lines[1]).toMatch(/^BRN,Bru-nây,Brunei Darussalam,0\.8017,2024,65\.1,3,0\.7554,2024,62\.3,7,/);
  });

  it("gives a table of values the indicator's name and Vietnamese unit on every line", async () => {
    const { lines } = await download(
      '/v1/observations?indicator=EGDI&countries=VNM&from=2024&to=2024&lang=vi&format=csv&style=reader',
    );
    expect(lines[1]).toMatch(
      /^Chỉ số phát triển Chính phủ điện tử \(EGDI\),chỉ số 0–1,VNM,Việt Nam,Viet Nam,2024,0\.7709,/,
    );
  });

  it('leaves the data file for systems as it was: machine names, exact values, the indicator code first, no BOM', async () => {
    const { bytes, lines } = await download('/v1/rankings?indicator=GE.EST&group=ASEAN&format=csv');
    expect(bytes[0]).toBe('i'.charCodeAt(0));
    expect(lines[0]).toBe(
      'indicator,rank,iso3,country,value,year,score,tied,flag,note,reference_url,release,releases,licence',
    );
    expect(lines[1]).toMatch(/^GE\.EST,1,SGP,Singapore,2\.0921398,2025,100,false,/);
  });

  it('refuses a style it does not know, naming the parameter', async () => {
    const { status, body } = await getJson(loaded.app, '/v1/rankings?indicator=GE.EST&format=csv&style=pretty');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'invalid_parameter', parameter: 'style' });
  });
});
