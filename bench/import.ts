import { systemActor } from '../src/audit';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { connectionOf, openDatabase } from '../db';
import { importLoanTape } from '../src/loans';
import { systemClock, defaultConfig } from '../src/shared';
import { writeTapeFile } from './tape-file';

/**
 * The `import` case: generates a loan tape of `--rows` loans (1,000,000 by default) as CSV in a
 * temp folder, then imports it with `importLoanTape` into a fresh database file, streaming the file
 * from disk as the HTTP route would. Seconds count the import only; the peak RSS is the process's
 * (the generator streams to disk and stays small, so the peak is the import's). cpuSeconds adds up
 * every thread (the staging writer runs beside the parser): on a shared machine it is the steadier figure.
 */
export async function importCase(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rows: { type: 'string', default: '1000000' } } });
  const rows = Number(values.rows);
  const folder = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const tapePath = join(folder, 'tape.csv');
    const fileBytes = await writeTapeFile(tapePath, rows);
    const db = openDatabase(join(folder, 'platform.db'));
    const deps = { db, clock: systemClock, config: defaultConfig };
    const body = Readable.toWeb(
      createReadStream(tapePath, { highWaterMark: 1 << 16 }),
    ) as ReadableStream<Uint8Array>;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await importLoanTape(
      { deps, actor: systemActor('bench') },
      {
        body,
        format: 'csv',
        mode: 'insert',
        tapeDate: systemClock.today(),
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    connectionOf(db).close();
    if (result.created !== rows) throw new Error(`imported ${result.created} loans of ${rows}`);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      JSON.stringify({
        case: 'import',
        rows,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
        peakRssMb,
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        fileMb: Math.round(fileBytes / 1e6),
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
