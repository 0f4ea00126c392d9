import type { Kysely } from 'kysely';
import type { Lang } from '../charts/locale.ts';
import type { Database } from '../db/schema.ts';
import type { BriefIndicator, BriefNumber, BriefWorldStanding } from '../documents/brief-model.ts';
import { worldStandingSource } from '../domain/world-standing.ts';
import { valuesFor } from '../repositories/observations.ts';
import type { ProfileEntry, SummaryContext } from './brief-request.ts';
import { factSheetWords } from './fact-sheet-text.ts';

/**
 * Each headline's standing in the world, where its publisher ranks the world the same year:
 * the WGI percentile rank and the UN's EGDI world rank from the profile (they are indicators of
 * their own), the Blavatnik Index's published rank from the value's own observation ("=62" when
 * tied, via /v1/observations). Sets `world` on the headlines; leaves null where there is none.
 */
export async function attachWorldStandings(
  db: Kysely<Database>,
  iso3: string,
  headlines: BriefIndicator[],
  profile: { indicators: ProfileEntry[] },
  ctx: Pick<SummaryContext, 'number' | 'at' | 'lang' | 'apis'>,
): Promise<void> {
  // The values whose rank or rank count the profile does not carry: published ranks, and the
  // world-rank indicators (EGDI_RANK) for how many the publisher ranked.
  const read = headlines.flatMap((h) => {
    const source = worldStandingSource(h.indicator);
    if (source.kind === 'published') return [{ code: h.indicator, year: h.value.year }];
    return source.kind === 'rank' ? [{ code: source.indicator, year: h.value.year }] : [];
  });
  const rows = await valuesFor(db, {
    indicatorCodes: read.map((r) => r.code),
    countries: [iso3],
    yearOfEach: read.map((r) => r.year),
  });
  for (const h of headlines) {
    const source = worldStandingSource(h.indicator);
    if (source.kind === 'published') {
      const row = rows.find((r) => r.indicator_code === h.indicator && r.year === h.value.year && r.rank !== null);
      if (!row || row.rank === null) continue;
      const api = `/v1/observations?indicator=${encodeURIComponent(h.indicator)}&countries=${iso3}&year=${h.value.year}`;
      ctx.apis.add(api);
      const value: BriefNumber = {
        ...h.value,
        value: row.rank,
        text: String(row.rank),
        api,
        field: `observations[iso3=${iso3}].published_rank.rank`,
      };
      h.world = standing('rank', value, row.rank_label ?? String(row.rank), ctx.lang, row.rank_of);
      continue;
    }
    const entry = profile.indicators.find((e) => e.indicator === source.indicator && e.year === h.value.year);
    if (!entry) continue;
    const value = ctx.number(entry, entry.value, ctx.at(entry, 'value'));
    const whole = Math.round(entry.value);
    const of = rows.find((r) => r.indicator_code === source.indicator && r.year === entry.year)?.rank_of ?? null;
    h.world = standing(source.kind, { ...value, text: String(whole) }, String(whole), ctx.lang, of);
  }
}

/**
 * The standing in the brief's language: "56th percentile", "=62nd of 120" / "bách phân vị thứ 56",
 * "hạng =62 trên 120 nước"; "in the world" / "thế giới" where the number ranked is not known.
 */
function standing(
  kind: 'percentile' | 'rank',
  value: BriefNumber,
  label: string,
  lang: Lang,
  of: number | null = null,
): BriefWorldStanding {
  const w = factSheetWords(lang);
  const text = kind === 'percentile' ? w.percentile(Number(label)) : w.worldRank(label, of);
  return { kind, value, label, text };
}
