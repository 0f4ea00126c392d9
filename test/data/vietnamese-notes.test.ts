import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedReleases } from '../../src/boot/prepare.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestReleaseFolder } from '../../src/ingest/ingest-release.ts';
import { listShippedReleases } from '../../src/ingest/shipped.ts';
import { countObservations } from '../../src/repositories/observation-count.ts';
import { createTestApp, getJson } from '../helpers/app.ts';
import { createLoadedDatabase, type TestDatabase } from '../helpers/database.ts';
import { TIDY_HEADER, testMeta, writeReleaseFolder } from '../helpers/release-folder.ts';

let test: TestDatabase;

beforeAll(async () => {
  test = await createLoadedDatabase();
});
afterAll(async () => {
  await test?.close();
});

interface Observation {
  iso3: string;
  country: string;
  year: number | null;
  note: string | null;
}

const KOREA_NOTE_EN =
  'Annual standard training hours (교육훈련기준시간) under the Enforcement Decree; 100 hours per the MPM.';
const KOREA_NOTE_VI =
  'Số giờ đào tạo chuẩn hằng năm (교육훈련기준시간) theo Nghị định thi hành; 100 giờ theo Bộ Quản lý Nhân sự.';

describe('what a release says in words, in Vietnamese', () => {
  it('every shipped release has a Vietnamese label, and Vietnamese notes where it has notes', async () => {
    const missing = (await listShippedReleases()).flatMap((r) => [
      ...(r.meta.label_vi ? [] : [`${r.id} label_vi`]),
      ...(r.meta.notes !== '' && r.meta.notes_vi === '' ? [`${r.id} notes_vi`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('every loaded value with a note has its Vietnamese: 439 notes, none untranslated', async () => {
    const { rows } = await sql<{ notes: number; untranslated: number }>`
      select count(*)::int as notes, count(*) filter (where note_vi is null)::int as untranslated
      from observation where note is not null`.execute(test.db);
    expect(rows[0]).toEqual({ notes: 439, untranslated: 0 });
  });

  it('/v1/observations in Vietnamese gives each note in Vietnamese; in English the source English, never both', async () => {
    const app = createTestApp(test);
    const url = '/v1/observations?indicator=TRN.STAT.SET&countries=KOR';
    const vi = (await getJson(app, `${url}&lang=vi`)).body as { observations: Observation[] };
    const en = (await getJson(app, url)).body as { observations: Observation[] };
    expect(vi.observations.map((o) => [o.country, o.year, o.note])).toEqual([['Hàn Quốc', 2022, KOREA_NOTE_VI]]);
    expect(en.observations.map((o) => [o.country, o.year, o.note])).toEqual([['Korea, Rep.', 2022, KOREA_NOTE_EN]]);
    expect(Object.keys(vi.observations[0] as object)).not.toContain('note_vi');
  });

  it('translates the notes ILOSTAT values carry (source code and status), a flag note and a source-named note', async () => {
    const app = createTestApp(test);
    const note = async (query: string) =>
      ((await getJson(app, `/v1/observations?${query}&lang=vi`)).body as { observations: Observation[] })
        .observations[0]?.note;
    expect(await note('indicator=ILO.EMP.PUB&countries=VNM&year=2022')).toBe('Nguồn số liệu ILOSTAT BA:1788.');
    expect(await note('indicator=HCI&countries=TLS&year=2003')).toBe(
      'Công bố là 0; có lẽ nghĩa là không có số liệu. Giữ nguyên như đã công bố.',
    );
    expect(await note('indicator=ITU.MOBILE_OWNERSHIP&countries=VNM&year=2020')).toBe('Tổng cục Thống kê Việt Nam.');
  });

  it('a break in series keeps its status code with the words in Vietnamese', async () => {
    const { rows } = await sql<{ note: string; note_vi: string }>`
      select distinct note, note_vi from observation where note like '%Status B%' order by note limit 1`.execute(
      test.db,
    );
    expect(rows[0]).toEqual({
      note: 'ILOSTAT source BA:1321. Status B (break in series).',
      note_vi: 'Nguồn số liệu ILOSTAT BA:1321. Trạng thái B (chuỗi số liệu bị gián đoạn).',
    });
  });

  it('the CSV in Vietnamese carries the Vietnamese note', async () => {
    const app = createTestApp(test);
    const response = await app.request('/v1/observations?indicator=TRN.STAT.SET&countries=KOR&lang=vi&format=csv');
    const text = await response.text();
    expect(text).toContain(KOREA_NOTE_VI);
    expect(text).not.toContain('Annual standard training hours');
  });

  it('a release lists its label and notes in both languages', async () => {
    const app = createTestApp(test);
    const { body } = await getJson(app, '/v1/releases?source=un-egov');
    const release = (body as { releases: Record<string, string>[] }).releases[0];
    expect(release?.label_vi).toBe(
      'Khảo sát Chính phủ điện tử của Liên Hợp Quốc, các ấn bản 2003-2024 (EGDI và các thành phần)',
    );
    expect(release?.notes_vi).toMatch(/^Tổng hợp từ các tệp tải chính thức EGOV_DATA_<năm>\.csv/);
  });

  it('a partner syncing with since_loaded gets both languages of each note', async () => {
    const app = createTestApp(test);
    const { body } = await getJson(
      app,
      '/v1/changes?since_loaded=2000-01-01T00:00:00Z&indicators=TRN.STAT.SET&countries=KOR&limit=10',
    );
    const rows = (body as { observations: { note: string; note_vi: string }[] }).observations;
    expect(rows.map((r) => [r.note, r.note_vi])).toEqual([[KOREA_NOTE_EN, KOREA_NOTE_VI]]);
  });
});

describe('a database loaded before the translations', () => {
  it('gets the Vietnamese notes, labels and rank counts at start-up, without touching values or load times', async () => {
    const before = await sql<{ loaded_at: string; value: number }>`
      select loaded_at::text, value from observation where indicator_code = 'TRN.STAT.SET' and iso3 = 'KOR'`.execute(
      test.db,
    );
    await sql`update observation set note_vi = null where release_id like 'civscope-training:%' or release_id like 'ilo-ilostat:%'`.execute(
      test.db,
    );
    await sql`update observation set rank_of = null where release_id = 'bsg-bipa:2024'`.execute(test.db);
    await sql`update release set label_vi = null, notes_vi = ''`.execute(test.db);

    await loadShippedReleases(test.db); // what start-up runs: nothing new to load

    const { rows } = await sql<{ untranslated: number; unranked: number; unlabelled: number }>`
      select (select count(*)::int from observation where note is not null and note_vi is null) as untranslated,
             (select count(*)::int from observation where rank is not null and rank_of is null) as unranked,
             (select count(*)::int from release where label_vi is null) as unlabelled`.execute(test.db);
    expect(rows[0]).toEqual({ untranslated: 0, unranked: 0, unlabelled: 0 });
    const after = await sql<{ loaded_at: string; value: number; note_vi: string }>`
      select loaded_at::text, value, note_vi from observation where indicator_code = 'TRN.STAT.SET' and iso3 = 'KOR'`.execute(
      test.db,
    );
    expect(after.rows).toEqual(before.rows.map((r) => ({ ...r, note_vi: KOREA_NOTE_VI })));
    const { rows: vietNam } = await sql<{ rank: number; rank_of: number }>`
      select rank, rank_of from observation
      where release_id = 'bsg-bipa:2024' and indicator_code = 'BIPA.INDEX' and iso3 = 'VNM'`.execute(test.db);
    expect(vietNam).toEqual([{ rank: 62, rank_of: 120 }]);
  });
});

describe('a corrected translation', () => {
  it('reaches a loaded database at start-up: a release whose translations changed gets its notes rewritten', async () => {
    // As if the Korean note had been loaded with an older wording and an older fingerprint.
    await sql`update observation set note_vi = 'một bản dịch cũ'
      where indicator_code = 'TRN.STAT.SET' and iso3 = 'KOR'`.execute(test.db);
    await sql`update release set translations_sha256 = ${'0'.repeat(64)} where id = 'civscope-training:2026-12'`.execute(
      test.db,
    );
    await loadShippedReleases(test.db);
    const { rows } = await sql<{ note_vi: string }>`
      select note_vi from observation where indicator_code = 'TRN.STAT.SET' and iso3 = 'KOR'`.execute(test.db);
    expect(rows).toEqual([{ note_vi: KOREA_NOTE_VI }]);
    // The fingerprint is brought up to date: the next start reads nothing again.
    const { rows: fingerprints } = await sql<{ stale: number }>`
      select count(*)::int as stale from release where translations_sha256 is null or translations_sha256 = ${'0'.repeat(64)}`.execute(
      test.db,
    );
    expect(fingerprints).toEqual([{ stale: 0 }]);
  });
});

describe('a release whose words are not in Vietnamese', () => {
  const row = (note: string) => `${TIDY_HEADER},note\nt,TEST.IND,Test,VNM,2020,1.5,points,${note}\n`;

  it('a value note without its Vietnamese stops the release at its line and column, loading nothing', async () => {
    const before = await countObservations(test.db);
    const folder = await writeReleaseFolder(
      testMeta({ release: 'untranslated-note' }),
      `${TIDY_HEADER},note\nt,TEST.IND,Test,VNM,2020,1.5,points,\nt,TEST.IND,Test,THA,2020,2.5,points,Said in English only\n`,
    );
    const error = await ingestReleaseFolder(test.db, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).location).toMatchObject({ line: 3, column: 'note' });
    expect((error as IngestError).message).toContain(
      'no Vietnamese for the note "Said in English only": add it to value_notes_vi in meta.yaml',
    );
    expect(await countObservations(test.db)).toBe(before);
  });

  it('loads with value_notes_vi, the note served in the language asked for', async () => {
    const folder = await writeReleaseFolder(
      testMeta({
        release: 'translated-note',
        source: { ...testMeta().source, id: 'test-notes' },
        value_notes_vi: [{ note: 'Provisional figure', vi: 'Số liệu tạm thời' }],
      }),
      row('Provisional figure'),
    );
    const summary = await ingestReleaseFolder(test.db, folder);
    expect(summary.loaded).toBe(1);
    const { rows } = await sql<{ note: string; note_vi: string }>`
      select note, note_vi from observation where release_id = 'test-notes:translated-note'`.execute(test.db);
    expect(rows).toEqual([{ note: 'Provisional figure', note_vi: 'Số liệu tạm thời' }]);
  });

  it('notes or a flag note without Vietnamese fail meta.yaml, naming the field', async () => {
    const notes = await writeReleaseFolder(testMeta({ release: 'n1', notes: 'English only.' }), row(''));
    await expect(ingestReleaseFolder(test.db, notes)).rejects.toThrow(
      /field notes_vi: the notes need their Vietnamese \(notes_vi\)/,
    );
    const flags = await writeReleaseFolder(
      testMeta({
        release: 'n2',
        flags: [{ indicator: 'TEST.IND', countries: ['VNM'], flag: 'repeated-value', note: 'English only.' }],
      }),
      row(''),
    );
    await expect(ingestReleaseFolder(test.db, flags)).rejects.toThrow(
      /field flags\.0\.note_vi: the note of flag "repeated-value" needs its Vietnamese/,
    );
  });

  it('a source without the Vietnamese of its publisher fails meta.yaml, naming the field', async () => {
    const { publisher_vi: _, ...source } = testMeta().source;
    const folder = await writeReleaseFolder(testMeta({ release: 'n3', source }), row(''));
    await expect(ingestReleaseFolder(test.db, folder)).rejects.toThrow(/field source\.publisher_vi:/);
  });
});
