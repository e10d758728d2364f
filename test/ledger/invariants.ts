import type { Db } from '../../db/client';

// Whole-database invariants of the ledger, checked after every scenario and property run.

/** Entries whose lines do not balance, balance-sheet and memo lines apart (empty when all balance). */
export function unbalancedEntries(db: Db): { entryId: number; memo: number; net: number }[] {
  return db.$client
    .prepare(
      `select l.entry_id as entryId, a.type = 'off_balance' as memo, sum(l.debit_fen) - sum(l.credit_fen) as net
         from journal_lines l join ledger_accounts a on a.code = l.account_code
        group by l.entry_id, a.type = 'off_balance' having net <> 0`,
    )
    .all() as { entryId: number; memo: number; net: number }[];
}

/** Entries without a line, and lines or register movements whose entry does not exist. */
export function orphans(db: Db): number {
  const row = db.$client
    .prepare(
      `select (select count(*) from journal_entries e where not exists (select 1 from journal_lines l where l.entry_id = e.id))
            + (select count(*) from journal_lines l where not exists (select 1 from journal_entries e where e.id = l.entry_id))
            + (select count(*) from off_balance_register r where not exists (select 1 from journal_entries e where e.id = r.entry_id)) as n`,
    )
    .get() as { n: number };
  return row.n;
}

/** Each loan's memo-account balance (7001) and register balance, where the two differ. */
export function memoRegisterMismatches(
  db: Db,
): { loanId: string; memoFen: number; registerFen: number }[] {
  return db.$client
    .prepare(
      `select loan_id as loanId, sum(memo) as memoFen, sum(reg) as registerFen from (
         select loan_id, debit_fen - credit_fen as memo, 0 as reg from journal_lines where account_code = '7001'
         union all select loan_id, 0, amount_fen from off_balance_register)
       group by loan_id having memoFen <> registerFen`,
    )
    .all() as { loanId: string; memoFen: number; registerFen: number }[];
}

/** Register balance per loan, over all movements. */
export function registerBalances(db: Db): Map<string, number> {
  const rows = db.$client
    .prepare(
      'select loan_id as loanId, sum(amount_fen) as fen from off_balance_register group by loan_id',
    )
    .all() as { loanId: string; fen: number }[];
  return new Map(rows.map((row) => [row.loanId, row.fen]));
}

/** Every invariant at once, as one object a test can compare with the clean state. */
export function ledgerHealth(db: Db) {
  return {
    unbalanced: unbalancedEntries(db),
    orphans: orphans(db),
    memoMismatches: memoRegisterMismatches(db),
  };
}

export const healthy = { unbalanced: [], orphans: 0, memoMismatches: [] };
