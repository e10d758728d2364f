import type { DbOrTx } from '../../db/client';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppDeps } from '../shared/deps';
import type { IsoDate } from '../shared/dates';
import type { Fen } from '../shared/money';
import { Problem, type FieldError } from '../shared/problem';
import { sourceIsPosted } from './journal-repository';
import { loanStatuses, moveLoanStatus } from './loan-repository';
import { ledgerPolicyOf } from './policy';
import { entryHeader, postEntry } from './post-entry';
import { insertMovement, registerPositions } from './register-repository';
import { saleLines } from './sale-lines';

export interface SaleRequest {
  /** The sale's reference in the transfer workflow; one sale is booked once. */
  reference: string;
  buyerOrganisationId: number;
  date: IsoDate;
  /** The whole price: the sum of the loans' prices. */
  priceFen: Fen;
  loans: { loanId: string; priceFen: Fen }[];
  actor: AuditActor;
}

export interface BookedSale {
  entryId: number;
  loans: number;
  priceFen: Fen;
  /** The claims that left the off-balance register, marked sold to the buyer. */
  claimFen: Fen;
}

function assertPriceAllocated(request: SaleRequest): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  request.loans.forEach((loan, index) => {
    if (seen.has(loan.loanId)) errors.push({ field: `loans.${index}.loanId`, value: loan.loanId, message: 'the loan is listed twice' });
    seen.add(loan.loanId);
    if (!Number.isSafeInteger(loan.priceFen) || loan.priceFen < 0) errors.push({ field: `loans.${index}.priceFen`, value: loan.priceFen, message: 'a price is whole fen, not negative' });
  });
  const allocatedFen = request.loans.reduce((sum, loan) => sum + loan.priceFen, 0);
  if (request.loans.length === 0) errors.push({ field: 'loans', message: 'a sale sells at least one loan' });
  else if (allocatedFen !== request.priceFen) errors.push({ field: 'priceFen', value: request.priceFen, message: `the loans' prices sum to ${allocatedFen} fen` });
  if (errors.length > 0) throw new Problem('validation_failed', `sale ${request.reference} is not well formed`, { errors });
}

/**
 * Books the sale of written-off loans (债权转让), inside the caller's transaction: one `sale` entry
 * (per loan: Dr cash for its price / Cr allowance or gain on transfer; Dr 7002 / Cr 7001 for the
 * claim still on file), the claims leave the register as `sold` with the buyer, and the loans
 * become `sold`. Only a charged-off loan with a claim on file can be sold, on or after the date it
 * was written off.
 * @throws Problem validation_failed for a price not allocated to the loans; conflict for a sale
 *   booked before or a loan that cannot be sold
 */
export function bookSale(tx: DbOrTx, deps: AppDeps, request: SaleRequest): BookedSale {
  assertPriceAllocated(request);
  const sourceRef = `sale:${request.reference}`;
  if (sourceIsPosted(deps, ['sale'], sourceRef)) throw new Problem('conflict', `sale ${request.reference} is already booked`);
  const loanIds = request.loans.map((loan) => loan.loanId);
  const statuses = loanStatuses(deps, loanIds);
  const positions = registerPositions(deps, loanIds);
  const errors: FieldError[] = [];
  request.loans.forEach(({ loanId }, index) => {
    const status = statuses.get(loanId);
    const position = positions.get(loanId);
    const problem =
      status === undefined ? 'no such loan'
      : status !== 'charged_off' ? `the loan is ${status}, not charged_off`
      : !position || position.balanceFen <= 0 ? 'no claim of the loan is on file'
      : position.enteredOn !== null && request.date < position.enteredOn ? `the loan was written off on ${position.enteredOn}, after the sale date`
      : undefined;
    if (problem) errors.push({ field: `loans.${index}.loanId`, value: loanId, message: problem });
  });
  if (errors.length > 0) throw new Problem('conflict', `${errors.length} loan(s) of sale ${request.reference} cannot be sold`, { errors });

  const policy = ledgerPolicyOf(deps.config);
  const claimOf = (loanId: string) => positions.get(loanId)?.balanceFen ?? 0;
  const memo = `Sale ${request.reference} of written-off loans to buyer organisation ${request.buyerOrganisationId}`;
  const header = entryHeader(deps, request.actor, { entryDate: request.date, kind: 'sale', memo, sourceRef });
  // A generator, not an array: a million-loan sale is posted without holding its four million lines.
  const lines = function* () {
    for (const loan of request.loans) yield saleLines(loan.loanId, loan.priceFen, claimOf(loan.loanId), policy);
  };
  const { entryId } = postEntry(tx, deps, header, lines());
  let claimFen = 0;
  for (const { loanId } of request.loans) {
    claimFen += claimOf(loanId);
    const movement = { loanId, movementDate: request.date, kind: 'sold', amountFen: -claimOf(loanId), reversal: false, entryId } as const;
    insertMovement(deps, { ...movement, buyerOrganisationId: request.buyerOrganisationId, collectionEventId: null });
  }
  moveLoanStatus(deps, loanIds, 'charged_off', 'sold');
  const booked = { entryId, loans: loanIds.length, priceFen: request.priceFen, claimFen };
  recordAudit(tx, request.actor, deps.clock.now(), {
    action: 'ledger.sale.booked',
    targetType: 'journal_entry',
    targetId: entryId,
    detail: { reference: request.reference, buyerOrganisationId: request.buyerOrganisationId, ...booked },
  });
  return booked;
}
