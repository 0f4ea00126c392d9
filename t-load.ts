import { createLoadedDatabase } from './test/helpers/database.ts';
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const t = await createLoadedDatabase();
  console.log('loaded in', Math.round(performance.now() - t0), 'ms');
  await t.close();
}
