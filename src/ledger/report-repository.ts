import { type DbOrTx, type JournalEntryKind, type LoanStatus, prepared } from '../../db';
import type { IsoDate, Fen } from '../shared';
import type { AccountTotal } from './trial-balance';
import type { WriteOffFlows } from './write-off-measures';

// The ledger's reports read with raw statements: they scan whole journals and registers.

/** The date the book's data runs to: its latest tape date; undefined for an empty book. */
export function bookDate(db: DbOrTx): IsoDate | undefined {
  const row = prepared(db, 'select max(tape_date) as date from loans').get() as {
    date: IsoDate | null;
  };
  return row.date ?? undefined;
}

/** Per account, what was posted to it in entries dated up to `asOf`; accounts without postings are left out. */
export function accountTotals(db: DbOrTx, asOf: IsoDate): AccountTotal[] {
  return prepared(
    db,
    `select a.code, a.name_zh as nameZh, a.name_en as nameEn, a.type, t.debitFen, t.creditFen
       from ledger_accounts a
       join (select l.account_code, sum(l.debit_fen) as debitFen, sum(l.credit_fen) as creditFen
               from journal_lines l join journal_entries e on e.id = l.entry_id
              where e.entry_date <= ? group by l.account_code) t on t.account_code = a.code
      order by a.code`,
  ).all(asOf) as AccountTotal[];
}

export interface JournalLineRecord {
  lineId: number;
  entryId: number;
  entryDate: IsoDate;
  kind: JournalEntryKind;
  sourceRef: string;
  reversesEntryId: number | null;
  lineNo: number;
  accountCode: string;
  accountNameZh: string;
  accountNameEn: string;
  debitFen: Fen;
  creditFen: Fen;
  loanId: string | null;
  /** The line's own memo, else its entry's. */
  memo: string;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** Journal lines of entries dated in the range, in posting order, after line `afterId`. */
export function journalPage(
  db: DbOrTx,
  range: DateRange,
  afterId: number,
  limit: number,
): JournalLineRecord[] {
  return prepared(
    db,
    `select l.id as lineId, e.id as entryId, e.entry_date as entryDate, e.kind, e.source_ref as sourceRef, e.reverses_entry_id as reversesEntryId,
            l.line_no as lineNo, l.account_code as accountCode, a.name_zh as accountNameZh, a.name_en as accountNameEn,
            l.debit_fen as debitFen, l.credit_fen as creditFen, l.loan_id as loanId, coalesce(l.memo, e.memo) as memo
       from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.code = l.account_code
      where e.entry_date between ? and ? and l.id > ? order by l.id limit ?`,
  ).all(range.from, range.to, afterId, limit) as JournalLineRecord[];
}

export function journalTotals(
  db: DbOrTx,
  range: DateRange,
): { lines: number; debitFen: Fen; creditFen: Fen } {
  return prepared(
    db,
    `select count(*) as lines, coalesce(sum(l.debit_fen), 0) as debitFen, coalesce(sum(l.credit_fen), 0) as creditFen
       from journal_lines l join journal_entries e on e.id = l.entry_id where e.entry_date between ? and ?`,
  ).get(range.from, range.to) as { lines: number; debitFen: Fen; creditFen: Fen };
}

/** One day's postings to one account: a line of the voucher summary (科目汇总表). */
export interface VoucherSummaryRow {
  entryDate: IsoDate;
  accountCode: string;
  accountNameZh: string;
  accountNameEn: string;
  entries: number;
  lines: number;
  debitFen: Fen;
  creditFen: Fen;
}

/** Per day and account, the entries, lines, debits and credits of entries dated in the range. */
export function voucherSummary(db: DbOrTx, range: DateRange): VoucherSummaryRow[] {
  return prepared(
    db,
    `select e.entry_date as entryDate, l.account_code as accountCode, a.name_zh as accountNameZh, a.name_en as accountNameEn,
            count(distinct e.id) as entries, count(*) as lines, sum(l.debit_fen) as debitFen, sum(l.credit_fen) as creditFen
       from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.code = l.account_code
      where e.entry_date between ? and ? group by e.entry_date, l.account_code order by e.entry_date, l.account_code`,
  ).all(range.from, range.to) as VoucherSummaryRow[];
}

/** Register flows per month (`YYYY-MM`) of movement and product: write-offs by batch, and recoveries. */
export function writeOffFlows(
  db: DbOrTx,
  range: DateRange,
): ({ month: string; product: string } & WriteOffFlows)[] {
  return prepared(
    db,
    `select substr(r.movement_date, 1, 7) as month, l.product,
            sum(case when r.kind = 'written_off' then (case when r.reversal = 1 then -1 else 1 end) else 0 end) as loansWrittenOff,
            sum(case when r.kind = 'written_off' then r.amount_fen else 0 end) as writtenOffFen,
            -sum(case when r.kind = 'recovery' then r.amount_fen else 0 end) as recoveredFen
       from off_balance_register r join loans l on l.loan_id = r.loan_id
      where r.movement_date between ? and ? and r.kind in ('written_off', 'recovery')
      group by 1, 2 order by 1, 2`,
  ).all(range.from, range.to) as ({ month: string; product: string } & WriteOffFlows)[];
}

/** One loan on the off-balance register as of a date. */
export interface RegisterLoan {
  loanId: string;
  product: string;
  loanStatus: LoanStatus;
  /** The loan's charge-off date (核销日期): the lender's for a loan a tape brought already written off. */
  enteredOn: IsoDate | null;
  writtenOffFen: Fen;
  recoveredFen: Fen;
  /** Sold, net of what buyers put back. */
  soldFen: Fen;
  balanceFen: Fen;
  /** The buyer of the latest sale up to the date, if any. */
  buyer: string | null;
}

const registerLoansSql = `
  select r.loan_id as loanId, l.product, l.status as loanStatus,
         coalesce(l.charge_off_date, max(case when r.kind in ('written_off', 'opening') and r.reversal = 0 then r.movement_date end)) as enteredOn,
         sum(case when r.kind in ('written_off', 'opening') then r.amount_fen else 0 end) as writtenOffFen,
         -sum(case when r.kind = 'recovery' then r.amount_fen else 0 end) as recoveredFen,
         -sum(case when r.kind in ('sold', 'put_back') then r.amount_fen else 0 end) as soldFen,
         sum(r.amount_fen) as balanceFen,
         (select b.name from off_balance_register s join buyer_organisations b on b.id = s.buyer_organisation_id
           where s.loan_id = r.loan_id and s.kind = 'sold' and s.reversal = 0 and s.movement_date <= :asOf order by s.id desc limit 1) as buyer
    from off_balance_register r join loans l on l.loan_id = r.loan_id
   where r.movement_date <= :asOf and r.loan_id > :afterLoanId
   group by r.loan_id having writtenOffFen <> 0`;

/** Loans on the register as of a date, by loan id, after `afterLoanId`. */
export function registerPage(
  db: DbOrTx,
  asOf: IsoDate,
  afterLoanId: string,
  limit: number,
): RegisterLoan[] {
  return prepared(db, `${registerLoansSql} order by r.loan_id limit :limit`).all({
    asOf,
    afterLoanId,
    limit,
  }) as RegisterLoan[];
}

export function registerTotals(
  db: DbOrTx,
  asOf: IsoDate,
): { loans: number; writtenOffFen: Fen; recoveredFen: Fen; soldFen: Fen; balanceFen: Fen } {
  return prepared(
    db,
    `select count(*) as loans, coalesce(sum(writtenOffFen), 0) as writtenOffFen, coalesce(sum(recoveredFen), 0) as recoveredFen,
            coalesce(sum(soldFen), 0) as soldFen, coalesce(sum(balanceFen), 0) as balanceFen
       from (${registerLoansSql})`,
  ).get({ asOf, afterLoanId: '' }) as {
    loans: number;
    writtenOffFen: Fen;
    recoveredFen: Fen;
    soldFen: Fen;
    balanceFen: Fen;
  };
}
