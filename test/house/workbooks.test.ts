import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { aTapeRow, csvOf, nationalId } from '../imports/files';
import { DEMO_AS_OF, biddingClosed, dealOnDemoBook, settled, type Deal } from '../transfer/deal';

/**
 * The house rule against formula injection, held by every workbook the platform writes: a book
 * whose loans carry formula-like loan ids, products and borrower names goes through the real app
 * (tape import, portfolio, valuation, data room, sale, transfer package, ledger), and each
 * workbook is read back cell by cell. No cell is a formula, and no text cell, saved as CSV, starts
 * with a character a spreadsheet would run (= + - @, tab, carriage return).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const HYPERLINK = '=HYPERLINK("http://x","y")';
/**
 * Loans with ids, products and borrower names a spreadsheet would run; the tape import takes them
 * as text. A formula-like product is not one the rule pack may sell: those two loans are excluded
 * from the sale, and stay in the ledger and the data room's exclusions.
 */
const formulaLoans = [
  { loan_id: HYPERLINK, product: 'consumer_loan', borrower_name: '=cmd|calc' },
  { loan_id: '+1+1', product: HYPERLINK, borrower_name: '张三' },
  { loan_id: '-2+3', product: 'consumer_loan', borrower_name: '@李四' },
  { loan_id: '@SUM(A1)', product: '-2+3', borrower_name: '-王五' },
];
/** A delinquent loan written off on the platform (the write-off report shows what the platform wrote off). */
const WRITTEN_OFF = { loan_id: '=2+5', product: '@SUM(A1)', borrower_name: '+赵六' };
/** Names a user gives the curve set and the valuation, which the valuation workbook states. */
const CURVE_SET_NAME = '@SUM(B1:B9) by product';
const VALUATION_NAME = '+cmd|" /C calc"!A0';
const formulaTexts = [
  ...new Set([
    ...[...formulaLoans, WRITTEN_OFF].flatMap((loan) => Object.values(loan)),
    CURVE_SET_NAME,
    VALUATION_NAME,
  ]),
].filter((text) => FORMULA_START.test(text));

type Workbooks = Map<string, Buffer>;
let deal: Deal;
const workbooks: Workbooks = new Map();

async function bytesOf(response: Response, what: string): Promise<Buffer> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status, `${what}: ${bytes.toString('utf8', 0, 300)}`).toBe(200);
  return bytes;
}

/** A loan tape of formula-like loans, charged off unless `delinquent`, as of the demo book's date. */
async function importTape(
  t: Deal['t'],
  loans: Record<string, string>[],
  firstBorrower: number,
  delinquent = false,
): Promise<void> {
  const tape = csvOf(
    loans.map((loan, index) =>
      aTapeRow({
        ...loan,
        national_id: nationalId(`110105198001010${firstBorrower + index}`),
        origination_date: '2024-01-15',
        maturity_date: '2025-01-15',
        last_payment_date: '2025-06-15',
        charge_off_date: delinquent ? '' : '2025-12-01',
        days_past_due: delinquent ? '200' : '300',
        litigation_pending: '0',
      }),
    ),
  );
  const imported = await t.app.request(`/loans/import?as_of=${DEMO_AS_OF}`, {
    method: 'POST',
    body: tape,
    headers: t.as('risk', { 'Content-Type': 'text/csv' }),
  });
  expect(imported.status, await imported.clone().text()).toBe(201);
}

beforeAll(async () => {
  deal = await dealOnDemoBook(300);
  const { call, send, t } = deal;
  // The deal's portfolio was made before the formula-like loans came in: withdrawn, it lets them go.
  await call(
    'risk',
    'POST',
    `/portfolios/${deal.portfolioId}/transitions`,
    { to: 'withdrawn' },
    200,
  );
  await importTape(t, formulaLoans, 50);
  const portfolio = await call('risk', 'POST', '/portfolios', {
    name: 'Q3 personal NPL with formula-like loans',
    cutOffDate: DEMO_AS_OF,
  });
  await call('risk', 'POST', `/portfolios/${portfolio.id}/transitions`, { to: 'locked' }, 200);
  deal = { ...deal, portfolioId: portfolio.id as number };

  const curveSet = await call('risk', 'POST', '/curves', {
    name: CURVE_SET_NAME,
    dimensions: ['product'],
  });
  const valuation = await call('risk', 'POST', `/portfolios/${portfolio.id}/valuations`, {
    name: VALUATION_NAME,
    curveSetId: curveSet.id,
    targetIrrAnnual: 0.2,
    simulations: 10,
  });
  workbooks.set(
    'valuation workbook',
    await bytesOf(
      await send('risk', 'GET', `/valuations/${valuation.id}/workbook`),
      'valuation workbook',
    ),
  );

  const { demoBid } = await biddingClosed(deal, { demo: '43210.99' });
  workbooks.set(
    'data room',
    await bytesOf(
      await send('buyer', 'GET', `/buyer/portfolios/${portfolio.id}/data-room`),
      'data room',
    ),
  );
  const { sale } = await settled(deal, demoBid);
  const transferPackage = await JSZip.loadAsync(
    await bytesOf(await send('finance', 'GET', `/sales/${sale.id}/package`), 'transfer package'),
  );
  const packaged = Object.keys(transferPackage.files).filter((path) => path.endsWith('.xlsx'));
  expect(packaged).toHaveLength(3);
  for (const path of packaged)
    workbooks.set(
      `transfer package ${path}`,
      await transferPackage.file(path)!.async('nodebuffer'),
    );

  await importTape(t, [WRITTEN_OFF], 60, true);
  const { batch } = await call('finance', 'POST', '/write-offs', {
    writeOffDate: '2026-10-20',
    loanIds: [WRITTEN_OFF.loan_id],
  });
  await call('checker', 'POST', `/write-offs/${batch.id}/approve`, undefined, 200);
  await call('finance', 'POST', `/write-offs/${batch.id}/post`, undefined, 200);

  const reports: [string, string, string][] = [
    ['collection effectiveness', 'risk', '/collections/effectiveness?by=channel&format=xlsx'],
    ['GL journal', 'finance', '/ledger/journal?format=xlsx'],
    ['trial balance', 'finance', '/ledger/trial-balance?format=xlsx'],
    ['off-balance register', 'finance', '/ledger/off-balance?format=xlsx'],
    ['write-off report', 'finance', '/ledger/write-off-report?from=2020-01-01&format=xlsx'],
  ];
  for (const [name, user, path] of reports)
    workbooks.set(name, await bytesOf(await send(user, 'GET', path), name));
}, 180_000);

/** A cell as the text a CSV export writes: text as it is, numbers in full, dates as ISO days. */
function cellText(cell: ExcelJS.Cell): { text: string; isText: boolean } {
  const value = cell.value;
  if (value === null || value === undefined) return { text: '', isText: false };
  if (typeof value === 'string') return { text: value, isText: true };
  if (typeof value === 'number') return { text: String(value), isText: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), isText: false };
  throw new Error(
    `cell ${cell.address} holds ${JSON.stringify(value)}: neither text, number nor date`,
  );
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 fields of CSV text, as a spreadsheet opening the file reads them. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const character = csv[i]!;
    if (quoted) {
      if (character === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') (row.push(field), (field = ''));
    else if (character === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += character;
  }
  return rows;
}

/** Every text cell of a workbook, after its sheets are saved as CSV and read back. */
async function textCellsAsCsv(name: string, bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    const cells: { text: string; isText: boolean }[][] = [];
    sheet.eachRow((row) => {
      const line: { text: string; isText: boolean }[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        expect(cell.type, `${name} › ${sheet.name}!${cell.address}`).not.toBe(
          ExcelJS.ValueType.Formula,
        );
        expect(cell.formula, `${name} › ${sheet.name}!${cell.address}`).toBeUndefined();
        line.push(cellText(cell));
      });
      cells.push(line);
    });
    const csv = cells.map((line) => line.map((cell) => csvField(cell.text)).join(',') + '\n');
    const read = parseCsv(csv.join(''));
    read.forEach((fields, r) =>
      fields.forEach((field, c) => {
        if (cells[r]![c]!.isText) texts.push(field);
      }),
    );
  }
  return texts;
}

describe('every workbook the platform writes', () => {
  it('is written for the book of formula-like loans: all of them', () => {
    expect([...workbooks.keys()].sort()).toEqual(
      [
        'collection effectiveness',
        'data room',
        'GL journal',
        'off-balance register',
        'transfer package asset-schedule.xlsx',
        'transfer package data-room-P2.xlsx',
        'transfer package notices-mail-merge.xlsx',
        'trial balance',
        'valuation workbook',
        'write-off report',
      ].sort(),
    );
  });

  it('holds no formula in its worksheets XML', async () => {
    for (const [name, bytes] of workbooks) {
      const zip = await JSZip.loadAsync(bytes);
      const sheets = Object.keys(zip.files).filter((path) => path.startsWith('xl/worksheets/'));
      expect(sheets.length, name).toBeGreaterThan(0);
      for (const path of sheets)
        expect(await zip.file(path)!.async('string'), `${name} › ${path}`).not.toMatch(/<f[\s>]/);
    }
  });

  it('has no cell that is a formula, and no text that saved as CSV would start one', async () => {
    for (const [name, bytes] of workbooks) {
      const texts = await textCellsAsCsv(name, bytes);
      for (const text of texts) expect(text, name).not.toMatch(FORMULA_START);
    }
  });

  it('keeps the formula-like loan ids, products and names as text with an apostrophe before them', async () => {
    const guarded = (texts: string[]) => formulaTexts.filter((text) => texts.includes(`'${text}`));
    const found = new Map<string, string[]>();
    for (const [name, bytes] of workbooks)
      found.set(name, guarded(await textCellsAsCsv(name, bytes)));
    const sold = formulaLoans.filter((loan) => loan.product === 'consumer_loan');
    const ids = formulaLoans.map((loan) => loan.loan_id);
    const products = [HYPERLINK, '-2+3'];
    const everyId = [...ids, WRITTEN_OFF.loan_id];
    expect(found.get('transfer package data-room-P2.xlsx')).toEqual(
      expect.arrayContaining([...ids, ...products]),
    );
    for (const file of ['asset-schedule.xlsx', 'notices-mail-merge.xlsx'])
      expect(found.get(`transfer package ${file}`), file).toEqual(
        expect.arrayContaining(sold.flatMap((loan) => [loan.loan_id, loan.borrower_name])),
      );
    expect(found.get('off-balance register')).toEqual(
      expect.arrayContaining([...ids, ...products]),
    );
    expect(found.get('GL journal')).toEqual(expect.arrayContaining(everyId));
    expect(found.get('write-off report')).toEqual([WRITTEN_OFF.product]);
    expect(found.get('valuation workbook')).toEqual(
      expect.arrayContaining([CURVE_SET_NAME, VALUATION_NAME]),
    );
  });
});
