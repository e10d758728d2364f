import type { z } from '@hono/zod-openapi';
import { changeView } from '../portfolios';
import { type AppDeps, type IsoDate, formatFen } from '../shared';
import { acceptsBids, type BidRoundRow, type BidRow, standingBids } from './bids';
import type { BuyerRow, OfferRow } from './offers';
import {
  type ForwardingResult,
  type ForwardingStatement,
  putBackDeadline,
  type PutBackRow,
  saleFigures,
  saleForwardingStatement,
  type SaleRow,
  type Settlement,
} from './sale';
import type * as schemas from './schemas';

export function offerView({
  offer,
  buyer,
}: {
  offer: OfferRow;
  buyer: BuyerRow;
}): z.infer<typeof schemas.OfferViewSchema> {
  return {
    buyerOrganisation: { id: buyer.id, name: buyer.name, type: buyer.type },
    offeredAt: offer.offeredAt,
    offeredBy: offer.offeredBy,
  };
}

function bidViews(bids: readonly BidRow[]): z.infer<typeof schemas.BidViewSchema>[] {
  const standing = new Set(standingBids(bids).map((bid) => bid.id));
  return bids.map((bid) => ({
    id: bid.id,
    buyerOrganisationId: bid.buyerOrganisationId,
    price: formatFen(bid.priceFen),
    validUntil: bid.validUntil,
    conditions: bid.conditions,
    submittedAt: bid.submittedAt,
    standing: standing.has(bid.id),
  }));
}

const roundBase = (round: BidRoundRow, now: string) => ({
  id: round.id,
  portfolioId: round.portfolioId,
  name: round.name,
  deadline: round.deadline,
  open: acceptsBids(round.deadline, now),
});

/** The seller's view of a round: the reserve and every bid. */
export function sellerRoundView(
  { round, bids }: { round: BidRoundRow; bids: BidRow[] },
  now: string,
): z.infer<typeof schemas.SellerRoundSchema> {
  return {
    ...roundBase(round, now),
    reservePrice: round.reservePriceFen === null ? null : formatFen(round.reservePriceFen),
    bids: bidViews(bids),
  };
}

/** A buyer's view of a round: its own bids only, and no reserve. */
export function buyerRoundView(
  { round, bids }: { round: BidRoundRow; bids: BidRow[] },
  now: string,
): z.infer<typeof schemas.BuyerRoundSchema> {
  return { ...roundBase(round, now), bids: bidViews(bids) };
}

export function saleView(sale: SaleRow): z.infer<typeof schemas.SaleViewSchema> {
  const { settled, putBacks, net } = saleFigures(sale);
  return {
    id: sale.id,
    portfolioId: sale.portfolioId,
    buyerOrganisationId: sale.buyerOrganisationId,
    bidId: sale.bidId,
    awardKind: sale.awardKind,
    status: sale.status,
    price: formatFen(sale.priceFen),
    claim: formatFen(sale.claimFen),
    priceShareOfClaim: sale.claimFen > 0 ? sale.priceFen / sale.claimFen : 0,
    loanCount: sale.loanCount,
    cutOffDate: sale.cutOffDate,
    contractEffectiveDate: sale.contractEffectiveDate,
    deliveryDate: sale.deliveryDate,
    putBackWindowDays: sale.putBackWindowDays,
    putBackDeadline: putBackDeadline(sale),
    awardedAt: sale.awardedAt,
    signedAt: sale.signedAt,
    settledAt: sale.settledAt,
    receivedOn: sale.receivedOn,
    entryId: sale.entryId,
    cancelledAt: sale.cancelledAt,
    cancelReason: sale.cancelReason,
    settledPrice: settled ? formatFen(settled.priceFen) : null,
    settledClaim: settled ? formatFen(settled.claimFen) : null,
    settledLoanCount: settled ? settled.loans : null,
    refunds: formatFen(putBacks.priceFen),
    putBacks: putBacks.loans,
    netPrice: formatFen(net.priceFen),
    netClaim: formatFen(net.claimFen),
    netLoanCount: net.loans,
  };
}

/** The settlement answer: the sale, what was booked, the bring-down and the loans it took out. */
export function settlementView(settlement: Settlement): z.infer<typeof schemas.SettlementSchema> {
  return {
    sale: saleView(settlement.sale),
    booked: settlement.booked,
    interimCollections: formatFen(settlement.interimCollectionsFen),
    bringDown: settlement.changes.map(changeView),
    removed: {
      loans: settlement.removed.map((loan) => ({
        loanId: loan.loanId,
        rules: loan.firedRules,
        claim: formatFen(loan.claimFen),
        price: formatFen(loan.priceFen),
      })),
      priceBefore: formatFen(settlement.priceBeforeFen),
      priceAfter: formatFen(settlement.priceAfterFen),
    },
  };
}

export function putBackView(putBack: PutBackRow): z.infer<typeof schemas.PutBackViewSchema> {
  const {
    id,
    saleId,
    loanId,
    reason,
    detail,
    status,
    requestedAt,
    decidedAt,
    decidedBy,
    decisionNote,
    entryId,
  } = putBack;
  return {
    id,
    saleId,
    loanId,
    reason,
    detail,
    status,
    requestedAt,
    decidedAt,
    decidedBy,
    decisionNote,
    refund: putBack.refundFen === null ? null : formatFen(putBack.refundFen),
    entryId,
  };
}

/** The forwarding statement of a sale on `asOf` (today when absent), as the seller or that buyer sees it. */
export function forwardingStatementResponse(
  deps: AppDeps,
  saleId: number,
  asOf: IsoDate | undefined,
  buyerOrganisationId?: number,
): z.infer<typeof schemas.ForwardingStatementSchema> {
  return forwardingStatementView(
    saleId,
    deps.db.transaction((tx) =>
      saleForwardingStatement(tx, saleId, asOf ?? deps.clock.today(), buyerOrganisationId),
    ),
  );
}

function forwardingStatementView(
  saleId: number,
  statement: ForwardingStatement,
): z.infer<typeof schemas.ForwardingStatementSchema> {
  const { totals } = statement;
  return {
    saleId,
    buyerOrganisationId: statement.buyerOrganisationId,
    asOf: statement.asOf,
    items: statement.items.map(({ saleReference: _sale, amountFen, ...item }) => ({
      ...item,
      amount: formatFen(amountFen),
    })),
    totals: {
      items: totals.items,
      owed: formatFen(totals.owedFen),
      forwarded: formatFen(totals.forwardedFen),
      outstanding: formatFen(totals.outstandingFen),
      overdue: formatFen(totals.overdueFen),
    },
  };
}

export function forwardingView(
  forwarding: ForwardingResult,
): z.infer<typeof schemas.ForwardingSchema> {
  const { amountFen, replayed, ...rest } = forwarding;
  return { ...rest, amount: formatFen(amountFen), replayed: replayed === true };
}
