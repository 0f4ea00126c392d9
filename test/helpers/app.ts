import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import { yalpsSolver } from '../../src/solver/yalps-lp.ts';
import { writeWorkbook } from '../../src/render/xlsx.ts';
import { createLoadedDatabase, type TestDatabase } from './database.ts';

/**
 * The app on a test database, with a fixed clock (2026-11-22) unless told otherwise, and the data
 * version re-read on every request so ingestion in a test shows at once, and Node's Excel writer.
 */
export function createTestApp(test: TestDatabase, now: Date = new Date('2026-11-22T12:00:00Z')) {
  return createApp({
    db: test.db,
    now: () => now,
    versions: dataVersionSource(test.db, 0),
    lpSolver: loadHighsSolver,
    replicationLpSolver: async () => yalpsSolver(),
    spreadsheet: writeWorkbook,
  });
}

export async function getJson(app: ReturnType<typeof createTestApp>, url: string, init?: RequestInit) {
  const response = await app.request(url, init);
  const body = (await response.json()) as Record<string, unknown>;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
    headers: response.headers,
  };
}

/**
 * Registers a loaded database and an app on it for the current test file (created before the
 * tests, closed after). Read `.app` and `.test` inside tests.
 */
export function useLoadedApp() {
  const state: { test?: TestDatabase; app?: ReturnType<typeof createTestApp> } = {};
  beforeAll(async () => {
    state.test = await createLoadedDatabase();
    state.app = createTestApp(state.test);
  });
  afterAll(async () => {
    await state.test?.close();
  });
  return {
    get app() {
      return state.app as ReturnType<typeof createTestApp>;
    },
    get test() {
      return state.test as TestDatabase;
    },
  };
}
