import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** The lock file a server keeps in its data directory while it runs. */
export const LOCK_FILE = 'civscope.lock';

/** Whether a process with this id is alive (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time on an embedded data directory: PGlite has no lock of its own, and two
 * processes writing one directory corrupt it. The lock file holds the owner's pid; a lock left
 * by a process that died is taken over. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      // Whatever way the process ends (exit, a fatal start-up error), the lock goes with it.
      const onExit = () => rmSync(file, { force: true });
      process.once('exit', onExit);
      return async () => {
        process.off('exit', onExit);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new Error(
          `The data directory ${dataDir} is in use by another CivScope process (pid ${owner}). ` +
            'Stop it first (the server and the ingest CLI cannot share the embedded database), or set CIVSCOPE_DATA_DIR to another directory.',
        );
      }
      await rm(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}
