import { createApp } from '../../src/app.ts';
import type { TestDatabase } from './database.ts';

/** The app on a test database, with a fixed clock (2026-11-22) unless told otherwise. */
export function createTestApp(test: TestDatabase, now: Date = new Date('2026-11-22T12:00:00Z')) {
  return createApp({ db: test.db, now: () => now });
}

export async function getJson(app: ReturnType<typeof createTestApp>, url: string) {
  const response = await app.request(url);
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, contentType: response.headers.get('content-type'), body, headers: response.headers };
}
