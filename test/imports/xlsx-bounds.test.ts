import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { seedDemoUsers } from '../../src/access/demo-users';
import { createApp } from '../../src/app';
import { sweepScratchFolder } from '../../src/imports';
import { fixedClock } from '../../src/shared/clock';
import { defaultConfig } from '../../src/shared/config';
import type { AppDeps } from '../../src/shared/deps';
import { aTapeRow, nationalId, problemAnswer } from './files';
import {
  emptyCellsBomb,
  longCellBomb,
  openpyxlStyleXlsx,
  sharedStringsBomb,
} from './hostile-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Everything that writes to "the temp folder" in this process writes here, so the test can see it.
const originalTmp = process.env.TMPDIR;
const tempFolder = mkdtempSync(join(tmpdir(), 'xlsx-bounds-tmp-'));
const dataFolder = mkdtempSync(join(tmpdir(), 'xlsx-bounds-data-'));
beforeAll(() => {
  process.env.TMPDIR = tempFolder;
});
afterAll(() => {
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
  rmSync(tempFolder, { recursive: true, force: true });
  rmSync(dataFolder, { recursive: true, force: true });
});

/** An app on a database file in `dataFolder`, as the server runs it. */
function fileApp() {
  const deps: AppDeps = {
    db: openDatabase(join(dataFolder, 'platform.db')),
    clock: fixedClock('2026-06-30T09:00:00.000Z'),
    config: defaultConfig,
    log: () => {},
  };
  seedDemoUsers(deps, () => {});
  return { app: createApp(deps), deps };
}
const { app } = fileApp();

function postXlsx(body: Uint8Array | ReadableStream<Uint8Array>) {
  return app.request('/loans/import', {
    method: 'POST',
    body,
    headers: { Authorization: 'Bearer demo-risk-token', 'Content-Type': XLSX },
    // Node's fetch needs this for a stream body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Every file under `folder`, recursively, as relative paths. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

/** What an import may leave: the database itself; nothing in the temp folder. */
function expectNothingLeft() {
  expect(filesUnder(tempFolder)).toEqual([]);
  expect(filesUnder(dataFolder).filter((name) => !/^platform\.db(-wal|-shm)?$/.test(name))).toEqual(
    [],
  );
}

const tapeHeader = Object.keys(aTapeRow());
const tapeRow = (loanId: string) =>
  Object.values(aTapeRow({ loan_id: loanId, national_id: nationalId('11010519800101001') }));

describe('xlsx import: bounded memory and disk', () => {
  it('imports a workbook as openpyxl writes it (sheet before workbook.xml, inline strings) and leaves no file behind', async () => {
    const response = await postXlsx(
      openpyxlStyleXlsx([tapeHeader, tapeRow('PY1'), tapeRow('PY2')]),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ rows: 2, created: 2 });
    expectNothingLeft();
    const refused = await postXlsx(
      openpyxlStyleXlsx([tapeHeader, tapeRow('PY3'), [...tapeRow('PY4').slice(0, 2), '']]),
    );
    expect(refused.status).toBe(422);
    expectNothingLeft();
  });

  it('refuses a shared-strings bomb with a 422 naming the part, quickly, and leaves no file behind', async () => {
    // 4.7 MB → 4.6 GB in the report; this one claims 1 KB and inflates to 2 GB.
    const bomb = sharedStringsBomb(2 * 1024 ** 3);
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const response = await postXlsx(bomb);
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = await problemAnswer(response);
    expect(problem.errors[0]?.message).toContain('xl/sharedStrings.xml');
    expect(Date.now() - started).toBeLessThan(20_000);
    // Generous: the reader may keep up to its limit; the old one grew by gigabytes and died.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
    expectNothingLeft();
  }, 60_000);

  it('refuses a bomb that inflates only 100 to 1 when its strings fill the table, its memory bounded', async () => {
    const bomb = sharedStringsBomb(2 * 1024 ** 3, { stringChars: 100, blockBytes: 1 << 16 });
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const response = await postXlsx(bomb);
    expect(response.status).toBe(422);
    const problem = await problemAnswer(response);
    expect(problem.errors[0]?.message).toContain('xl/sharedStrings.xml');
    // The table's bound (128 MB of text) plus its index; the old reader grew by gigabytes.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(600 * 1024 * 1024);
    expectNothingLeft();
  }, 120_000);

  it('refuses a cell longer than a spreadsheet cell can be, without reading it whole', async () => {
    const response = await postXlsx(longCellBomb(512 * 1024 * 1024));
    expect(response.status).toBe(422);
    const problem = await problemAnswer(response);
    expect(problem.errors[0]?.message).toMatch(/A1|cell/);
    expectNothingLeft();
  }, 60_000);

  it('refuses a sheet of empty cells that inflates 1000 to 1 before parsing it for minutes', async () => {
    const started = Date.now();
    const response = await postXlsx(emptyCellsBomb(3 * 1024 ** 3));
    expect(response.status).toBe(422);
    const problem = await problemAnswer(response);
    expect(problem.errors[0]?.message).toContain('xl/worksheets/sheet1.xml');
    expect(Date.now() - started).toBeLessThan(20_000);
    expectNothingLeft();
  }, 60_000);

  it('removes what it wrote when the client goes away mid-upload', async () => {
    const file = openpyxlStyleXlsx([tapeHeader, tapeRow('AB1')]);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 0) return controller.error(new Error('client aborted'));
        sent = 1;
        controller.enqueue(file.slice(0, 200));
      },
    });
    const response = await Promise.resolve(postXlsx(body)).catch((error: unknown) => error);
    expect(response instanceof Response ? response.status : 0).not.toBe(201);
    expectNothingLeft();
  });

  it('sweeps what a crashed import left in the scratch folder, and only that', () => {
    const { deps } = fileApp();
    const scratch = join(dataFolder, 'scratch');
    mkdirSync(scratch, { recursive: true });
    // A process id that is not running: far above any pid_max.
    const dead = 'import-99999999-0123456789abcdef-aaaa.sqlite';
    const ownEarlierRun = `upload-${process.pid}-ffffffffffffffff-bbbb.xlsx`;
    const otherFile = 'notes.txt';
    for (const name of [dead, ownEarlierRun, otherFile]) writeFileSync(join(scratch, name), 'x');
    sweepScratchFolder(deps);
    expect(readdirSync(scratch)).toEqual([otherFile]);
    rmSync(join(scratch, otherFile));
  });
});
