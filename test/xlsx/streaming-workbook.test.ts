import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookColumn } from '../../src/xlsx/table-sheet';
import { writtenFile } from './written-file';
import { zipEntries } from './zip-entries';

const columns: WorkbookColumn[] = [
  { header: 'loan_id', kind: 'id', width: 12 },
  { header: '借款人', kind: 'text', width: 10 },
  { header: 'balance', kind: 'money', width: 14.5 },
  { header: 'days_past_due', kind: 'integer', width: 8 },
  { header: 'annual_rate', kind: 'rate', width: 9 },
  { header: 'charge_off_date', kind: 'date', width: 12 },
];
const utc = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** Seven loans over sheets of three rows: 3 + 3 + 1. */
const loans = [
  ['007', '张三', 123_456, 200, 0.1234, '2024-02-29'],
  ['110105194912310021', '=HYPERLINK("http://x","click")', -5, 0, 0, '1900-03-01'],
  ['L3', '+86 138 0000 0000', 0, 1_500, 1.5, '9999-12-31'],
  ['L4', null, null, null, null, null],
  ['-L5', '@SUM(A1)', 99, 1, 0.0001, '2026-06-30'],
  ['L6', '\tTab\u0001 and bell\u0007', 1, 2, 0.5, '2000-01-01'],
  ['L7', '李四 <&> "quoted"', 900_719_925_474_099, 3, 0.25, '2024-12-31'],
] as const;

let file: Awaited<ReturnType<typeof writtenFile>>;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  file = await writtenFile(
    'every-kind.xlsx',
    async (book) => {
      const readMe = book.addFreeSheet('Read-me', { widths: [20, 30, 12] });
      await readMe.addRow(['数据室 Data room'], { bold: true, spanColumns: 3 });
      await readMe.addRow(['Cut-off date', { kind: 'date', value: '2026-06-30' }]);
      await readMe.addRow([
        'Loans',
        { kind: 'integer', value: 7 },
        { kind: 'money', value: 1_000_000 },
      ]);
      await readMe.addRow([]);
      await readMe.addRow([null, ' padded ', '-not a formula']);
      await readMe.end();
      const tape = book.addSheet('Loan tape', columns, { maxRowsPerSheet: 3 });
      for (const loan of loans) await tape.addRow(loan);
      await tape.end();
    },
    {
      properties: {
        title: 'Data room 数据室',
        author: 'Seller Bank',
        custom: { Buyer: 'AMC 1', Download: 'd-42' },
      },
      createdAt: '2026-06-30T08:15:30.123Z',
    },
  );
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file.path);
});

describe('a streamed workbook read back with exceljs', () => {
  it('reports the size and SHA-256 of the bytes on disk', () => {
    const bytes = readFileSync(file.path);
    expect(file.bytes).toBe(bytes.length);
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('continues a table past maxRowsPerSheet on numbered sheets, each with the header', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Read-me',
      'Loan tape',
      'Loan tape (2)',
      'Loan tape (3)',
    ]);
    const tapes = workbook.worksheets.slice(1);
    expect(tapes.map((sheet) => sheet.rowCount)).toEqual([4, 4, 2]);
    for (const sheet of tapes) {
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        ...columns.map((column) => column.header),
      ]);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    expect(tapes.map((sheet) => sheet.getCell('A2').value)).toEqual(['007', 'L4', 'L7']);
  });

  it('freezes the header, filters every row written and sets the widths on each part', () => {
    const tapes = workbook.worksheets.slice(1);
    for (const sheet of tapes) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
      expect(sheet.columns.map((column) => column.width)).toEqual(
        columns.map((column) => column.width),
      );
    }
    expect(tapes.map((sheet) => sheet.autoFilter)).toEqual(['A1:F4', 'A1:F4', 'A1:F2']);
  });

  it('writes each kind with its Excel type and number format', () => {
    const sheet = workbook.getWorksheet('Loan tape')!;
    const row = sheet.getRow(2);
    expect(row.getCell(1)).toMatchObject({
      type: ExcelJS.ValueType.String,
      value: '007',
      numFmt: '@',
    });
    expect(row.getCell(2)).toMatchObject({
      type: ExcelJS.ValueType.String,
      value: '张三',
      numFmt: '@',
    });
    expect(row.getCell(3)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 1234.56,
      numFmt: '#,##0.00',
    });
    expect(row.getCell(4)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 200,
      numFmt: '0',
    });
    expect(row.getCell(5)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 0.1234,
      numFmt: '0.00%',
    });
    expect(row.getCell(6)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: utc('2024-02-29'),
      numFmt: 'yyyy-mm-dd',
    });
  });

  it('reads back every value: fen as yuan, dates as UTC days, ids as text, nulls as empty cells', () => {
    const rows = workbook.worksheets
      .slice(1)
      .flatMap((sheet) =>
        sheet.getRows(2, sheet.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1)),
      );
    expect(rows).toEqual([
      ['007', '张三', 1234.56, 200, 0.1234, utc('2024-02-29')],
      ['110105194912310021', `'=HYPERLINK("http://x","click")`, -0.05, 0, 0, utc('1900-03-01')],
      ['L3', "'+86 138 0000 0000", 0, 1500, 1.5, utc('9999-12-31')],
      ['L4'],
      ["'-L5", "'@SUM(A1)", 0.99, 1, 0.0001, utc('2026-06-30')],
      ['L6', "'\tTab and bell", 0.01, 2, 0.5, utc('2000-01-01')],
      ['L7', '李四 <&> "quoted"', 9007199254740.99, 3, 0.25, utc('2024-12-31')],
    ]);
  });

  it('never writes a formula: formula-like text is text with an apostrophe in front', () => {
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
      );
    }
    expect(workbook.getWorksheet('Loan tape (2)')!.getCell('B3').value).toBe("'@SUM(A1)");
  });

  it('writes a free-form sheet: typed cells, bold rows, a merged title, kept spaces, no header', () => {
    const sheet = workbook.getWorksheet('Read-me')!;
    expect(sheet.getCell('A1')).toMatchObject({ value: '数据室 Data room', isMerged: true });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('C1').master.address).toBe('A1');
    expect(sheet.getCell('B2')).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: utc('2026-06-30'),
      numFmt: 'yyyy-mm-dd',
    });
    expect(sheet.getCell('B3')).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 7,
      numFmt: '0',
    });
    expect(sheet.getCell('C3')).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 10000,
      numFmt: '#,##0.00',
    });
    expect(sheet.getRow(4).cellCount).toBe(0);
    expect(sheet.getCell('A5').value).toBeNull();
    expect(sheet.getCell('B5').value).toBe(' padded ');
    expect(sheet.getCell('C5').value).toBe("'-not a formula");
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]?.state).not.toBe('frozen');
    expect(sheet.columns.map((column) => column.width)).toEqual([20, 30, 12]);
  });

  it('carries the document properties and the hidden filter names Excel expects', () => {
    expect(workbook.title).toBe('Data room 数据室');
    expect(workbook.creator).toBe('Seller Bank');
    expect(workbook.created).toEqual(new Date('2026-06-30T08:15:30.000Z'));
    // exceljs keeps one defined name per name, so the sheet-local names are read from the XML.
    const parts = new Map(
      zipEntries(readFileSync(file.path)).map((entry) => [
        entry.name,
        entry.content.toString('utf8'),
      ]),
    );
    expect(parts.get('xl/workbook.xml')).toContain(
      '<definedNames>' +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Loan tape'!$A$1:$F$4</definedName>` +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'Loan tape (2)'!$A$1:$F$4</definedName>` +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">'Loan tape (3)'!$A$1:$F$2</definedName>` +
        '</definedNames>',
    );
    expect(parts.get('docProps/custom.xml')).toMatch(
      /name="Buyer"><vt:lpwstr>AMC 1<\/vt:lpwstr>.*name="Download"><vt:lpwstr>d-42</,
    );
  });

  it('is a zip of deflated entries with data descriptors and UTF-8 names, worksheets first', () => {
    const entries = zipEntries(readFileSync(file.path));
    expect(entries.map((entry) => entry.name)).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'docProps/core.xml',
      'docProps/app.xml',
      'docProps/custom.xml',
      '_rels/.rels',
      '[Content_Types].xml',
    ]);
    for (const entry of entries) expect(entry.flags).toBe(0x0808);
  });
});
