import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenFile } from './written-file';

/**
 * The shared xlsx-report tool reads a workbook with openpyxl, as a buyer's own tools would. It
 * lives beside the repository (../shared/tools) and needs a python3 with openpyxl (Debian's
 * python3-openpyxl); without them this test is skipped and says why.
 */
const TOOL = resolve('../shared/tools/xlsx-report');
const missing = !existsSync(TOOL)
  ? `no ${TOOL}`
  : spawnSync('bash', [
        '-c',
        'for p in $(which -a python3); do "$p" -c "import openpyxl" 2>/dev/null && exit 0; done; exit 1',
      ]).status !== 0
    ? 'no python3 with openpyxl (apt-get install -y python3-openpyxl)'
    : undefined;
if (missing) console.warn(`xlsx-report test skipped: ${missing}`);

describe.skipIf(missing !== undefined)('a streamed workbook read by openpyxl (xlsx-report)', () => {
  it('has the sheets, rows, header, types and sums the writer was given', async () => {
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
    const report = execFileSync(TOOL, [file.path], { encoding: 'utf8' });
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
