import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { connectionOf, type DbOrTx } from '../../../db';

/**
 * This process's run, in scratch file names: a container restarts the server with the same pid
 * (often 1), so the pid alone cannot tell this run's files from a crashed run's.
 */
const RUN_ID = randomBytes(8).toString('hex');

/** `<kind>-<pid>-<run>-<unique>.<ext>`: what a scratch file's name says about who owns it. */
const SCRATCH_NAME =
  /^(?:import|upload)-(\d+)-([0-9a-f]{16})-[0-9a-f-]+\.[a-z]+(?:-journal|-wal|-shm)?$/;

/**
 * Where imports keep what they write while they run (the staging table, the uploaded workbook):
 * `scratch/` beside the database file, so an import's rows (national ids in clear) never leave
 * the platform's data folder, whose access rights and disk the operator already chose. An
 * in-memory database (tests) has no folder: a `debt-platform-scratch` folder in the system's
 * temp folder stands in.
 */
export function scratchFolderOf(handle: DbOrTx): string {
  return scratchFolderFor(connectionOf(handle).name);
}

/** The scratch folder of the database file at `databaseFile` (`:memory:` for an in-memory one), created if missing. */
export function scratchFolderFor(databaseFile: string): string {
  const folder =
    databaseFile === ':memory:' || databaseFile === ''
      ? join(tmpdir(), 'debt-platform-scratch')
      : join(dirname(resolve(databaseFile)), 'scratch');
  // Owner only: the files hold borrowers' personal data.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

/** A new scratch file path (not created) in the handle's scratch folder, named as its owner's. */
export function scratchFile(handle: DbOrTx, kind: 'import' | 'upload', extension: string): string {
  return join(
    scratchFolderOf(handle),
    `${kind}-${process.pid}-${RUN_ID}-${randomUUID()}.${extension}`,
  );
}

/** Whether a process with this id runs (signal 0 only checks; EPERM means it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what crashed imports left in the scratch folder: files named by a process that no
 * longer runs, or by an earlier run of this process id. Files of imports running in another live
 * process (a second server, a test worker) stay, as does anything not named like a scratch file.
 * Run at start-up, before the first import. Returns the names removed.
 */
export function sweepScratchFolder(deps: { db: DbOrTx }): string[] {
  const folder = scratchFolderOf(deps.db);
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const owner = SCRATCH_NAME.exec(name);
    if (!owner) continue;
    const pid = Number(owner[1]);
    const stale = pid === process.pid ? owner[2] !== RUN_ID : !isRunning(pid);
    if (!stale) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
