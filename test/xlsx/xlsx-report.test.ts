import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenFile } from './written-file';

/**
 * The repository's own reader, scripts/xlsx-report, reads a workbook with openpyxl, as a buyer's
 * own tools would. It needs a python3 with openpyxl (Debian: apt-get install -y python3-openpyxl);
 * without it this test is skipped, and the skip says what is missing and how to install it.
 */
const READER = resolve(import.meta.dirname, '../../scripts/xlsx-report/xlsx-report');
const check = spawnSync(READER, ['--check'], { encoding: 'utf8' });
const missing =
  check.status === 0
    ? undefined
    : (check.stderr || check.error?.message || `${READER} --check failed`).trim();
if (missing) console.warn(`xlsx-report test skipped: ${missing}`);

describe('a streamed workbook read by openpyxl (scripts/xlsx-report)', () => {
  it('has the sheets, rows, header, types and sums the writer was given', async (ctx) => {
    ctx.skip(missing !== undefined, `skipped: ${missing}`);
    const file = await writtenFile('report.xlsx', async (book) => {
      const readMe = book.addFreeSheet('Read-me', { widths: [20, 20] });
      await readMe.addRow(['Data room'], { bold: true, spanColumns: 2 });
      await readMe.end();
      const tape = book.addSheet(
        'Loan tape',
        [
          { header: 'loan_id', kind: 'id', width: 12 },
          { header: '借款人', kind: 'text', width: 10 },
          { header: 'balance', kind: 'money', width: 14 },
          { header: 'days_past_due', kind: 'integer', width: 8 },
          { header: 'charge_off_date', kind: 'date', width: 12 },
        ],
        { maxRowsPerSheet: 2 },
      );
      await tape.addRow(['001', '张三', 123_456, 200, '2024-02-29']);
      await tape.addRow(['002', '=1+1', 1, 1, '2024-03-01']);
      await tape.addRow(['003', null, 99, 9, null]);
      await tape.end();
    });
    const report = execFileSync(READER, [file.path], { encoding: 'utf8' });
    expect(report.trim().split('\n')).toEqual([
      "sheet 'Read-me': 1 rows, 1 columns",
      '  [0] Data room: empty',
      "sheet 'Loan tape': 3 rows, 5 columns",
      '  [0] loan_id: text',
      '  [1] 借款人: text',
      '  [2] balance: number sum=1234.57',
      '  [3] days_past_due: number sum=201.00',
      '  [4] charge_off_date: date',
      "sheet 'Loan tape (2)': 2 rows, 5 columns",
      '  [0] loan_id: text',
      '  [1] 借款人: empty',
      '  [2] balance: number sum=0.99',
      '  [3] days_past_due: number sum=9.00',
      '  [4] charge_off_date: empty',
    ]);
  });
});
