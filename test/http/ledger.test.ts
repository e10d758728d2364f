import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { collect, sell, writeOff } from '../ledger/scenario';

type T = ReturnType<typeof testApp>;
const fen = (yuan: string) => Math.round(Number(yuan) * 100);

/** Two loans written off in May and June (two products), a recovery, a cost and a sale. */
function bookedLedger() {
  const t = testApp();
  const [a, b, c] = insertLoans(t.db, [
    aBadLoan({ product: 'credit_card', tapeDate: '2026-04-30' }),
    aBadLoan(),
    aBadLoan(),
  ]) as [string, string, string];
  writeOff(t.deps, { writeOffDate: '2026-05-20', loanIds: [a] });
  writeOff(t.deps, { writeOffDate: '2026-06-10', loanIds: [b, c] });
  collect(t.deps, [
    { loanId: b, date: '2026-06-12', amountFen: 120_000 },
    { loanId: b, date: '2026-06-12', amountFen: 4_500, type: 'cost' },
  ]);
  sell(t.deps, 'T-1', '2026-06-20', [{ loanId: c, priceFen: 50_000 }]);
  return { ...t, a, b, c };
}

const get = (t: T, path: string) => t.app.request(path, { headers: t.as('finance') });

async function workbookOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return {
    sheet,
    header: rows[0] as string[],
    rows: rows.slice(1),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const column = (rows: ExcelJS.CellValue[][], index: number) => rows.map((row) => row[index]);
const sumFen = (values: ExcelJS.CellValue[]) =>
  values.reduce<number>((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0);

const journalHeader = [
  'Entry ID',
  'Date',
  'Kind',
  'Source reference',
  'Reverses entry',
  'Line',
  'Account code',
  'Account name',
  'Debit',
  'Credit',
  'Loan ID',
  'Memo',
];

describe('the trial balance', () => {
  it('balances on the balance sheet and among the memo accounts, as of any date', async () => {
    const t = bookedLedger();
    const balance = (await (await get(t, '/ledger/trial-balance?as_of=2026-06-30')).json()) as {
      balanceSheet: {
        debit: string;
        credit: string;
        balanced: boolean;
        accounts: { code: string; balance: string }[];
      };
      offBalance: { balanced: boolean; accounts: { code: string; balance: string }[] };
    };
    expect(balance.balanceSheet).toMatchObject({
      balanced: true,
      debit: balance.balanceSheet.credit,
    });
    expect(balance.offBalance.balanced).toBe(true);
    expect(balance.offBalance.accounts.find((a) => a.code === '7001')?.balance).toBe(
      String((865_000 * 3 - 120_000 - 865_000) / 100) + '.00',
    );
    const may = (await (
      await get(t, '/ledger/trial-balance?as_of=2026-05-31')
    ).json()) as typeof balance;
    // The May write-off: its 8,000.00 principal is provided for first (Dr 6701 / Cr 1304), then charged to the allowance.
    expect(may.balanceSheet.debit).toBe('16650.00');
  });

  it('downloads as a workbook whose numbers are real numbers summing to the JSON totals, audited with its SHA-256', async () => {
    const t = bookedLedger();
    const json = (await (await get(t, '/ledger/trial-balance?as_of=2026-06-30')).json()) as {
      balanceSheet: { debit: string };
      offBalance: { debit: string };
    };
    const { header, rows, sha256, sheet } = await workbookOf(
      await get(t, '/ledger/trial-balance?as_of=2026-06-30&format=xlsx'),
    );
    expect(header).toEqual([
      'Section',
      'Account code',
      'Account name',
      'Account name (English)',
      'Type',
      'Debit',
      'Credit',
      'Debit balance',
      'Credit balance',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const balanceSheetRows = rows.filter(
      (row) => row[1] !== undefined && row[0] !== 'Off-balance memorandum',
    );
    expect(column(rows, 5).every((value) => typeof value === 'number')).toBe(true);
    expect(sumFen(column(balanceSheetRows, 5))).toBe(fen(json.balanceSheet.debit));
    expect(sumFen(column(balanceSheetRows, 6))).toBe(fen(json.balanceSheet.debit));
    expect(sumFen(column(balanceSheetRows, 7))).toBe(sumFen(column(balanceSheetRows, 8)));
    const audit = t.db.$client
      .prepare(
        "select actor, file_sha256 as sha from audit_events where action = 'ledger.trial_balance.downloaded'",
      )
      .get();
    expect(audit).toEqual({ actor: 'finance@demo.local', sha: sha256 });
  });
});

describe('the journal', () => {
  it('pages through every line of the range with totals equal to the trial balance', async () => {
    const t = bookedLedger();
    const lines: { debit: string; credit: string; loanId: string | null }[] = [];
    let cursor: string | null = null;
    let totals: { lines: number; debit: string } | undefined;
    do {
      const page = (await (
        await get(
          t,
          `/ledger/journal?from=2026-05-01&to=2026-06-30&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json()) as {
        items: typeof lines;
        nextCursor: string | null;
        totals: { lines: number; debit: string };
      };
      lines.push(...page.items);
      ({ nextCursor: cursor, totals } = page);
    } while (cursor);
    expect(lines).toHaveLength(totals?.lines ?? -1);
    expect(lines.every((line) => line.loanId !== null)).toBe(true);
    const balance = (await (await get(t, '/ledger/trial-balance?as_of=2026-06-30')).json()) as {
      balanceSheet: { debit: string };
      offBalance: { debit: string };
    };
    expect(fen(totals?.debit ?? '0')).toBe(
      fen(balance.balanceSheet.debit) + fen(balance.offBalance.debit),
    );
    const june = (await (await get(t, '/ledger/journal?from=2026-06-01')).json()) as {
      totals: { lines: number };
    };
    expect(june.totals.lines).toBe((totals?.lines ?? 0) - 10);
  });

  it('exports the general-ledger upload: one row per line with kind, source and reversal link, real dates and numbers, debits and credits summing to the trial balance', async () => {
    const t = bookedLedger();
    const response = await get(t, '/ledger/journal?format=xlsx');
    const { header, rows } = await workbookOf(response.clone());
    expect(header).toEqual(journalHeader);
    const json = (await (await get(t, '/ledger/journal?limit=1')).json()) as {
      totals: { lines: number; debit: string; credit: string };
    };
    expect(rows).toHaveLength(json.totals.lines);
    expect(rows[0]).toEqual([
      1,
      new Date('2026-05-20T00:00:00.000Z'),
      'write_off',
      'write_off_batch:1',
      undefined,
      1,
      '6701',
      '信用减值损失',
      8000,
      0,
      expect.any(String),
      expect.stringContaining('Write-off batch 1'),
    ]);
    expect(column(rows, 0).every((value) => typeof value === 'number')).toBe(true);
    expect(column(rows, 1).every((value) => value instanceof Date)).toBe(true);
    expect(sumFen(column(rows, 8))).toBe(fen(json.totals.debit));
    expect(sumFen(column(rows, 9))).toBe(fen(json.totals.credit));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Journal', 'Voucher summary']);
  });

  it('exports the same lines as CSV, a reversal naming the entry it reverses', async () => {
    const t = bookedLedger();
    const reversed = await t.app.request('/ledger/entries/1/reverse', {
      method: 'POST',
      headers: t.as('finance', { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ date: '2026-06-25', reason: '=SUM(A1) booked in error' }),
    });
    expect(reversed.status).toBe(201);
    const response = await get(t, '/ledger/journal?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const [head, ...lines] = text.trimEnd().split('\r\n');
    expect(head?.split(',')).toEqual(journalHeader);
    const json = (await (await get(t, '/ledger/journal?limit=1')).json()) as {
      totals: { lines: number; debit: string; credit: string };
    };
    expect(lines).toHaveLength(json.totals.lines);
    const fields = lines.map((line) => line.split(','));
    const reversal = fields.filter((row) => row[2] === 'reversal');
    expect(reversal.length).toBeGreaterThan(0);
    expect(reversal.every((row) => row[3] === 'journal_entry:1' && row[4] === '1')).toBe(true);
    expect(reversal[0]?.at(-1)).toContain('booked in error');
    expect(fields.reduce((sum, row) => sum + fen(row[8] ?? '0'), 0)).toBe(fen(json.totals.debit));
    const audit = t.db.$client
      .prepare(
        "select file_sha256 as sha from audit_events where action = 'ledger.journal.downloaded'",
      )
      .get() as { sha: string };
    expect(audit.sha).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('summarises the vouchers per day and account, as JSON and CSV, totalling the journal', async () => {
    const t = bookedLedger();
    const summary = (await (await get(t, '/ledger/journal/summary')).json()) as {
      rows: {
        entryDate: string;
        accountCode: string;
        entries: number;
        debit: string;
        credit: string;
      }[];
      totals: { debit: string; credit: string };
    };
    const journal = (await (await get(t, '/ledger/journal?limit=1')).json()) as {
      totals: { debit: string; credit: string };
    };
    expect(summary.totals).toMatchObject(journal.totals);
    expect(summary.rows.reduce((sum, row) => sum + fen(row.debit), 0)).toBe(
      fen(journal.totals.debit),
    );
    expect(
      summary.rows.find((row) => row.entryDate === '2026-06-10' && row.accountCode === '1303'),
    ).toMatchObject({
      entries: 1,
      credit: '16000.00',
    });
    const csv = await (await get(t, '/ledger/journal/summary?format=csv')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'Date,Account code,Account name,Account name (English),Entries,Lines,Debit,Credit',
    );
    expect(csv.trimEnd().split('\r\n')).toHaveLength(summary.rows.length + 1);
  });
});

describe('the write-off report and the off-balance register', () => {
  it('reports per month and product the loans written off, amount, recoveries, net charge-off and recovery rate', async () => {
    const t = bookedLedger();
    const report = (await (
      await get(t, '/ledger/write-off-report?from=2026-05-01&to=2026-06-30')
    ).json()) as { rows: unknown[]; totals: unknown };
    expect(report.rows).toEqual([
      {
        month: '2026-05',
        product: 'credit_card',
        loansWrittenOff: 1,
        writtenOff: '8650.00',
        recoveries: '0.00',
        netChargeOff: '8650.00',
        recoveryRate: 0,
      },
      {
        month: '2026-06',
        product: 'cash_loan',
        loansWrittenOff: 2,
        writtenOff: '17300.00',
        recoveries: '1200.00',
        netChargeOff: '16100.00',
        recoveryRate: 0.0694,
      },
    ]);
    expect(report.totals).toMatchObject({
      loansWrittenOff: 3,
      writtenOff: '25950.00',
      recoveries: '1200.00',
    });
    const { rows } = await workbookOf(
      await get(t, '/ledger/write-off-report?from=2026-05-01&to=2026-06-30&format=xlsx'),
    );
    expect(rows[1]).toEqual(['2026-06', 'cash_loan', 2, 17300, 1200, 16100, 0.0694]);
  });

  it('lists each loan on file as of a date: written off, recovered, sold, the claim left and the buyer', async () => {
    const t = bookedLedger();
    const register = (await (
      await get(t, '/ledger/off-balance?as_of=2026-06-30&limit=2')
    ).json()) as { items: unknown[]; nextCursor: string; totals: unknown };
    expect(register.totals).toEqual({
      loans: 3,
      writtenOff: '25950.00',
      recoveries: '1200.00',
      sold: '8650.00',
      balance: '16100.00',
    });
    expect(register.items[1]).toMatchObject({
      loanId: t.b,
      writtenOffOn: '2026-06-10',
      recoveries: '1200.00',
      balance: '7450.00',
      status: 'on_file',
      buyer: null,
    });
    const rest = (await (
      await get(t, `/ledger/off-balance?as_of=2026-06-30&cursor=${register.nextCursor}`)
    ).json()) as { items: unknown[]; nextCursor: null };
    expect(rest).toMatchObject({
      items: [
        {
          loanId: t.c,
          status: 'sold',
          sold: '8650.00',
          balance: '0.00',
          buyer: 'Demo AMC 示范资产管理有限公司',
        },
      ],
      nextCursor: null,
    });
    const before = (await (await get(t, '/ledger/off-balance?as_of=2026-06-11')).json()) as {
      totals: { loans: number; balance: string };
    };
    expect(before.totals).toMatchObject({ loans: 3, balance: '25950.00' });
    const { rows } = await workbookOf(
      await get(t, '/ledger/off-balance?as_of=2026-06-30&format=xlsx'),
    );
    expect(rows[2]).toEqual([
      t.c,
      'cash_loan',
      new Date('2026-06-10T00:00:00.000Z'),
      8650,
      0,
      8650,
      0,
      'sold',
      'Demo AMC 示范资产管理有限公司',
    ]);
  });
});

describe('reversing an entry over HTTP', () => {
  it('posts a reversing entry once (a repeat with the key replays it), and the entry shows who reversed it', async () => {
    const t = bookedLedger();
    const { id: saleId } = t.db.$client
      .prepare("select id from journal_entries where kind = 'sale'")
      .get() as { id: number };
    const reverse = (headers: Record<string, string> = {}) =>
      t.app.request(`/ledger/entries/${saleId}/reverse`, {
        method: 'POST',
        headers: t.as('finance', { 'Content-Type': 'application/json', ...headers }),
        body: JSON.stringify({ date: '2026-06-30', reason: 'sale booked at the wrong price' }),
      });
    const first = await reverse({ 'Idempotency-Key': 'rev-1' });
    expect(first.status).toBe(201);
    const reversal = (await first.json()) as { entryId: number; reversesEntryId: number };
    expect(reversal).toMatchObject({ reversesEntryId: saleId });
    const replay = await reverse({ 'Idempotency-Key': 'rev-1' });
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await reverse()).status).toBe(409);
    const entry = await (await get(t, `/ledger/entries/${saleId}`)).json();
    expect(entry).toMatchObject({ kind: 'sale', reversedByEntryId: reversal.entryId });
    expect(
      (
        await t.app.request(`/ledger/entries/${saleId}/reverse`, {
          method: 'POST',
          headers: t.as('risk', { 'Content-Type': 'application/json' }),
          body: '{}',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses an invalid date with 422 naming the field', async () => {
    const t = bookedLedger();
    const response = await get(t, '/ledger/trial-balance?as_of=2026-13-01');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'query.as_of' }] });
  });
});
