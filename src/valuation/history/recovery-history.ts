import type { Fen, IsoDate } from '../../shared';
import type { CostRecord, PaymentRecord, RecoveryEvent } from '../maths';

/**
 * A charged-off loan with the facts its segment is read from. `litigationStatus` is already
 * resolved (the loan book's own status, else `filed` or `none` from its litigation flag);
 * `placementStage` is null when the book does not know it.
 */
export interface HistoryLoan {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: Fen;
  product: string;
  province: string | null;
  placementStage: string | null;
  litigationStatus: string;
}

/** A payment (with its channel) or a cost (with its kind): what both the triangles and the cost model read. */
export type HistoryEvent = RecoveryEvent &
  ({ type: 'payment'; channel: string } | { type: 'cost'; costKind: string });

/** The loan book's recovery history: charged-off loans and their payments and costs, in a fixed order. */
export interface RecoveryHistory {
  loans: HistoryLoan[];
  events: HistoryEvent[];
}

/** The history as it was known at `date`: loans charged off by then and events dated up to then. */
export function historyKnownAt(history: RecoveryHistory, date: IsoDate): RecoveryHistory {
  return {
    loans: history.loans.filter((loan) => loan.chargeOffDate <= date),
    events: history.events.filter((event) => event.eventDate <= date),
  };
}

/** The payments and costs apart, as `fitCostModel` takes them. */
export function costModelRecords(events: readonly HistoryEvent[]): {
  payments: PaymentRecord[];
  costs: CostRecord[];
} {
  const payments: PaymentRecord[] = [];
  const costs: CostRecord[] = [];
  for (const event of events) {
    if (event.type === 'payment') payments.push(event);
    else costs.push(event);
  }
  return { payments, costs };
}
