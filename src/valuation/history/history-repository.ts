import { type DbOrTx, prepared } from '../../../db';
import type { Fen, IsoDate } from '../../shared';
import type { HistoryEvent, HistoryLoan, RecoveryHistory } from './recovery-history';

// The bulk path of the valuation, a row per charged-off loan and per payment or cost: prepared
// statements in raw mode (`prepared`), not drizzle's row mapping.

const LOANS = `
  select loan_id, charge_off_date, charge_off_fen, product, province, placement_stage, coalesce(litigation_status, case when litigation_pending then 'filed' else 'none' end)
  from loans
  where charge_off_date is not null and charge_off_fen is not null and charge_off_date <= ?
  order by loan_id`;
const EVENTS = `
  select loan_id, event_date, event_type, amount_fen, coalesce(payment_channel, cost_kind)
  from collection_events
  where event_type in ('payment', 'cost') and event_date <= ?
  order by id`;

type LoanRow = [string, IsoDate, Fen, string, string | null, string | null, string];
type EventRow = [string, IsoDate, 'payment' | 'cost', number, string];

/**
 * The recovery history as the valuation reads it: every loan with a charge-off date and balance
 * charged off by `through` (whatever its status now: a loan settled or paid off after charge-off
 * belongs to its static pool), and the payments and costs dated up to `through`, in a fixed order
 * so that the same book always gives the same sums. A loan without a litigation status takes
 * `filed` or `none` from its litigation flag. The table's CHECK gives every payment a channel and
 * every cost a kind, both with an amount.
 */
export function readRecoveryHistory(tx: DbOrTx, through: IsoDate): RecoveryHistory {
  const loans = (prepared(tx, LOANS).raw(true).all(through) as LoanRow[]).map(
    ([
      loanId,
      chargeOffDate,
      chargeOffFen,
      product,
      province,
      placementStage,
      litigationStatus,
    ]): HistoryLoan => ({
      loanId,
      chargeOffDate,
      chargeOffFen,
      product,
      province,
      placementStage,
      litigationStatus,
    }),
  );
  const events = (prepared(tx, EVENTS).raw(true).all(through) as EventRow[]).map(
    ([loanId, eventDate, type, amountFen, kind]): HistoryEvent =>
      type === 'payment'
        ? { loanId, eventDate, type, amountFen, channel: kind }
        : { loanId, eventDate, type, amountFen, costKind: kind },
  );
  return { loans, events };
}
