import { type DbOrTx, prepared } from '../../db';
import { recordAudit } from '../audit';
import { claimSql, type IsoDate, type Fen, Problem, type VerbContext, ZERO_FEN } from '../shared';
import { accounts } from './accounts';
import { insertEntry, sourceIsPosted } from './journal-repository';
import { assertPostedEntryBalances, entryHeader } from './post-entry';

export interface OpeningRequest {
  importId: number;
  /** Only these loans of the import; all its charged-off loans when absent. */
  loanIds?: readonly string[];
  /** Every loan came into the book with this import (an insert-mode tape), so none can be on the register yet. */
  newLoansOnly?: boolean;
  /** The date the claims enter the register; the latest tape date of the loans when absent. */
  date?: IsoDate;
}

export interface OpeningRegister {
  entryId: number | null;
  loans: number;
  claimFen: Fen;
  skipped: { loanId: string; reason: 'already_on_register' | 'no_claim' }[];
}

const CLAIM = claimSql('l');
const ON_REGISTER = `exists (select 1 from off_balance_register r where r.loan_id = l.loan_id
  and r.kind in ('written_off', 'opening') group by r.loan_id having sum(r.amount_fen) > 0)`;
/** The charged-off loans of the import (or of the listed ones), with what each would bring to the register. */
const IMPORTED = `from loans l indexed by loans_import_idx where l.import_id = :importId and l.status = 'charged_off'
  and (:loanIds is null or l.loan_id in (select value from json_each(:loanIds)))`;

/**
 * Brings the loans a tape delivered already written off (a lender moving its bad book onto the
 * platform) into the off-balance register, inside the caller's transaction: one
 * `write_off_opening` entry per import (Dr 7001 / Cr 7002 per loan for its full claim on the tape)
 * and an `opening` movement per loan, so the register covers the whole written-off book. Loans
 * already on the register, or owing nothing, are skipped and reported.
 * The lines and movements are written by set-based SQL: a million-loan tape must not become a
 * million objects in memory.
 * @throws Problem conflict when the import's opening entry is already posted
 */
export function postOpeningRegister(
  { tx, deps, actor }: VerbContext,
  request: OpeningRequest,
): OpeningRegister {
  const sourceRef = `file_import:${request.importId}`;
  if (sourceIsPosted(tx, ['write_off_opening'], sourceRef))
    throw new Problem(
      'conflict',
      `the opening register entry of import ${request.importId} is already posted`,
    );
  const params = {
    importId: request.importId,
    loanIds: request.loanIds ? JSON.stringify(request.loanIds) : null,
  };
  const onRegister = request.newLoansOnly ? '0' : ON_REGISTER;
  const skipped = prepared(
    tx,
    `select l.loan_id as loanId, case when ${onRegister} then 'already_on_register' else 'no_claim' end as reason
       ${IMPORTED} and (${CLAIM} = 0 or ${onRegister}) order by l.id`,
  ).all(params) as OpeningRegister['skipped'];
  const opening = `${IMPORTED} and ${CLAIM} > 0 and not ${onRegister}`;
  const opened = prepared(
    tx,
    `select count(*) as loans, coalesce(sum(${CLAIM}), 0) as claimFen, max(l.tape_date) as latest, min(l.id) as firstId, max(l.id) as lastId ${opening}`,
  ).get(params) as {
    loans: number;
    claimFen: Fen;
    latest: IsoDate | null;
    firstId: number;
    lastId: number;
  };
  if (opened.loans === 0) return { entryId: null, loans: 0, claimFen: ZERO_FEN, skipped };
  const date = request.date ?? (opened.latest as IsoDate);
  const memo = `Opening register: loans of import ${request.importId} delivered already written off (账销案存)`;
  const entryId = insertEntry(
    tx,
    entryHeader(deps, actor, {
      entryDate: date,
      kind: 'write_off_opening',
      memo,
      sourceRef,
    }),
  );
  writeOpeningLinesAndMovements(tx, { entryId, date, opening, params, ...opened });
  assertPostedEntryBalances(tx, entryId);
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.opening_register.posted',
    targetType: 'file_import',
    targetId: request.importId,
    detail: { entryId, loans: opened.loans, claimFen: opened.claimFen, skipped: skipped.length },
  });
  return { entryId, loans: opened.loans, claimFen: opened.claimFen, skipped };
}

/**
 * Dr written-off claims (memo) per loan, then Cr its contra per loan, and each loan's register
 * movement: three passes of set-based SQL straight from the loans, no copy of them in memory or in a
 * temporary table. A loan's lines are numbered by its place in the import (its id less the first
 * id), the credits after the last debit.
 */
function writeOpeningLinesAndMovements(
  tx: DbOrTx,
  opening: {
    entryId: number;
    date: IsoDate;
    opening: string;
    params: Record<string, unknown>;
    firstId: number;
    lastId: number;
  },
): void {
  const { entryId, date, params, firstId, lastId } = opening;
  const lines = prepared(
    tx,
    `insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, memo)
     select :entryId, l.id - :firstId + 1 + :lineOffset, :account, :debit * (${CLAIM}), (1 - :debit) * (${CLAIM}), l.loan_id, null
       ${opening.opening} order by l.id`,
  );
  lines.run({
    ...params,
    entryId,
    firstId,
    lineOffset: 0,
    account: accounts.writtenOffMemo,
    debit: 1,
  });
  lines.run({
    ...params,
    entryId,
    firstId,
    lineOffset: lastId - firstId + 1,
    account: accounts.writtenOffMemoContra,
    debit: 0,
  });
  prepared(
    tx,
    `insert into off_balance_register (loan_id, movement_date, kind, amount_fen, reversal, entry_id, buyer_organisation_id, collection_event_id)
       select l.loan_id, :date, 'opening', ${CLAIM}, 0, :entryId, null, null ${opening.opening} order by l.id`,
  ).run({ ...params, entryId, date });
}
