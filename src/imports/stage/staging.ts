import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { connectionOf, type DbOrTx } from '../../../db';
import { scratchFile } from './scratch';

/** Batches sent to the writer and not yet written; past this, `append` waits (bounds memory). */
const MAX_BATCHES_IN_FLIGHT = 8;

type WorkerReply = { ready: true } | { written: number } | { sealed: true } | { error: string };

/**
 * The staging table of one import: where the file's good rows wait, on disk, until every row is
 * known good; the book is touched only then. The file is never held in memory, and no transaction
 * of the app's connection stays open while the body streams in.
 *
 * Rows are written by a worker thread into a private SQLite file (`staging-worker.mjs`), so that
 * SQLite's share of reading a file (about 3 µs a row) runs beside the parsing instead of after
 * it. Once sealed, the file is attached to the app's connection as `import_<uuid>` for the checks
 * and the final INSERT … SELECT, and detached and deleted by `drop`.
 */
export class StagingTable {
  /** The qualified table name, `import_<uuid>.staging`, safe to splice into SQL; usable once sealed. */
  readonly name: string;
  private readonly sqlite: Database.Database;
  private readonly schema: string;
  private readonly path: string;
  private readonly worker: Worker;
  private readonly waiting: ((reply: WorkerReply) => void)[] = [];
  private inFlight = 0;
  private failure: Error | undefined;
  private attached = false;

  private constructor(handle: DbOrTx, columns: readonly string[]) {
    this.sqlite = connectionOf(handle);
    this.schema = `import_${randomUUID().replaceAll('-', '')}`;
    this.name = `${this.schema}.staging`;
    // In the data folder's scratch/, never the system temp folder: it holds the file's rows.
    this.path = scratchFile(handle, 'import', 'sqlite');
    this.worker = new Worker(new URL('./staging-worker.mjs', import.meta.url), {
      workerData: { path: this.path, columns },
    });
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', (error) => this.receive({ error: error.message }));
    this.worker.on('exit', () => this.receive({ error: 'the staging writer stopped' }));
  }

  /** A new, empty staging table; `columns` are column definitions after `row INTEGER PRIMARY KEY` (the file row). */
  static async create(handle: DbOrTx, columns: readonly string[]): Promise<StagingTable> {
    const staging = new StagingTable(handle, columns);
    try {
      await staging.next();
    } catch (error) {
      await staging.drop();
      throw error;
    }
    return staging;
  }

  /** Queues rows, each `[fileRow, ...values]` in the columns' order; waits only when the writer falls behind. */
  async append(rows: unknown[][]): Promise<void> {
    if (this.failure) throw this.failure;
    if (rows.length === 0) return;
    this.worker.postMessage(rows);
    this.inFlight++;
    while (this.inFlight > MAX_BATCHES_IN_FLIGHT) await this.next();
  }

  /** Waits for every row to be written, then attaches the table to the app's connection. */
  async seal(): Promise<void> {
    while (this.inFlight > 0) await this.next();
    this.worker.postMessage('seal');
    await this.next();
    this.sqlite.prepare('ATTACH DATABASE ? AS ' + this.schema).run(this.path);
    this.attached = true;
  }

  /** Detaches and deletes the table and stops the writer; safe to call in any state. */
  async drop(): Promise<void> {
    if (this.attached) this.sqlite.exec(`DETACH DATABASE ${this.schema}`);
    this.attached = false;
    await this.worker.terminate();
    // Awaited: the rows are personal data, and an answer sent means they are gone (unlinking a
    // large file is quick; it is the disk's later reclaiming that takes time, and nothing waits for that).
    await rm(this.path, { force: true });
  }

  private receive(reply: WorkerReply): void {
    if ('error' in reply) this.failure ??= new Error(`staging the file failed: ${reply.error}`);
    if ('written' in reply) this.inFlight--;
    for (const resolve of this.waiting.splice(0)) resolve(reply);
  }

  /** Waits for the writer's next reply; throws if it failed. */
  private async next(): Promise<void> {
    if (!this.failure) await new Promise<WorkerReply>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }
}

/**
 * A statement over an import's staging table, prepared for that import alone. Its SQL names the
 * import's own attached schema (`import_<uuid>`), so `prepared`'s per-connection cache, meant for
 * statements the app runs again and again, would keep every import's statements for the life of
 * the connection. Runs on the handle's connection, so inside the caller's transaction.
 */
export function stagingStatement(handle: DbOrTx, sql: string): Database.Statement {
  return connectionOf(handle).prepare(sql);
}
