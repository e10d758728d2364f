import { recordAudit } from '../../audit';
import { entryHeader, insertMovement, postEntry, sourceIsPosted } from '../../ledger';
import { moveLoans } from '../../loans';
import { type IsoDate, type Fen, Problem, type VerbContext } from '../../shared';
import { saleBookings } from './booked-sale-repository';
import { putBackLines } from './put-back-lines';
import { assertNotBefore, loansNotInSale, standingSale } from './sale-standing';

export interface PutBackRequest {
  saleReference: string;
  loanId: string;
  /** What the seller pays back: the loan's allocated price, at most. */
  refundFen: Fen;
  date: IsoDate;
  reason: string;
}

export interface BookedPutBack {
  entryId: number;
  loanId: string;
  buyerOrganisationId: number;
  refundFen: Fen;
  /** The claim back on the off-balance register: what left it at the sale. */
  claimFen: Fen;
}

/**
 * Books a loan the buyer returns within the put-back window (the window itself is the transfer
 * workflow's to check), inside the caller's transaction: one `put_back` entry (see `putBackLines`),
 * a `put_back` register movement with the buyer putting the sold claim back on file, and the loan
 * charged off again, so it can be recovered or sold anew. Once per loan and sale. Collections
 * already owed to the buyer for the loan stay owed: what they change in the refund is the
 * caller's to net.
 * @throws Problem not_found (sale not booked), validation_failed (refund not whole fen, above the
 *   loan's price, or a date before the sale), conflict (sale reversed; loan not in the sale, put
 *   back already, or no longer sold in it)
 */
export function bookPutBack(ctx: VerbContext, request: PutBackRequest): BookedPutBack {
  const { tx, deps, actor } = ctx;
  const sale = standingSale(tx, request.saleReference);
  assertNotBefore('date', request.date, sale.saleDate, 'the sale');
  const sourceRef = `put_back:${request.saleReference}:${request.loanId}`;
  if (sourceIsPosted(tx, ['put_back'], sourceRef))
    throw new Problem(
      'conflict',
      `loan ${request.loanId} is already put back from sale ${request.saleReference}`,
    );
  const booking = saleBookings(tx, sale.entryId, [request.loanId]).get(request.loanId);
  const errors = loansNotInSale(tx, sale, new Set(booking ? [request.loanId] : []), [
    request.loanId,
  ]);
  if (!booking || errors.length > 0)
    throw new Problem(
      'conflict',
      `loan ${request.loanId} cannot be put back from sale ${request.saleReference}`,
      { errors },
    );
  if (
    !Number.isSafeInteger(request.refundFen) ||
    request.refundFen < 0 ||
    request.refundFen > booking.priceFen
  ) {
    const message = `a refund is whole fen, from 0 to the ${booking.priceFen} fen the loan was sold for`;
    throw new Problem('validation_failed', `refund ${message}`, {
      errors: [{ field: 'refundFen', value: request.refundFen, message }],
    });
  }

  const memo = `Put-back of loan ${request.loanId} from sale ${request.saleReference}: ${request.reason}`;
  const header = entryHeader(deps, actor, {
    entryDate: request.date,
    kind: 'put_back',
    memo,
    sourceRef,
  });
  const { entryId } = postEntry(tx, deps, header, [putBackLines(booking, request.refundFen)]);
  const { buyerOrganisationId, claimFen } = booking;
  insertMovement(tx, {
    loanId: request.loanId,
    movementDate: request.date,
    kind: 'put_back',
    amountFen: claimFen,
    reversal: false,
    entryId,
    buyerOrganisationId,
    collectionEventId: null,
  });
  moveLoans(tx, 'return_to_seller', [request.loanId]);
  const booked = {
    entryId,
    loanId: request.loanId,
    buyerOrganisationId,
    refundFen: request.refundFen,
    claimFen,
  };
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.put_back.booked',
    targetType: 'journal_entry',
    targetId: entryId,
    detail: { saleReference: request.saleReference, reason: request.reason, ...booked },
  });
  return booked;
}
