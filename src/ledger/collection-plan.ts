import type { LoanStatus } from '../../db';
import { addFen, asFen, type IsoDate, type Fen, negateFen, subtractFen, ZERO_FEN } from '../shared';
import { buyerCollectionLines } from './buyer-collection-lines';
import { forwardingDueDate } from './forwarding-terms';
import type { JournalLineDraft } from './journal-line';
import type { BuyerPayable } from './payable-repository';
import type { LedgerPolicy } from './policy';
import { collectionCostLines, recoveryLines, splitRecovery } from './recovery-lines';
import type { RegisterMovement, RegisterPosition } from './register-repository';
import type { LoanSale } from './sold-loans';

/** A payment or cost of a collections import, with the status of its loan. */
export interface CollectionEvent {
  eventId: number;
  loanId: string;
  eventDate: IsoDate;
  eventType: 'payment' | 'cost';
  amountFen: Fen;
  costKind: string | null;
  status: LoanStatus;
  /** The date of the tape the loan's balances are from: what came before is in the lender's own books. */
  tapeDate: IsoDate;
}

/**
 * Why a payment is neither a recovery after write-off nor owed to a buyer (and so not booked):
 * the loan is on the book, or was sold outside this ledger (a tape said `sold`: no buyer known),
 * or the payment predates the write-off, or predates the sale's cut-off (the seller's, but its
 * claim has left the register with the sale).
 */
export type NotRecoveryReason = 'not_written_off' | 'sold' | 'before_write_off' | 'before_cut_off';

/** The lines of one entry to post, and the register movements and buyer payables that go with it. */
export interface PlannedEntry {
  lines: JournalLineDraft[][];
  movements: Omit<RegisterMovement, 'entryId'>[];
  payables: Omit<BuyerPayable, 'entryId'>[];
}

/** What the plan needs to know of the loans paid and of the platform's terms. */
export interface CollectionContext {
  /** The loans' register positions before the import; not modified. */
  positions: ReadonlyMap<string, RegisterPosition>;
  /** The standing sale of each sold loan that has one. */
  sales: ReadonlyMap<string, LoanSale>;
  policy: LedgerPolicy;
  forwardingBusinessDays: number;
}

export interface CollectionPlan {
  /** By event date: one recovery, one cost and one buyer-collection entry per date. */
  recoveries: Map<IsoDate, PlannedEntry>;
  costs: Map<IsoDate, PlannedEntry>;
  buyerCollections: Map<IsoDate, PlannedEntry>;
  totals: {
    recoveries: { events: number; paidFen: Fen; appliedFen: Fen; excessFen: Fen };
    costs: { events: number; amountFen: Fen };
    /** Costs dated before their loan's tape date: history, already in the lender's books, not booked again. */
    historicalCosts: { events: number; amountFen: Fen };
    /** Payments for sold loans after their sale's cut-off: held for the buyer, to be forwarded. */
    buyerCollections: { events: number; amountFen: Fen };
  };
  /** Payments beyond the claim on file: booked to borrower overpayments, owed back, never a negative claim. */
  excess: { eventId: number; loanId: string; excessFen: Fen }[];
  /** Payments not booked, each with its reason. */
  notRecoveries: { eventId: number; loanId: string; reason: NotRecoveryReason }[];
}

type PaymentRoute =
  { to: 'recovery' } | { to: 'buyer'; sale: LoanSale } | { to: 'none'; reason: NotRecoveryReason };

/** Whose a payment is: the seller's as a recovery, the buyer's, or not the ledger's to book. */
function routePayment(event: CollectionEvent, context: CollectionContext): PaymentRoute {
  if (event.status === 'sold') {
    const sale = context.sales.get(event.loanId);
    if (!sale) return { to: 'none', reason: 'sold' };
    return event.eventDate > sale.cutOffDate
      ? { to: 'buyer', sale }
      : { to: 'none', reason: 'before_cut_off' };
  }
  const position = context.positions.get(event.loanId);
  if (event.status !== 'charged_off' || !position?.enteredOn || position.claimInFen <= 0)
    return { to: 'none', reason: 'not_written_off' };
  if (event.eventDate < position.enteredOn) return { to: 'none', reason: 'before_write_off' };
  return { to: 'recovery' };
}

const plannedOn = (byDate: Map<IsoDate, PlannedEntry>, date: IsoDate): PlannedEntry => {
  const entry = byDate.get(date) ?? { lines: [], movements: [], payables: [] };
  byDate.set(date, entry);
  return entry;
};

/** A cost from the loan's tape date on is collection expense; an earlier one is only counted. */
function planCost(plan: CollectionPlan, event: CollectionEvent): void {
  const historical = event.eventDate < event.tapeDate;
  if (!historical)
    plannedOn(plan.costs, event.eventDate).lines.push(
      collectionCostLines(event.loanId, event.amountFen, event.costKind),
    );
  const totals = historical ? plan.totals.historicalCosts : plan.totals.costs;
  totals.events += 1;
  totals.amountFen = addFen(totals.amountFen, event.amountFen);
}

/** A recovery: applied = min(payment, claim still on file), the rest excess; the claim never goes below zero. */
function planRecovery(
  plan: CollectionPlan,
  event: CollectionEvent,
  remainingFen: Map<string, Fen>,
  policy: LedgerPolicy,
): void {
  const remaining = remainingFen.get(event.loanId) ?? ZERO_FEN;
  const split = splitRecovery(event.amountFen, asFen(Math.max(0, remaining)));
  remainingFen.set(event.loanId, subtractFen(remaining, split.appliedFen));
  const entry = plannedOn(plan.recoveries, event.eventDate);
  entry.lines.push(recoveryLines(event.loanId, split, policy));
  if (split.appliedFen > 0) {
    const movement = {
      loanId: event.loanId,
      movementDate: event.eventDate,
      kind: 'recovery',
      amountFen: negateFen(split.appliedFen),
      reversal: false,
    } as const;
    entry.movements.push({
      ...movement,
      buyerOrganisationId: null,
      collectionEventId: event.eventId,
    });
  }
  if (split.excessFen > 0)
    plan.excess.push({ eventId: event.eventId, loanId: event.loanId, excessFen: split.excessFen });
  const totals = plan.totals.recoveries;
  totals.events += 1;
  totals.paidFen = addFen(totals.paidFen, event.amountFen);
  totals.appliedFen = addFen(totals.appliedFen, split.appliedFen);
  totals.excessFen = addFen(totals.excessFen, split.excessFen);
}

/** A payment the buyer is owed, the whole of it, due for forwarding so many business days on. */
function planBuyerCollection(
  plan: CollectionPlan,
  event: CollectionEvent,
  sale: LoanSale,
  businessDays: number,
): void {
  const entry = plannedOn(plan.buyerCollections, event.eventDate);
  entry.lines.push(buyerCollectionLines(event.loanId, event.amountFen));
  entry.payables.push({
    loanId: event.loanId,
    buyerOrganisationId: sale.buyerOrganisationId,
    saleEntryId: sale.saleEntryId,
    collectionEventId: event.eventId,
    amountFen: event.amountFen,
    receivedDate: event.eventDate,
    dueDate: forwardingDueDate(event.eventDate, event.eventDate, businessDays),
  });
  plan.totals.buyerCollections.events += 1;
  plan.totals.buyerCollections.amountFen = addFen(
    plan.totals.buyerCollections.amountFen,
    event.amountFen,
  );
}

/**
 * What a collections import books, in event order. A payment of a charged-off loan on or after it
 * entered the register is a recovery; a payment of a loan sold in this ledger, dated after its
 * sale's cut-off, is the buyer's: booked whole as owed to it. Costs are booked whatever the loan's
 * status, from the loan's tape date on: an earlier cost is history the lender has booked already
 * (a migrated book).
 */
export function planCollectionPosting(
  events: readonly CollectionEvent[],
  context: CollectionContext,
): CollectionPlan {
  const plan: CollectionPlan = {
    recoveries: new Map(),
    costs: new Map(),
    buyerCollections: new Map(),
    totals: {
      recoveries: { events: 0, paidFen: ZERO_FEN, appliedFen: ZERO_FEN, excessFen: ZERO_FEN },
      costs: { events: 0, amountFen: ZERO_FEN },
      historicalCosts: { events: 0, amountFen: ZERO_FEN },
      buyerCollections: { events: 0, amountFen: ZERO_FEN },
    },
    excess: [],
    notRecoveries: [],
  };
  const remainingFen = new Map(
    [...context.positions].map(([loanId, position]) => [loanId, position.balanceFen]),
  );
  for (const event of events) {
    if (event.eventType === 'cost') {
      planCost(plan, event);
      continue;
    }
    const route = routePayment(event, context);
    if (route.to === 'recovery') planRecovery(plan, event, remainingFen, context.policy);
    else if (route.to === 'buyer')
      planBuyerCollection(plan, event, route.sale, context.forwardingBusinessDays);
    else
      plan.notRecoveries.push({
        eventId: event.eventId,
        loanId: event.loanId,
        reason: route.reason,
      });
  }
  return plan;
}
