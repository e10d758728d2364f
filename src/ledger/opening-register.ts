import type { DbOrTx } from '../../db/client';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppDeps } from '../shared/deps';
import type { IsoDate } from '../shared/dates';
import type { Fen } from '../shared/money';
import { Problem } from '../shared/problem';
import { sourceIsPosted } from './journal-repository';
import { entryHeader, postEntry } from './post-entry';
import { insertMovement, registerPositions } from './register-repository';
import { statement } from './statements';
import { claimFenOf, openingRegisterLines } from './write-off-lines';

export interface OpeningRequest {
  importId: number;
  /** Only these loans of the import; all its charged-off loans when absent. */
  loanIds?: readonly string[];
  /** The date the claims enter the register; the latest tape date of the loans when absent. */
  date?: IsoDate;
  actor: AuditActor;
}

export interface OpeningRegister {
  entryId: number | null;
  loans: number;
  claimFen: Fen;
  skipped: { loanId: string; reason: 'already_on_register' | 'no_claim' }[];
}

interface ChargedOffLoan {
  loanId: string;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  tapeDate: IsoDate;
}

function importedChargedOffLoans(deps: AppDeps, request: OpeningRequest): ChargedOffLoan[] {
  const rows = statement(
    deps,
    `select loan_id as loanId, principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen, tape_date as tapeDate
       from loans where import_id = ? and status = 'charged_off' order by id`,
  ).all(request.importId) as ChargedOffLoan[];
  if (!request.loanIds) return rows;
  const wanted = new Set(request.loanIds);
  return rows.filter((loan) => wanted.has(loan.loanId));
}

/**
 * Brings the loans a tape delivered already written off (a lender moving its bad book onto the
 * platform) into the off-balance register, inside the caller's transaction: one
 * `write_off_opening` entry per import (Dr 7001 / Cr 7002 per loan for its full claim on the tape)
 * and an `opening` movement per loan, so the register covers the whole written-off book. Loans
 * already on the register, or owing nothing, are skipped and reported.
 * @throws Problem conflict when the import's opening entry is already posted
 */
export function postOpeningRegister(tx: DbOrTx, deps: AppDeps, request: OpeningRequest): OpeningRegister {
  const sourceRef = `file_import:${request.importId}`;
  if (sourceIsPosted(deps, ['write_off_opening'], sourceRef)) throw new Problem('conflict', `the opening register entry of import ${request.importId} is already posted`);
  const loans = importedChargedOffLoans(deps, request);
  const positions = registerPositions(deps, loans.map((loan) => loan.loanId));
  const skipped: OpeningRegister['skipped'] = [];
  const opened = loans.filter((loan) => {
    const reason = (positions.get(loan.loanId)?.claimInFen ?? 0) > 0 ? 'already_on_register' : claimFenOf(loan) === 0 ? 'no_claim' : undefined;
    if (reason) skipped.push({ loanId: loan.loanId, reason });
    return reason === undefined;
  });
  if (opened.length === 0) return { entryId: null, loans: 0, claimFen: 0, skipped };
  const date = request.date ?? opened.reduce((latest, loan) => (loan.tapeDate > latest ? loan.tapeDate : latest), opened[0]?.tapeDate ?? '');
  const memo = `Opening register: loans of import ${request.importId} delivered already written off (账销案存)`;
  const header = entryHeader(deps, request.actor, { entryDate: date, kind: 'write_off_opening', memo, sourceRef });
  const { entryId } = postEntry(tx, deps, header, opened.map((loan) => openingRegisterLines(loan.loanId, claimFenOf(loan))));
  let claimFen = 0;
  for (const loan of opened) {
    claimFen += claimFenOf(loan);
    const movement = { loanId: loan.loanId, movementDate: date, kind: 'opening', amountFen: claimFenOf(loan), reversal: false, entryId } as const;
    insertMovement(deps, { ...movement, buyerOrganisationId: null, collectionEventId: null });
  }
  const result = { entryId, loans: opened.length, claimFen, skipped };
  recordAudit(tx, request.actor, deps.clock.now(), {
    action: 'ledger.opening_register.posted',
    targetType: 'file_import',
    targetId: request.importId,
    detail: { entryId, loans: opened.length, claimFen, skipped: skipped.length },
  });
  return result;
}
