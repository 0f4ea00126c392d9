/**
 * Builds the ready embedded database that a first `npm start` copies (src/boot/shipped-snapshot.ts):
 * schema, registry and every shipped release, in .data/snapshot. npm runs it after install; it is
 * skipped when the snapshot is already current. A failure never fails the install: start-up then
 * takes the normal (slower) path and says so.
 * Usage: npm run build:snapshot
 */
import { buildSnapshot, fillSnapshot, SNAPSHOT_DIR, snapshotIsCurrent } from '../src/boot/shipped-snapshot.ts';
import { loadShippedReleases } from '../src/boot/prepare.ts';

if (import.meta.main) {
  const started = performance.now();
  try {
    if (await snapshotIsCurrent()) {
      console.log(`civscope: embedded database snapshot is current (${SNAPSHOT_DIR})`);
    } else {
      await buildSnapshot((dataDir) => fillSnapshot(dataDir, loadShippedReleases));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`civscope: built the embedded database snapshot in ${seconds} s (${SNAPSHOT_DIR})`);
    }
  } catch (error) {
    console.warn(
      `civscope: no database snapshot (${error instanceof Error ? error.message : error}); the first start will load the shipped releases itself`,
    );
  }
}
