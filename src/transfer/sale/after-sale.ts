import type { DbOrTx } from '../../../db';
import { type IsoDate, Problem, type VerbContext } from '../../shared';
import { forwardCollections, type ForwardingResult } from './forwarding';
import { forwardingStatement, type ForwardingStatement } from './forwarding-statement';
import { requireSale, saleReference } from './settlement';

/**
 * The sale's forwarding statement (docs/domain.md §5): collections after the cut-off owed to its buyer,
 * due dates, what was forwarded; as the seller or, with `buyerOrganisationId`, as that buyer sees it.
 * @throws Problem not_found
 */
export function saleForwardingStatement(
  tx: DbOrTx,
  saleId: number,
  asOf: IsoDate,
  buyerOrganisationId?: number,
): ForwardingStatement {
  const sale = requireSale(tx, saleId, buyerOrganisationId);
  return forwardingStatement(tx, {
    buyerOrganisationId: sale.buyerOrganisationId,
    asOf,
    saleReference: saleReference(saleId),
  });
}

/**
 * Forwards to the buyer what the sale's statement shows outstanding on `date` (or the payables
 * named), booked through the ledger once per payment reference.
 * @throws Problem not_found; conflict when nothing is outstanding; as `forwardCollections`
 */
export function forwardSaleCollections(
  ctx: VerbContext,
  {
    saleId,
    ...request
  }: { saleId: number; reference: string; date: IsoDate; payableIds?: number[] | undefined },
): ForwardingResult {
  const { tx } = ctx;
  const sale = requireSale(tx, saleId);
  const outstanding = saleForwardingStatement(tx, saleId, request.date)
    .items.filter((item) => item.forwardedOn === null)
    .map((item) => item.payableId);
  const payableIds = request.payableIds ?? outstanding;
  if (payableIds.length === 0)
    throw new Problem(
      'conflict',
      `sale ${saleId} owes its buyer nothing outstanding on ${request.date}`,
    );
  return forwardCollections(ctx, {
    reference: request.reference,
    buyerOrganisationId: sale.buyerOrganisationId,
    date: request.date,
    payableIds,
  });
}
