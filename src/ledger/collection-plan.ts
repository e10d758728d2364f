import type { LoanStatus } from '../../db/schema';
import type { IsoDate } from '../shared/dates';
import type { Fen } from '../shared/money';
import type { JournalLineDraft } from './journal-line';
import type { LedgerPolicy } from './policy';
import { collectionCostLines, recoveryLines, splitRecovery } from './recovery-lines';
import type { RegisterMovement, RegisterPosition } from './register-repository';

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

/** Why a payment is not a recovery after write-off (and so not booked by the ledger). */
export type NotRecoveryReason = 'not_written_off' | 'sold' | 'before_write_off';

/** The lines of one entry to post, and the register movements that go with it. */
export interface PlannedEntry {
  lines: JournalLineDraft[][];
  movements: Omit<RegisterMovement, 'entryId'>[];
}

export interface CollectionPlan {
  /** By event date: one recovery entry and one cost entry per date. */
  recoveries: Map<IsoDate, PlannedEntry>;
  costs: Map<IsoDate, PlannedEntry>;
  totals: {
    recoveries: { events: number; paidFen: Fen; appliedFen: Fen; excessFen: Fen };
    costs: { events: number; amountFen: Fen };
    /** Costs dated before their loan's tape date: history, already in the lender's books, not booked again. */
    historicalCosts: { events: number; amountFen: Fen };
  };
  /** Payments beyond the claim on file: booked to borrower overpayments, owed back, never a negative claim. */
  excess: { eventId: number; loanId: string; excessFen: Fen }[];
  /** Payments left to the core ledger (the loan is on the book) or to the buyer (a sold loan's are forwarded). */
  notRecoveries: { eventId: number; loanId: string; reason: NotRecoveryReason }[];
}

function notRecoveryReason(event: CollectionEvent, position: RegisterPosition | undefined): NotRecoveryReason | undefined {
  if (event.status === 'sold') return 'sold';
  if (event.status !== 'charged_off' || !position?.enteredOn || position.claimInFen <= 0) return 'not_written_off';
  if (event.eventDate < position.enteredOn) return 'before_write_off';
  return undefined;
}

const plannedOn = (byDate: Map<IsoDate, PlannedEntry>, date: IsoDate): PlannedEntry => {
  const entry = byDate.get(date) ?? { lines: [], movements: [] };
  byDate.set(date, entry);
  return entry;
};

/**
 * What a collections import books, in event order. A payment of a charged-off loan on or after it
 * entered the register is a recovery: applied = min(payment, claim still on file), so the claim
 * never goes below zero; the rest is excess. Costs are booked whatever the loan's status, from the
 * loan's tape date on: an earlier cost is history the lender has booked already (a migrated book).
 * `positions` are the loans' register positions before the import; they are not modified.
 */
export function planCollectionPosting(events: readonly CollectionEvent[], positions: ReadonlyMap<string, RegisterPosition>, policy: LedgerPolicy): CollectionPlan {
  const plan: CollectionPlan = {
    recoveries: new Map(),
    costs: new Map(),
    totals: { recoveries: { events: 0, paidFen: 0, appliedFen: 0, excessFen: 0 }, costs: { events: 0, amountFen: 0 }, historicalCosts: { events: 0, amountFen: 0 } },
    excess: [],
    notRecoveries: [],
  };
  const remainingFen = new Map([...positions].map(([loanId, position]) => [loanId, position.balanceFen]));
  for (const event of events) {
    if (event.eventType === 'cost' && event.eventDate < event.tapeDate) {
      plan.totals.historicalCosts.events += 1;
      plan.totals.historicalCosts.amountFen += event.amountFen;
      continue;
    }
    if (event.eventType === 'cost') {
      plannedOn(plan.costs, event.eventDate).lines.push(collectionCostLines(event.loanId, event.amountFen, event.costKind));
      plan.totals.costs.events += 1;
      plan.totals.costs.amountFen += event.amountFen;
      continue;
    }
    const reason = notRecoveryReason(event, positions.get(event.loanId));
    if (reason) {
      plan.notRecoveries.push({ eventId: event.eventId, loanId: event.loanId, reason });
      continue;
    }
    const split = splitRecovery(event.amountFen, Math.max(0, remainingFen.get(event.loanId) ?? 0));
    remainingFen.set(event.loanId, (remainingFen.get(event.loanId) ?? 0) - split.appliedFen);
    const entry = plannedOn(plan.recoveries, event.eventDate);
    entry.lines.push(recoveryLines(event.loanId, split, policy));
    if (split.appliedFen > 0) {
      const movement = { loanId: event.loanId, movementDate: event.eventDate, kind: 'recovery', amountFen: -split.appliedFen, reversal: false } as const;
      entry.movements.push({ ...movement, buyerOrganisationId: null, collectionEventId: event.eventId });
    }
    if (split.excessFen > 0) plan.excess.push({ eventId: event.eventId, loanId: event.loanId, excessFen: split.excessFen });
    const totals = plan.totals.recoveries;
    totals.events += 1;
    totals.paidFen += event.amountFen;
    totals.appliedFen += split.appliedFen;
    totals.excessFen += split.excessFen;
  }
  return plan;
}
