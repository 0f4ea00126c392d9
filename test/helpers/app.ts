import { createApp } from '../../src/app.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import type { TestDatabase } from './database.ts';

/**
 * The app on a test database, with a fixed clock (2026-11-22) unless told otherwise, and the data
 * version re-read on every request so ingestion in a test shows at once.
 */
export function createTestApp(test: TestDatabase, now: Date = new Date('2026-11-22T12:00:00Z')) {
  return createApp({ db: test.db, now: () => now, versions: dataVersionSource(test.db, 0) });
}

export async function getJson(app: ReturnType<typeof createTestApp>, url: string, init?: RequestInit) {
  const response = await app.request(url, init);
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, contentType: response.headers.get('content-type'), body, headers: response.headers };
}
