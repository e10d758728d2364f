import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { A4_LANDSCAPE } from '../../src/xlsx/print-setup';
import { writtenFile } from './written-file';
import { zipEntries } from './zip-entries';

let path: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  ({ path } = await writtenFile('printed.xlsx', async (book) => {
    const plain = book.addSheet('Plain', [{ header: 'a', kind: 'text', width: 10 }]);
    await plain.addRow(['x']);
    await plain.end();
    const table = book.addSheet(
      "Cash 'A' flows",
      [
        { header: 'Month', kind: 'integer', width: 8 },
        { header: 'Net', kind: 'money', width: 16 },
      ],
      { print: A4_LANDSCAPE, maxRowsPerSheet: 3 },
    );
    for (let month = 1; month <= 5; month++) await table.addRow([month, month * 100]);
    await table.end();
  }));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
});

describe('print setup of a streamed sheet', () => {
  it('prints on A4 landscape, one page wide and as many tall as needed, read back by exceljs', () => {
    for (const name of ["Cash 'A' flows", "Cash 'A' flows (2)"]) {
      const setup = workbook.getWorksheet(name)!.pageSetup;
      expect(setup, name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    expect(workbook.getWorksheet('Plain')!.pageSetup.fitToPage).toBeFalsy();
  });

  it('repeats the header row on every printed page: a _xlnm.Print_Titles name per printed sheet', () => {
    expect(workbook.getWorksheet("Cash 'A' flows")!.pageSetup.printTitlesRow).toBe('1:1');
    const xml = zipEntries(readFileSync(path))
      .find((entry) => entry.name === 'xl/workbook.xml')!
      .content.toString('utf8');
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Cash ''A'' flows'!$1:$1</definedName>`,
    );
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'Cash ''A'' flows (2)'!$1:$1</definedName>`,
    );
    expect(xml).not.toContain('localSheetId="0">\'Plain');
  });
});
