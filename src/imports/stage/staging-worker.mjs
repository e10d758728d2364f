// The staging writer: runs in a worker thread and appends the rows the main thread has checked to a
// private SQLite file, so writing one batch overlaps with parsing the next. Plain JavaScript because
// a worker is started without the TypeScript loader of its parent; its protocol is in staging.ts.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, columns } = workerData;
const db = new Database(path);
// A scratch file, deleted after the import: nothing to recover after a crash, so no journal, no sync.
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.exec(`CREATE TABLE staging (row INTEGER PRIMARY KEY, ${columns.join(', ')})`);
const insert = db.prepare(
  `INSERT INTO staging VALUES (${['?', ...columns.map(() => '?')].join(', ')})`,
);
db.exec('BEGIN');

parentPort.on('message', (message) => {
  try {
    if (message === 'seal') {
      db.exec('COMMIT');
      db.close();
      parentPort.postMessage({ sealed: true });
      return;
    }
    for (const row of message) insert.run(row);
    parentPort.postMessage({ written: message.length });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
