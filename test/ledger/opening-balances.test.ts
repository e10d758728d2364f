import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importDemoBook } from '../../src/demo/import-book';
import { fixedClock } from '../../src/shared/clock';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf } from '../imports/files';
import { healthy, ledgerHealth } from './invariants';
import { accountBalance, writeOff } from './scenario';

type T = ReturnType<typeof testApp>;

// A lender moving its book onto the platform: a performing loan, a delinquent one and one it wrote
// off years ago, on a tape as of 2026-09-30 (the clock stands on 2026-12-05).
const bookApp = () => testApp({ clock: fixedClock('2026-12-05T09:00:00.000Z') });
const performing = aTapeRow({
  loan_id: 'P1',
  principal_balance: '10000.00',
  interest_balance: '100.00',
  fee_balance: '20.00',
  penalty_balance: '',
  days_past_due: '0',
  charge_off_date: '',
  last_payment_date: '2026-09-01',
});
const delinquent = aTapeRow({
  loan_id: 'D1',
  principal_balance: '8000.50',
  interest_balance: '300',
  fee_balance: '',
  penalty_balance: '12.5',
  days_past_due: '200',
  charge_off_date: '',
});
const writtenOff = aTapeRow({ loan_id: 'W1', charge_off_date: '2022-10-16' });

async function importTape(t: T, rows: Record<string, string>[], query = '?as_of=2026-09-30') {
  const response = await t.app.request(`/loans/import${query}`, {
    method: 'POST',
    body: csvOf(rows),
    headers: t.as('risk', { 'Content-Type': 'text/csv' }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { importId: number; ledger: Record<string, unknown> };
}

interface Section {
  section: string;
  accounts: { code: string; balance: string }[];
  debit: string;
  credit: string;
  balance: string;
}
interface Balance {
  asOf: string;
  sections: Section[];
  totals: { debit: string; credit: string; balanced: boolean };
}

async function trialBalance(t: T, query = ''): Promise<Balance> {
  const response = await t.app.request(`/ledger/trial-balance${query}`, {
    headers: t.as('finance'),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Balance;
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100);

/** The accounts whose balance stands on the wrong side: assets in credit, the allowance in debit. */
function wrongSigns(t: T) {
  return (
    t.db.$client
      .prepare(
        `select a.code, a.normal_side as side, sum(l.debit_fen) - sum(l.credit_fen) as net
           from journal_lines l join ledger_accounts a on a.code = l.account_code
          where a.type = 'asset' group by a.code`,
      )
      .all() as { code: string; side: string; net: number }[]
  ).filter((row) => (row.side === 'debit' ? row.net < 0 : row.net > 0));
}

describe('opening balances of the book a tape brings', () => {
  it('debit each loan’s receivables against the opening-balance clearing account, in one entry per import', async () => {
    const t = bookApp();
    const imported = await importTape(t, [performing, delinquent, writtenOff]);
    expect(imported.ledger).toMatchObject({ openingBalanceEntryId: expect.any(Number) });
    const entries = t.db.$client
      .prepare(
        "select entry_date as date, source_ref as ref from journal_entries where kind = 'opening_balance'",
      )
      .all();
    expect(entries).toEqual([{ date: '2026-09-30', ref: `file_import:${imported.importId}` }]);
    expect(accountBalance(t.deps, '1303')).toBe(1_000_000 + 800_050);
    expect(accountBalance(t.deps, '1132')).toBe(10_000 + 30_000 + 1_250);
    expect(accountBalance(t.deps, '1221')).toBe(2_000);
    expect(accountBalance(t.deps, '4190')).toBe(-(1_800_050 + 41_250 + 2_000));
    expect(ledgerHealth(t.db)).toEqual(healthy);
  });

  it('leave every asset account on its natural side after a write-off, the allowance in credit', async () => {
    const t = bookApp();
    await importTape(t, [performing, delinquent, writtenOff]);
    writeOff(t.deps, { writeOffDate: '2026-09-30', loanIds: ['D1'] });
    expect(wrongSigns(t)).toEqual([]);
    expect(accountBalance(t.deps, '1303')).toBe(1_000_000);
    expect(accountBalance(t.deps, '1132')).toBe(10_000);
    expect(accountBalance(t.deps, '1304')).toBeLessThanOrEqual(0);
    expect(ledgerHealth(t.db)).toEqual(healthy);
  });

  it('follow an upsert tape: the difference to what the ledger holds is posted, nothing when unchanged', async () => {
    const t = bookApp();
    await importTape(t, [performing, delinquent]);
    const lower = { ...performing, principal_balance: '9000.00' };
    const upsert = await importTape(t, [lower, delinquent], '?as_of=2026-10-31&mode=upsert');
    expect(accountBalance(t.deps, '1303')).toBe(900_000 + 800_050);
    const lines = t.db.$client
      .prepare(
        `select account_code as account, debit_fen as debit, credit_fen as credit, loan_id as loanId
           from journal_lines l join journal_entries e on e.id = l.entry_id where e.source_ref = ? order by l.line_no`,
      )
      .all(`file_import:${upsert.importId}`);
    expect(lines).toEqual([
      { account: '1303', debit: 0, credit: 100_000, loanId: 'P1' },
      { account: '4190', debit: 100_000, credit: 0, loanId: null },
    ]);
    const again = await importTape(t, [lower, delinquent], '?as_of=2026-11-30&mode=upsert');
    expect(again.ledger).toMatchObject({ openingBalanceEntryId: null });
    expect(ledgerHealth(t.db)).toEqual(healthy);
  });

  it('are booked for the demo book too', async () => {
    const t = bookApp();
    await importDemoBook(t.deps, { loans: 200, seed: 3, asOf: '2026-09-30' });
    expect(accountBalance(t.deps, '1303')).toBeGreaterThan(0);
    expect(wrongSigns(t)).toEqual([]);
  });
});

describe('the trial balance a controller signs', () => {
  it('reads as of the book’s latest tape date by default, in sections with totals, debit = credit', async () => {
    const t = bookApp();
    await importTape(t, [performing, delinquent, writtenOff]);
    writeOff(t.deps, { writeOffDate: '2026-09-30', loanIds: ['D1'] });
    const balance = await trialBalance(t);
    expect(balance.asOf).toBe('2026-09-30');
    expect(balance.sections.map((section) => section.section)).toEqual([
      'assets',
      'liabilities',
      'equity',
      'income',
      'expense',
      'off_balance',
    ]);
    const codes = (name: string) =>
      balance.sections.find((s) => s.section === name)?.accounts.map((a) => a.code);
    expect(codes('assets')).toEqual(['1132', '1221', '1303', '1304']);
    expect(codes('equity')).toEqual(['4190']);
    expect(codes('income')).toEqual(['6011']);
    expect(codes('expense')).toEqual(['6701']);
    expect(codes('off_balance')).toEqual(['7001', '7002']);
    for (const section of balance.sections)
      expect(fen(section.balance)).toBe(fen(section.debit) - fen(section.credit));
    expect(balance.totals.balanced).toBe(true);
    expect(balance.totals.debit).toBe(balance.totals.credit);
    const onBook = balance.sections.filter((s) => s.section !== 'off_balance');
    expect(onBook.reduce((sum, s) => sum + fen(s.balance), 0)).toBe(0);
  });

  it('downloads with a totals row per section and a grand total, income and expense apart from the balance sheet', async () => {
    const t = bookApp();
    await importTape(t, [performing, delinquent, writtenOff]);
    writeOff(t.deps, { writeOffDate: '2026-09-30', loanIds: ['D1'] });
    const response = await t.app.request('/ledger/trial-balance?format=xlsx', {
      headers: t.as('finance'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toContain('trial-balance-2026-09-30');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      rows.push((row.values as ExcelJS.CellValue[]).slice(1)),
    );
    const bySection = (section: string) => rows.filter((row) => row[0] === section);
    expect(bySection('Income').map((row) => row[1])).toEqual(['6011', undefined]);
    expect(bySection('Expense').map((row) => row[1])).toEqual(['6701', undefined]);
    const totals = rows.filter((row) => String(row[2] ?? '').startsWith('Total'));
    expect(totals.map((row) => row[2])).toEqual([
      'Total assets',
      'Total liabilities',
      'Total equity',
      'Total income',
      'Total expense',
      'Total off-balance memorandum',
      'Total',
    ]);
    const grand = totals.at(-1) as ExcelJS.CellValue[];
    expect(grand[5]).toBe(grand[6]);
  });
});

describe('the off-balance register', () => {
  it('dates a loan that arrived written off by its charge-off date, not the import', async () => {
    const t = bookApp();
    await importTape(t, [writtenOff]);
    const response = await t.app.request('/ledger/off-balance?as_of=2026-09-30', {
      headers: t.as('finance'),
    });
    const register = (await response.json()) as {
      items: { loanId: string; writtenOffOn: string }[];
    };
    expect(register.items).toEqual([
      expect.objectContaining({ loanId: 'W1', writtenOffOn: '2022-10-16' }),
    ]);
  });
});
