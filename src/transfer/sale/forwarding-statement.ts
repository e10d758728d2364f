import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  type DbOrTx,
  buyerForwardingItems,
  buyerForwardings,
  buyerPayables,
  journalEntries,
} from '../../../db';
import { addFen, type IsoDate, type Fen, ZERO_FEN } from '../../shared';

/** One collection owed to the buyer, as the statement lists it. */
export interface ForwardingItem {
  payableId: number;
  loanId: string;
  saleReference: string;
  collectionEventId: number;
  receivedDate: IsoDate;
  bookedOn: IsoDate;
  amountFen: Fen;
  dueDate: IsoDate;
  /** The forwarding that paid it, if dated by the statement's date. */
  forwardedOn: IsoDate | null;
  forwardingReference: string | null;
  /** Still outstanding at the statement's date and past its due date. */
  overdue: boolean;
}

export interface ForwardingTotals {
  items: number;
  owedFen: Fen;
  forwardedFen: Fen;
  /** owed − forwarded: over all buyers, the credit balance of account 2242 at the same date. */
  outstandingFen: Fen;
  overdueFen: Fen;
}

export interface ForwardingStatement {
  buyerOrganisationId: number;
  asOf: IsoDate;
  items: ForwardingItem[];
  totals: ForwardingTotals;
}

export interface ForwardingStatementRequest {
  buyerOrganisationId: number;
  /** The statement's date: items booked by then, forwarded by then, overdue at then. */
  asOf: IsoDate;
  /** Only the collections of this sale, or of these loans. */
  saleReference?: string;
  loanIds?: string[];
}

/** Totals of the items: owed is everything listed, outstanding what is not forwarded. */
function forwardingTotals(items: readonly ForwardingItem[]): ForwardingTotals {
  const totals = {
    items: items.length,
    owedFen: ZERO_FEN,
    forwardedFen: ZERO_FEN,
    outstandingFen: ZERO_FEN,
    overdueFen: ZERO_FEN,
  };
  for (const item of items) {
    totals.owedFen = addFen(totals.owedFen, item.amountFen);
    if (item.forwardedOn === null)
      totals.outstandingFen = addFen(totals.outstandingFen, item.amountFen);
    else totals.forwardedFen = addFen(totals.forwardedFen, item.amountFen);
    if (item.overdue) totals.overdueFen = addFen(totals.overdueFen, item.amountFen);
  }
  return totals;
}

/**
 * The forwarding statement of a buyer as of a date (the settlement statement's interim-collection
 * annex, and what `GET /sales/:id/forwarding` shows): each collection owed, when it is due, whether
 * and when it was forwarded, overdue flags, and totals. By due date.
 */
export function forwardingStatement(
  db: DbOrTx,
  request: ForwardingStatementRequest,
): ForwardingStatement {
  const booking = alias(journalEntries, 'booking');
  const sale = alias(journalEntries, 'sale');
  const rows = db
    .select({
      payableId: buyerPayables.id,
      loanId: buyerPayables.loanId,
      saleSourceRef: sale.sourceRef,
      collectionEventId: buyerPayables.collectionEventId,
      receivedDate: buyerPayables.receivedDate,
      bookedOn: booking.entryDate,
      amountFen: buyerPayables.amountFen,
      dueDate: buyerPayables.dueDate,
      forwardedOn: buyerForwardings.forwardedDate,
      forwardingReference: buyerForwardings.reference,
    })
    .from(buyerPayables)
    .innerJoin(booking, eq(booking.id, buyerPayables.entryId))
    .innerJoin(sale, eq(sale.id, buyerPayables.saleEntryId))
    .leftJoin(buyerForwardingItems, eq(buyerForwardingItems.payableId, buyerPayables.id))
    .leftJoin(
      buyerForwardings,
      and(
        eq(buyerForwardings.id, buyerForwardingItems.forwardingId),
        lte(buyerForwardings.forwardedDate, request.asOf),
      ),
    )
    .where(
      and(
        eq(buyerPayables.buyerOrganisationId, request.buyerOrganisationId),
        lte(booking.entryDate, request.asOf),
        request.saleReference === undefined
          ? undefined
          : eq(sale.sourceRef, `sale:${request.saleReference}`),
        request.loanIds === undefined
          ? undefined
          : sql`${buyerPayables.loanId} in (select value from json_each(${JSON.stringify(request.loanIds)}))`,
      ),
    )
    .orderBy(asc(buyerPayables.dueDate), asc(buyerPayables.id))
    .all();
  const items = rows.map(({ saleSourceRef, ...row }) => ({
    ...row,
    saleReference: saleSourceRef.slice('sale:'.length),
    overdue: row.forwardedOn === null && row.dueDate < request.asOf,
  }));
  return {
    buyerOrganisationId: request.buyerOrganisationId,
    asOf: request.asOf,
    items,
    totals: forwardingTotals(items),
  };
}
