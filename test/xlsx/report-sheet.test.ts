import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/xlsx/byte-sink';
import { writeSheet, type Sheet } from '../../src/xlsx/report-sheet';
import { writtenFile } from './written-file';

type Line = {
  item: string;
  value: string | number | null;
  kind: 'money' | 'rate' | 'factor' | 'date' | 'text';
};

/** A key–value sheet: each value typed by its row, in a column whose own kind is text. */
const keyValues: Sheet<Line> = {
  name: 'Summary',
  pages: [
    [
      { item: 'Price', value: 123_456, kind: 'money' },
      { item: 'Discount rate', value: 0.12, kind: 'rate' },
      { item: 'Multiple', value: 1.234_56, kind: 'factor' },
    ],
    [
      { item: 'Valued on', value: '2026-09-30', kind: 'date' },
      { item: '=HYPERLINK("http://x","y")', value: '-1 %, 0 %', kind: 'text' },
      { item: 'Nothing', value: null, kind: 'money' },
    ],
  ],
  columns: [
    { header: 'Item', kind: 'text', width: 30, value: (line) => line.item },
    {
      header: '@Value',
      kind: 'text',
      width: 20,
      value: (line) => ({ kind: line.kind, value: line.value }),
    },
  ],
};

async function readBack(sheets: Sheet<unknown>[]) {
  const counts: number[] = [];
  const file = await writtenFile(`report-${sheets.length}.xlsx`, async (book) => {
    for (const sheet of sheets) counts.push(await writeSheet(book, sheet));
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file.path);
  return { workbook, counts };
}

describe('report sheets', () => {
  it('write every page, a cell typed by its row where it says so, and count the rows', async () => {
    const { workbook, counts } = await readBack([keyValues as Sheet<unknown>]);
    expect(counts).toEqual([6]);
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.rowCount).toBe(7);
    const value = (row: number) => sheet.getRow(row).getCell(2);
    expect(value(2)).toMatchObject({ value: 1234.56, numFmt: '#,##0.00' });
    expect(value(3)).toMatchObject({ value: 0.12, numFmt: '0.00%' });
    expect(value(4)).toMatchObject({ value: 1.234_56, numFmt: '0.0000' });
    expect(value(5)).toMatchObject({
      value: new Date('2026-09-30T00:00:00Z'),
      numFmt: 'yyyy-mm-dd',
    });
    expect(value(7).value).toBeNull();
  });

  it('have a frozen, bold header row and no filter, and guard formula-like text in headers and cells', async () => {
    const { workbook } = await readBack([keyValues as Sheet<unknown>]);
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeUndefined();
    expect(sheet.columns.map((column) => column.width)).toEqual([30, 20]);
    expect(sheet.getRow(1).getCell(2).value).toBe("'@Value");
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      `'=HYPERLINK("http://x","y")`,
      "'-1 %, 0 %",
    ]);
  });

  it('name the sheet and the row of a value that does not fit its kind', async () => {
    const bad: Sheet<number> = {
      name: 'Cash flows',
      pages: [[100, 150.5]],
      columns: [{ header: 'Net', kind: 'money', width: 10, value: (fen) => fen }],
    };
    await expect(readBack([bad as Sheet<unknown>])).rejects.toThrow(
      /sheet "Cash flows", row 2: a money cell takes a safe integer of fen/,
    );
  });
});

describe('the end of a written file', () => {
  it('runs beforeEnd after the last byte and before the output ends; a failure there leaves it open', async () => {
    const output = new PassThrough().resume();
    const sink = new ByteSink(output);
    await sink.write(Buffer.from('abc'));
    let seen: { bytes: number; ended: boolean } | undefined;
    const file = await sink.end((written) => {
      seen = { bytes: written.bytes, ended: output.writableEnded };
    });
    expect(seen).toEqual({ bytes: 3, ended: false });
    expect(output.writableEnded).toBe(true);
    expect(file.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

    const refused = new PassThrough().resume();
    const failing = new ByteSink(refused);
    await failing.write(Buffer.from('abc'));
    await expect(
      failing.end(() => {
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');
    expect(refused.writableEnded).toBe(false);
  });
});
