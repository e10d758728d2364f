import { prepared } from '../../db';
import { recordAudit } from '../audit';
import { asFen, type Fen, type IsoDate, Problem, type VerbContext } from '../shared';
import { accounts } from './accounts';
import { insertEntry, sourceIsPosted } from './journal-repository';
import { assertPostedEntryBalances, entryHeader } from './post-entry';

export interface OpeningBalancesRequest {
  importId: number;
  /** Every loan came into the book with this import (an insert-mode tape): the ledger holds nothing of them yet. */
  newLoansOnly?: boolean;
}

export interface OpeningBalances {
  entryId: number | null;
  /** Journal lines on loans (the clearing lines not counted). */
  lines: number;
  debitFen: Fen;
  creditFen: Fen;
}

/**
 * Per loan of the import and receivable account: what the tape says the loan owes on the book
 * (`target`: nothing unless the loan is current or delinquent — a charged-off, sold, settled or
 * closed loan owes nothing on the balance sheet) less what the ledger already holds on that loan and
 * account (`booked`, zero for new loans). Interest and penalty interest share interest receivable,
 * as the write-off posting rule reverses them (docs/domain.md §2, posting rules).
 */
const differences = (newLoansOnly: boolean) => `
  with receivable(account, ord) as (values ('${accounts.loansReceivable}', 1), ('${accounts.interestReceivable}', 2), ('${accounts.feesReceivable}', 3)),
  booked as (${
    newLoansOnly
      ? 'select null as loan_id, null as account_code, 0 as fen where 0'
      : `select j.loan_id, j.account_code, sum(j.debit_fen) - sum(j.credit_fen) as fen from journal_lines j
          where j.account_code in (select account from receivable)
            and j.loan_id in (select loan_id from loans indexed by loans_import_idx where import_id = :importId)
          group by j.loan_id, j.account_code`
  }),
  diffs as (
    select l.id, l.loan_id, l.tape_date, r.account, r.ord,
           (case when l.status in ('current', 'delinquent') then
              case r.account when '${accounts.loansReceivable}' then l.principal_fen
                             when '${accounts.interestReceivable}' then l.interest_fen + l.penalty_fen
                             else l.fee_fen end
            else 0 end) - coalesce(b.fen, 0) as diff
      from loans l indexed by loans_import_idx cross join receivable r
      left join booked b on b.loan_id = l.loan_id and b.account_code = r.account
     where l.import_id = :importId)`;

/**
 * Opens the balance-sheet side of the book a loan tape brings, inside the caller's transaction: one
 * `opening_balance` entry per import that debits each performing or delinquent loan's receivables
 * (principal to 1303 loans receivable, interest and penalty to 1132, fees to 1221) against 4190
 * opening-balance clearing, an equity-like account standing for the lender's own books up to the
 * tape. Without it a write-off would credit receivables that were never debited and the trial
 * balance would show movements, not balances. An upsert tape posts only the differences between
 * what the tape says and what the ledger holds per loan and account, so the balances follow the
 * tape (a loan the tape now reports charged off or closed comes off the receivables); a tape that
 * changes nothing posts nothing. Lines are written by set-based SQL, as the opening register's.
 * @throws Problem conflict when the import's opening-balance entry is already posted
 */
export function postOpeningBalances(
  { tx, deps, actor }: VerbContext,
  request: OpeningBalancesRequest,
): OpeningBalances {
  const sourceRef = `file_import:${request.importId}`;
  if (sourceIsPosted(tx, ['opening_balance'], sourceRef))
    throw new Problem(
      'conflict',
      `the opening-balance entry of import ${request.importId} is already posted`,
    );
  const params = { importId: request.importId };
  const cte = differences(request.newLoansOnly === true);
  const totals = prepared(
    tx,
    `${cte} select count(*) as lines, coalesce(sum(max(diff, 0)), 0) as debitFen,
            coalesce(sum(max(-diff, 0)), 0) as creditFen, max(tape_date) as date
       from diffs where diff <> 0`,
  ).get(params) as { lines: number; debitFen: Fen; creditFen: Fen; date: IsoDate | null };
  if (totals.lines === 0 || totals.date === null)
    return { entryId: null, lines: 0, debitFen: asFen(0), creditFen: asFen(0) };
  const entryId = insertEntry(
    tx,
    entryHeader(deps, actor, {
      entryDate: totals.date,
      kind: 'opening_balance',
      memo: `Opening balances: receivables of the loans of import ${request.importId} as the tape states them`,
      sourceRef,
    }),
  );
  prepared(
    tx,
    `${cte} insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, memo)
       select :entryId, row_number() over (order by id, ord), account, max(diff, 0), max(-diff, 0), loan_id, null
         from diffs where diff <> 0 order by id, ord`,
  ).run({ ...params, entryId });
  const clearing = prepared(
    tx,
    `insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, memo)
     values (:entryId, :lineNo, '${accounts.openingBalanceClearing}', :debitFen, :creditFen, null, :memo)`,
  );
  let lineNo = totals.lines;
  if (totals.debitFen > 0)
    clearing.run({
      entryId,
      lineNo: ++lineNo,
      debitFen: 0,
      creditFen: totals.debitFen,
      memo: 'Receivables brought onto the book',
    });
  if (totals.creditFen > 0)
    clearing.run({
      entryId,
      lineNo: ++lineNo,
      debitFen: totals.creditFen,
      creditFen: 0,
      memo: 'Receivables the tape no longer reports',
    });
  assertPostedEntryBalances(tx, entryId);
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.opening_balances.posted',
    targetType: 'file_import',
    targetId: request.importId,
    detail: {
      entryId,
      lines: totals.lines,
      debitFen: totals.debitFen,
      creditFen: totals.creditFen,
    },
  });
  return { entryId, lines: totals.lines, debitFen: totals.debitFen, creditFen: totals.creditFen };
}
