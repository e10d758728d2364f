import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { claimInterim, collect, forward, sell, writeOff } from './scenario';

describe('posted journal rows', () => {
  const t = testApp();
  insertLoans(t.db, [aBadLoan()]);
  writeOff(t.deps, { writeOffDate: '2026-06-30' });
  const sql = (statement: string) => () => t.db.$client.prepare(statement).run();

  it('cannot be updated or deleted: the database refuses, whoever asks', () => {
    expect(sql("update journal_entries set memo = 'edited'")).toThrow(
      'journal_entries are posted: rows cannot be updated; post a reversing entry',
    );
    expect(sql('delete from journal_entries')).toThrow(
      'journal_entries are posted: rows cannot be deleted; post a reversing entry',
    );
    expect(sql('update journal_lines set debit_fen = debit_fen + 1 where debit_fen > 0')).toThrow(
      'journal_lines are posted: rows cannot be updated',
    );
    expect(sql('delete from journal_lines')).toThrow(
      'journal_lines are posted: rows cannot be deleted',
    );
    expect(sql('update off_balance_register set amount_fen = 1')).toThrow(
      'off_balance_register is append-only',
    );
    expect(sql('delete from off_balance_register')).toThrow('off_balance_register is append-only');
    expect(t.db.$client.prepare('select count(*) as n from journal_lines').get()).toEqual({
      n: 10,
    });
  });

  it('refuse a line with both sides or none, and a second reversal of one entry', () => {
    const insertLine = (debit: number, credit: number) =>
      sql(
        `insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen) values (1, 99, '1002', ${debit}, ${credit})`,
      );
    expect(insertLine(5, 5)).toThrow(/CHECK constraint failed: journal_lines_one_side/);
    expect(insertLine(0, 0)).toThrow(/CHECK constraint failed: journal_lines_one_side/);
    const reversal = (id: number) =>
      sql(
        `insert into journal_entries (id, entry_date, kind, memo, source_ref, reverses_entry_id, posted_at, posted_by) values (${id}, '2026-06-30', 'reversal', 'r', 'journal_entry:1', 1, 'now', 'x')`,
      );
    reversal(50)();
    expect(reversal(51)).toThrow(/UNIQUE constraint failed: journal_entries.reverses_entry_id/);
  });
});

describe('the buyer side of a sale', () => {
  it('is append-only: cut-offs, payables, forwardings and their links cannot be updated or deleted', () => {
    const t = testApp();
    const [loanId] = insertLoans(t.db, [aBadLoan()]) as [string];
    writeOff(t.deps, { writeOffDate: '2026-06-10' });
    sell(t.deps, 'T-1', '2026-06-19', [{ loanId, priceFen: 100 }]);
    claimInterim(t.deps, 'T-1', '2026-06-12', [loanId], '2026-06-19');
    collect(t.deps, [{ loanId, date: '2026-06-22', amountFen: 500 }]);
    forward(t.deps, 'BANK-1', '2026-06-30');
    const sql = (statement: string) => () => t.db.$client.prepare(statement).run();
    for (const table of [
      'sale_cut_offs',
      'buyer_payables',
      'buyer_forwardings',
      'buyer_forwarding_items',
    ]) {
      expect(t.db.$client.prepare(`select count(*) as n from ${table}`).get(), table).toEqual({
        n: 1,
      });
      expect(sql(`update ${table} set rowid = rowid`), table).toThrow(
        `${table} is append-only: rows cannot be updated`,
      );
      expect(sql(`delete from ${table}`), table).toThrow(
        `${table} is append-only: rows cannot be deleted`,
      );
    }
  });
});

describe('the chart of accounts', () => {
  it('holds every account the posting rules use, with Chinese and English names, and the memo pair off the balance sheet', () => {
    const t = testApp();
    const rows = t.db.$client
      .prepare('select code, name_zh as nameZh, name_en as nameEn, type from ledger_accounts')
      .all() as { code: string; nameZh: string; nameEn: string; type: string }[];
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const code of Object.values(accounts)) {
      expect(byCode.get(code), code).toMatchObject({
        nameZh: expect.stringMatching(/\p{Script=Han}/u),
        nameEn: expect.stringMatching(/[A-Za-z]/),
      });
    }
    expect(byCode.get(accounts.writtenOffMemo)).toMatchObject({
      nameZh: '已核销贷款表外登记',
      type: 'off_balance',
    });
    expect(byCode.get(accounts.writtenOffMemoContra)?.type).toBe('off_balance');
    expect(byCode.get(accounts.loanLossAllowance)).toMatchObject({
      nameZh: '贷款损失准备',
      type: 'asset',
    });
    expect(byCode.get(accounts.buyerCollectionsPayable)).toMatchObject({
      nameZh: '其他应付款—应付债权受让方款项',
      type: 'liability',
    });
  });
});
