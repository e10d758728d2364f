import { createHash } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createStreamingWorkbook } from '../../src/xlsx/streaming-workbook';
import type { WorkbookColumn } from '../../src/xlsx/table-sheet';

const columns: WorkbookColumn[] = [
  { header: 'loan_id', kind: 'id', width: 12 },
  { header: 'note', kind: 'text', width: 40 },
  { header: 'balance', kind: 'money', width: 14 },
];
const row = (index: number) => [
  `L${index}`,
  `借款人 ${index} ${'x'.repeat(index % 97)}`,
  index * 101,
];

/** An output that takes nothing until released: what a client that stops reading looks like. */
class StalledOutput extends Writable {
  readonly chunks: Buffer[] = [];
  private waiting: (() => void)[] = [];
  private released = false;

  constructor() {
    super({ highWaterMark: 1 << 16 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    if (this.released) done();
    else this.waiting.push(done);
  }

  release(): void {
    this.released = true;
    for (const done of this.waiting.splice(0)) done();
  }
}

describe('the output holds the writer back', () => {
  it('stops taking rows while the output does not read, then finishes the file once it does', async () => {
    const output = new StalledOutput();
    const book = createStreamingWorkbook(output);
    const sheet = book.addSheet('Tape', columns);
    let added = 0;
    const writing = (async () => {
      for (; added < 50_000; added++) await sheet.addRow(row(added));
      await sheet.end();
      return book.finish();
    })();
    let before = -1;
    while (before !== added) {
      before = added;
      for (let turn = 0; turn < 20; turn++) await nextTurn();
    }
    // Stuck after about 1.6 MB of XML: zlib's 1 MiB queue, one piece, one chunk in the output.
    expect(added).toBeLessThan(20_000);
    expect(output.writableLength).toBeLessThanOrEqual(2 << 16);
    output.release();
    const written = await writing;
    expect(added).toBe(50_000);
    const bytes = Buffer.concat(output.chunks);
    expect(written.bytes).toBe(bytes.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const tape = workbook.getWorksheet('Tape')!;
    expect(tape.rowCount).toBe(50_001);
    expect(tape.getRow(50_001).values).toEqual([
      undefined,
      ...row(49_999).slice(0, 2),
      49_999 * 1.01,
    ]);
  });

  it('streams into a web Response as an HTTP route would, the hash known once the last byte is out', async () => {
    const output = new PassThrough();
    const book = createStreamingWorkbook(output);
    const writing = (async () => {
      const sheet = book.addSheet('Tape', columns);
      for (let index = 0; index < 5_000; index++) await sheet.addRow(row(index));
      await sheet.end();
      return book.finish();
    })();
    const response = new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>);
    const bytes = Buffer.from(await response.arrayBuffer());
    const written = await writing;
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Tape')!.rowCount).toBe(5_001);
  });

  it('fails the writer, not hangs it, when the output fails or goes away', async () => {
    for (const stop of [
      (output: PassThrough) => output.destroy(new Error('client reset')),
      (output: PassThrough) => output.destroy(),
    ]) {
      const output = new PassThrough({ highWaterMark: 1 << 14 });
      const book = createStreamingWorkbook(output);
      const sheet = book.addSheet('Tape', columns);
      const writing = (async () => {
        for (let index = 0; index < 100_000; index++) await sheet.addRow(row(index));
        await sheet.end();
        await book.finish();
      })();
      await nextTurn();
      stop(output);
      await expect(writing).rejects.toThrow(
        /client reset|closed before the workbook was written|destroyed/,
      );
    }
  });
});
