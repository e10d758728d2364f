import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetNames, continuationName } from '../../src/xlsx/sheet-names';
import { createStreamingWorkbook } from '../../src/xlsx/streaming-workbook';
import type { WorkbookColumn } from '../../src/xlsx/table-sheet';
import { writtenFile } from './written-file';

const columns: WorkbookColumn[] = [{ header: 'loan_id', kind: 'id', width: 12 }];
const discard = () => new PassThrough().resume();

describe('sheet names', () => {
  it('refuse what Excel refuses', () => {
    const names = new SheetNames();
    for (const bad of [
      '',
      'x'.repeat(32),
      'a/b',
      'a\\b',
      'a?b',
      'a*b',
      'a[b]',
      'a:b',
      "'quoted'",
      'History',
      'tab\tname',
    ]) {
      expect(() => names.claim(bad)).toThrow(RangeError);
    }
    names.claim('x'.repeat(31));
    names.claim('贷款明细');
  });

  it('are unique regardless of case', () => {
    const names = new SheetNames();
    names.claim('Summary');
    expect(() => names.claim('SUMMARY')).toThrow(/already taken/);
  });

  it('number the continuations of a long table, cutting the name to fit 31 characters', () => {
    expect(continuationName('Loan tape', 2)).toBe('Loan tape (2)');
    expect(continuationName('L'.repeat(31), 12)).toBe(`${'L'.repeat(26)} (12)`);
    expect(continuationName(`${'L'.repeat(26)}😀`, 2)).toBe(`${'L'.repeat(26)} (2)`);
  });
});

describe('a streaming workbook', () => {
  it('writes one sheet at a time: the previous sheet must be ended first', async () => {
    const book = createStreamingWorkbook(discard());
    const first = book.addSheet('First', columns);
    expect(() => book.addSheet('Second', columns)).toThrow(
      /end sheet "First" before adding "Second"/,
    );
    await expect(book.finish()).rejects.toThrow(/end sheet "First" before finishing/);
    await first.end();
    await expect(first.addRow(['L1'])).rejects.toThrow(/has ended/);
    const second = book.addSheet('Second', columns);
    await second.end();
    await expect(book.finish()).resolves.toMatchObject({ bytes: expect.any(Number) });
  });

  it('refuses a second sheet of the same name, a continuation name already taken, and a workbook without sheets', async () => {
    const book = createStreamingWorkbook(discard());
    book.addSheet('Tape (2)', columns).end();
    expect(() => book.addSheet('TAPE (2)', columns)).toThrow(/already taken/);
    const tape = book.addSheet('Tape', columns, { maxRowsPerSheet: 1 });
    await tape.addRow(['L1']);
    await expect(tape.addRow(['L2'])).rejects.toThrow(/"Tape \(2\)" is already taken/);
    await expect(createStreamingWorkbook(discard()).finish()).rejects.toThrow(/at least one sheet/);
  });

  it('refuses a table without columns, odd widths, rows wider than the table and sheet sizes past Excel', async () => {
    const book = createStreamingWorkbook(discard());
    expect(() => book.addSheet('A', [])).toThrow(/1 to 16384 columns/);
    expect(() => book.addSheet('B', [{ header: 'x', kind: 'text', width: 0 }])).toThrow(/width/);
    expect(() => book.addFreeSheet('C', { widths: [300] })).toThrow(/width/);
    for (const maxRowsPerSheet of [0, 1.5, 1_048_576])
      expect(() => book.addSheet(`D${maxRowsPerSheet}`, columns, { maxRowsPerSheet })).toThrow(
        /maxRowsPerSheet/,
      );
    const sheet = book.addSheet('E', columns);
    await expect(sheet.addRow(['L1', 'extra'])).rejects.toThrow(/1 columns, got a row of 2/);
  });

  it('opens no empty continuation when a table fills its last sheet exactly, and writes a header-only sheet for no rows', async () => {
    const file = await writtenFile('exact.xlsx', async (book) => {
      const tape = book.addSheet('Tape', columns, { maxRowsPerSheet: 2 });
      for (const id of ['L1', 'L2', 'L3', 'L4']) await tape.addRow([id]);
      await tape.end();
      await book.addSheet('Exclusions', columns).end();
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    expect(
      workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount, sheet.autoFilter]),
    ).toEqual([
      ['Tape', 3, 'A1:A3'],
      ['Tape (2)', 3, 'A1:A3'],
      ['Exclusions', 1, 'A1:A1'],
    ]);
  });

  it('writes nothing of a row with a bad value', async () => {
    const book = createStreamingWorkbook(discard());
    const sheet = book.addSheet('Tape', [
      ...columns,
      { header: 'balance', kind: 'money', width: 12 },
    ]);
    await expect(sheet.addRow(['L1', 12.5])).rejects.toThrow(/fen/);
    await sheet.addRow(['L2', 1250]);
    await sheet.end();
    await book.finish();
  });
});
