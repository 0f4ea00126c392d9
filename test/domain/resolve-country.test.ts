import { describe, expect, it } from 'vitest';
import { resolveCountry, resolveCountryCode } from '../../src/domain/resolve-country.ts';

describe('country alias resolution', () => {
  it.each([
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['Việt Nam', 'VNM'],
    ['Lao PDR', 'LAO'],
    ["Lao People's Democratic Republic", 'LAO'],
    ['Korea, Rep.', 'KOR'],
    ['Korea Rep.', 'KOR'],
    ['Republic of Korea', 'KOR'],
    ['East Timor', 'TLS'],
    ['Timor-Leste', 'TLS'],
    ['Brunei Darussalam', 'BRN'],
    ['  brunei darussalam ', 'BRN'],
    ['Burma', 'MMR'],
    ['Thái Lan', 'THA'],
    ['Hàn Quốc', 'KOR'],
  ])('resolves the name "%s" to %s', (name, iso3) => {
    expect(resolveCountry(name)).toEqual({ kind: 'registered', iso3 });
  });

  it("resolves WGI's TMP code to Timor-Leste", () => {
    expect(resolveCountryCode('TMP')).toEqual({ kind: 'registered', iso3: 'TLS' });
  });

  it('tells a real country outside the registry from an unknown name', () => {
    expect(resolveCountry('Afghanistan')).toEqual({ kind: 'outside', code: 'AFG', what: 'other country' });
    expect(resolveCountry('Viet Nm')).toEqual({ kind: 'unknown' });
    expect(resolveCountry('')).toEqual({ kind: 'unknown' });
  });

  it('treats World Bank aggregate codes as outside the registry, and malformed codes as unknown', () => {
    expect(resolveCountryCode('WLD')).toEqual({ kind: 'outside', code: 'WLD', what: 'aggregate' });
    expect(resolveCountryCode('EAS')).toEqual({ kind: 'outside', code: 'EAS', what: 'aggregate' });
    expect(resolveCountryCode('X01')).toEqual({ kind: 'outside', code: 'X01', what: 'aggregate' });
    expect(resolveCountryCode('AUS')).toEqual({ kind: 'outside', code: 'AUS', what: 'other country' });
    expect(resolveCountryCode('XKX')).toEqual({ kind: 'outside', code: 'XKX', what: 'other country' });
    expect(resolveCountryCode('V N')).toEqual({ kind: 'unknown' });
  });

  it('treats a three-letter code that is neither ours, nor an ISO 3166 country, nor a known aggregate as unknown (issue 11 item 15)', () => {
    expect(resolveCountryCode('VMN')).toEqual({ kind: 'unknown' });
    expect(resolveCountryCode('XYZ')).toEqual({ kind: 'unknown' });
  });

  it('does not mistake North Korea for the Republic of Korea', () => {
    expect(resolveCountryCode('PRK')).toEqual({ kind: 'outside', code: 'PRK', what: 'other country' });
  });
});
