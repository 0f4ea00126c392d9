import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPglite } from '../../src/db/pglite.ts';

/**
 * The embedded database runs statements on the server's own thread. Queued statements must leave
 * the event loop a turn between them, or the server stops reading its sockets until the whole
 * queue has drained: under load, new connections then waited seconds for their first answer (up
 * to a 10 s client timeout). Runs on PGlite whatever the suite's database: Postgres runs its
 * statements in its own processes.
 */
describe('the embedded database under a queue of statements', () => {
  let database: Awaited<ReturnType<typeof connectPglite>>;
  beforeAll(async () => {
    database = await connectPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  // A statement that keeps the thread busy for longer than the 10 ms the loop may be kept waiting (about 20 ms here).
  const busyStatement = () =>
    sql<{ n: string }>`select count(*) as n from generate_series(1, 100000)`.execute(database.db);

  it('lets a timer run after the first few of 20 queued statements, not after the last', async () => {
    const finished: number[] = [];
    const statements = Array.from({ length: 20 }, (_, i) => busyStatement().then(() => finished.push(i)));
    const finishedWhenTheTimerRan = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(finished.length), 0),
    );
    await Promise.all(statements);
    expect(finishedWhenTheTimerRan).toBeLessThan(5);
    expect(finished).toHaveLength(20);
  });

  it('still finishes statements given together in the order they were given', async () => {
    const finished: number[] = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => busyStatement().then(() => finished.push(i))));
    expect(finished).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('answers each statement with its own rows, and a failing statement fails alone', async () => {
    const [one, failing, two] = await Promise.allSettled([
      sql<{ v: number }>`select 1 as v`.execute(database.db),
      sql`select * from no_such_table`.execute(database.db),
      sql<{ v: number }>`select 2 as v`.execute(database.db),
    ]);
    expect(one.status === 'fulfilled' && one.value.rows).toEqual([{ v: 1 }]);
    expect(failing.status).toBe('rejected');
    expect(two.status === 'fulfilled' && two.value.rows).toEqual([{ v: 2 }]);
  });

  it('keeps transactions working: a rolled-back write is gone, a committed one stays', async () => {
    await sql`create table turn_test (v int)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`insert into turn_test values (1)`.execute(tx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await database.db.transaction().execute(async (tx) => {
      await sql`insert into turn_test values (2)`.execute(tx);
    });
    const { rows } = await sql<{ v: number }>`select v from turn_test`.execute(database.db);
    expect(rows).toEqual([{ v: 2 }]);
  });
});
