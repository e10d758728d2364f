import type { putBackReasons } from '../../../db';
import { recordAudit } from '../../audit';
import { Problem, type VerbContext, ZERO_FEN } from '../../shared';
import { bookPutBack } from './put-back-booking';
import {
  addPutBackToSale,
  allocatedPrice,
  allocationOf,
  exitOf,
  findPutBack,
  insertPutBack,
  livePutBack,
  recordPutBackFact,
  releaseReturnedLoan,
  updatePutBack,
  type PutBackRow,
} from './put-back-repository';
import { insertExits } from './sale-repository';
import { putBackDeadline, requireSale, saleReference } from './settlement';

export interface PutBackClaim {
  loanId: string;
  reason: (typeof putBackReasons)[number];
  detail?: string | undefined;
}

/**
 * A buyer returns an account of a settled sale it bought, within the put-back window (settlement
 * + the window's days), with a reason (docs/domain.md §5: bankrupt or deceased before closing, paid,
 * fraud, ineligible). The seller decides; nothing moves until it accepts.
 * @throws Problem not_found (not the buyer's sale); conflict (not settled, window closed, loan not in the sale, asked already)
 */
export function requestPutBack(
  { tx, deps, actor }: VerbContext,
  {
    saleId,
    buyerOrganisationId,
    ...claim
  }: PutBackClaim & { saleId: number; buyerOrganisationId: number },
): PutBackRow {
  const sale = requireSale(tx, saleId, buyerOrganisationId);
  const deadline = putBackDeadline(sale);
  if (deadline === null)
    throw new Problem('conflict', `sale ${saleId} is not settled: put-backs follow settlement`);
  const today = deps.clock.today();
  if (today > deadline)
    throw new Problem('conflict', `the put-back window of sale ${saleId} closed on ${deadline}`, {
      putBackDeadline: deadline,
    });
  if (allocatedPrice(tx, saleId, claim.loanId) === undefined)
    throw new Problem('conflict', `loan ${claim.loanId} was not sold in sale ${saleId}`);
  const exit = exitOf(tx, saleId, claim.loanId);
  if (exit?.kind === 'bring_down')
    throw new Problem(
      'conflict',
      `loan ${claim.loanId} left the sale at the bring-down on ${exit.exitDate} (${exit.reason}): it was never sold`,
    );
  const live = livePutBack(tx, saleId, claim.loanId);
  if (live)
    throw new Problem(
      'conflict',
      `loan ${claim.loanId} is already put back (${live.status}) as put-back ${live.id}`,
    );
  const row = insertPutBack(tx, {
    saleId,
    loanId: claim.loanId,
    reason: claim.reason,
    detail: claim.detail ?? null,
    status: 'requested',
    requestedAt: deps.clock.now(),
    requestedByUserId: actor.userId,
  });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'transfer.put_back.requested',
    targetType: 'sale',
    targetId: saleId,
    detail: { putBackId: row.id, loanId: claim.loanId, reason: claim.reason },
  });
  return row;
}

/**
 * The seller's decision on a put-back. Accepting refunds the loan's allocated price, reverses the
 * sale for that loan in the ledger (`bookPutBack`), returns the loan to the seller's book and lets
 * the sold portfolio go of it; the loan leaves the sale (its net figures, later packages and
 * notices) and the fact it was put back for (bankrupt, deceased, fraud) is set on the loan.
 * Deciding a decided put-back again changes nothing.
 * @throws Problem not_found; as `bookPutBack`
 */
export function decidePutBack(
  ctx: VerbContext,
  { putBackId, ...decision }: { putBackId: number; accept: boolean; note?: string | undefined },
): PutBackRow {
  const { tx, deps, actor } = ctx;
  const putBack = findPutBack(tx, putBackId);
  if (!putBack) throw new Problem('not_found', `no put-back ${putBackId}`);
  if (putBack.status !== 'requested') return putBack;
  const decided = {
    decidedAt: deps.clock.now(),
    decidedBy: actor.label,
    decisionNote: decision.note ?? null,
  };
  if (!decision.accept)
    return audited(ctx, updatePutBack(tx, putBackId, { ...decided, status: 'rejected' }));
  const sale = requireSale(tx, putBack.saleId);
  const allocation = allocationOf(tx, sale.id, putBack.loanId);
  const refundFen = allocation?.priceFen ?? ZERO_FEN;
  const claimFen = allocation?.claimFen ?? ZERO_FEN;
  const booked = bookPutBack(ctx, {
    saleReference: saleReference(sale.id),
    loanId: putBack.loanId,
    refundFen,
    date: deps.clock.today(),
    reason: `${putBack.reason}${putBack.detail ? `: ${putBack.detail}` : ''}`,
  });
  releaseReturnedLoan(tx, sale.portfolioId, putBack.loanId);
  // The sale's record follows: the loan leaves it (no later package or notice lists it), its net
  // figures drop the loan and the refund, and the fact the buyer proved is set on the loan.
  insertExits(tx, [
    {
      saleId: sale.id,
      loanId: putBack.loanId,
      kind: 'put_back',
      reason: putBack.reason,
      exitDate: deps.clock.today(),
      claimFen,
      priceFen: refundFen,
      refundFen,
    },
  ]);
  addPutBackToSale(tx, sale.id, { claimFen, refundFen });
  recordPutBackFact(tx, putBack.loanId, putBack.reason);
  return audited(
    ctx,
    updatePutBack(tx, putBackId, {
      ...decided,
      status: 'accepted',
      refundFen,
      entryId: booked.entryId,
    }),
  );
}

function audited({ tx, deps, actor }: VerbContext, putBack: PutBackRow): PutBackRow {
  recordAudit(tx, actor, deps.clock.now(), {
    action: `transfer.put_back.${putBack.status}`,
    targetType: 'sale',
    targetId: putBack.saleId,
    detail: { putBackId: putBack.id, loanId: putBack.loanId, refundFen: putBack.refundFen },
  });
  return putBack;
}
