import { recordAudit } from '../../audit';
import { requirePortfolio, transitionPortfolio } from '../../portfolios';
import { Problem, type VerbContext } from '../../shared';
import { updateSale, type SaleRow } from './sale-repository';
import { requireSale } from './settlement';

/**
 * The seller calls off an award or a signed sale not yet settled (the buyer did not pay, the
 * contract fell through): the sale becomes `cancelled`, with its reason, in the audit trail. Its
 * bids, rounds and allocation stay as they were (sealed bids are never deleted); the portfolio goes
 * back to `offered`, where the seller may award another qualified bid or open a new round. The
 * cancelled buyer's P2 entitlement ends with it. A settled sale is booked: put-backs or a reversal
 * in the ledger undo it, not a cancellation. Cancelling a cancelled sale changes nothing.
 * @throws Problem not_found; conflict for a settled sale
 */
export function cancelSale(
  ctx: VerbContext,
  { saleId, reason }: { saleId: number; reason: string },
): SaleRow {
  const { tx, deps, actor } = ctx;
  const sale = requireSale(tx, saleId);
  if (sale.status === 'cancelled') return sale;
  if (sale.status === 'settled')
    throw new Problem(
      'conflict',
      `sale ${saleId} is settled: a settled sale is undone by put-backs or a reversal in the ledger, not cancelled`,
    );
  const now = deps.clock.now();
  const cancelled = updateSale(tx, saleId, {
    status: 'cancelled',
    cancelledAt: now,
    cancelledBy: actor.label,
    cancelReason: reason,
  });
  // A portfolio withdrawn since the award stays withdrawn; an awarded one is on offer again.
  if (requirePortfolio(tx, sale.portfolioId).status === 'awarded')
    transitionPortfolio(ctx, {
      portfolioId: sale.portfolioId,
      to: 'offered',
      reason: `sale ${saleId} cancelled: ${reason}`,
    });
  recordAudit(tx, actor, now, {
    action: 'transfer.sale.cancelled',
    targetType: 'sale',
    targetId: saleId,
    detail: { portfolioId: sale.portfolioId, from: sale.status, reason },
  });
  return cancelled;
}
