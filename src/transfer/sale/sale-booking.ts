import { type DbOrTx, prepared } from '../../../db';
import { recordAudit } from '../../audit';
import {
  accounts,
  entryHeader,
  ledgerPolicyOf,
  postEntry,
  registerPositions,
  sourceIsPosted,
} from '../../ledger';
import { moveLoans } from '../../loans';
import {
  type IsoDate,
  type Fen,
  Problem,
  type FieldError,
  saleChunkLoans,
  type VerbContext,
  ZERO_FEN,
} from '../../shared';
import { loanStatuses } from './booked-sale-repository';
import { saleLines } from './sale-lines';

export interface SaleRequest {
  /** The sale's reference in the transfer workflow; one sale is booked once. */
  reference: string;
  buyerOrganisationId: number;
  date: IsoDate;
  /** The whole price: the sum of the loans' prices. */
  priceFen: Fen;
  loans: { loanId: string; priceFen: Fen }[];
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
    if (seen.has(loan.loanId))
      errors.push({
        field: `loans.${index}.loanId`,
        value: loan.loanId,
        message: 'the loan is listed twice',
      });
    seen.add(loan.loanId);
    if (!Number.isSafeInteger(loan.priceFen) || loan.priceFen < 0)
      errors.push({
        field: `loans.${index}.priceFen`,
        value: loan.priceFen,
        message: 'a price is whole fen, not negative',
      });
  });
  const allocatedFen = request.loans.reduce((sum, loan) => sum + loan.priceFen, 0);
  if (request.loans.length === 0)
    errors.push({ field: 'loans', message: 'a sale sells at least one loan' });
  else if (allocatedFen !== request.priceFen)
    errors.push({
      field: 'priceFen',
      value: request.priceFen,
      message: `the loans' prices sum to ${allocatedFen} fen`,
    });
  if (errors.length > 0)
    throw new Problem('validation_failed', `sale ${request.reference} is not well formed`, {
      errors,
    });
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
export function bookSale(ctx: VerbContext, request: SaleRequest): BookedSale {
  const { tx, deps, actor } = ctx;
  assertPriceAllocated(request);
  const sourceRef = `sale:${request.reference}`;
  if (sourceIsPosted(tx, ['sale'], sourceRef))
    throw new Problem('conflict', `sale ${request.reference} is already booked`);
  const errors = [...inChunks(request.loans)].flatMap(({ offset, loans }) =>
    unsellable(tx, request.date, loans, offset),
  );
  if (errors.length > 0)
    throw new Problem(
      'conflict',
      `${errors.length} loan(s) of sale ${request.reference} cannot be sold`,
      { errors },
    );

  const policy = ledgerPolicyOf(deps.config);
  const memo = `Sale ${request.reference} of written-off loans to buyer organisation ${request.buyerOrganisationId}`;
  const header = entryHeader(deps, actor, {
    entryDate: request.date,
    kind: 'sale',
    memo,
    sourceRef,
  });
  // A chunk of loans at a time, their lines from a generator: a million-loan sale is posted without
  // holding its four million lines, nor a million register positions.
  const lines = function* () {
    for (const { loans } of inChunks(request.loans)) {
      const positions = registerPositions(
        tx,
        loans.map((loan) => loan.loanId),
      );
      for (const loan of loans)
        yield saleLines(
          loan.loanId,
          loan.priceFen,
          positions.get(loan.loanId)?.balanceFen ?? ZERO_FEN,
          policy,
        );
    }
  };
  const { entryId } = postEntry(tx, deps, header, lines());
  const claimFen = insertSoldMovements(tx, entryId, request);
  const loanIds = request.loans.map((loan) => loan.loanId);
  moveLoans(tx, 'sell', loanIds);
  const booked = { entryId, loans: loanIds.length, priceFen: request.priceFen, claimFen };
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.sale.booked',
    targetType: 'journal_entry',
    targetId: entryId,
    detail: {
      reference: request.reference,
      buyerOrganisationId: request.buyerOrganisationId,
      ...booked,
    },
  });
  return booked;
}

function* inChunks<L>(loans: readonly L[]): Generator<{ offset: number; loans: readonly L[] }> {
  for (let offset = 0; offset < loans.length; offset += saleChunkLoans)
    yield { offset, loans: loans.slice(offset, offset + saleChunkLoans) };
}

/** Why each of these loans (the request's from `offset` on) cannot be sold on `date`: only a charged-off loan with a claim on file, written off by then. */
function unsellable(
  tx: DbOrTx,
  date: IsoDate,
  loans: readonly { loanId: string }[],
  offset: number,
): FieldError[] {
  const loanIds = loans.map((loan) => loan.loanId);
  const statuses = loanStatuses(tx, loanIds);
  const positions = registerPositions(tx, loanIds);
  const errors: FieldError[] = [];
  loanIds.forEach((loanId, index) => {
    const status = statuses.get(loanId);
    const position = positions.get(loanId);
    const problem =
      status === undefined
        ? 'no such loan'
        : status !== 'charged_off'
          ? `the loan is ${status}, not charged_off`
          : !position || position.balanceFen <= 0
            ? 'no claim of the loan is on file'
            : position.enteredOn !== null && date < position.enteredOn
              ? `the loan was written off on ${position.enteredOn}, after the sale date`
              : undefined;
    if (problem)
      errors.push({ field: `loans.${offset + index}.loanId`, value: loanId, message: problem });
  });
  return errors;
}

/**
 * The `sold` register movement of each loan: the claim that left the register is the loan's
 * Cr 7001 line of the sale entry, so the movements are written from the posted lines in one
 * statement. Returns the claims' total.
 */
function insertSoldMovements(tx: DbOrTx, entryId: number, request: SaleRequest): Fen {
  const params = {
    entryId,
    date: request.date,
    buyer: request.buyerOrganisationId,
    memo: accounts.writtenOffMemo,
  };
  prepared(
    tx,
    `insert into off_balance_register (loan_id, movement_date, kind, amount_fen, reversal, entry_id, buyer_organisation_id, collection_event_id)
     select loan_id, :date, 'sold', -credit_fen, 0, :entryId, :buyer, null from journal_lines
      where entry_id = :entryId and account_code = :memo and credit_fen > 0 order by line_no`,
  ).run(params);
  return (
    prepared(
      tx,
      'select coalesce(sum(credit_fen), 0) as fen from journal_lines where entry_id = :entryId and account_code = :memo',
    ).get(params) as { fen: Fen }
  ).fen;
}

/** Reversing a sale's entry charges its loans off again: they are back in the seller's register. */
export function returnReversedSaleLoans(
  { tx }: VerbContext,
  { loanIds }: { loanIds: readonly string[] },
): void {
  moveLoans(tx, 'return_to_seller', loanIds);
}
