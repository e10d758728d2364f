import { prepared, type DbOrTx } from '../../../db';
import type { IsoDate } from '../../shared';
import type { AccountEvent, LadderAccount } from './effectiveness-ladder';

type Row = [
  loanId: string,
  chargeOffDate: string,
  chargeOffFen: number,
  daysPastDue: number,
  tapeDate: string,
  eventDate: string | null,
  eventType: string | null,
  amountFen: number | null,
  costKind: string | null,
  statusEvent: string | null,
];

// One ordered scan: loans by loan id (its unique index), each with its events after charge-off in
// date order (the (loan_id, event_date) index), so SQLite never sorts. The unary `+` keeps it off
// the charge-off date index, which would read loans out of order and sort every event row.
// A prepared better-sqlite3 statement in raw mode: this is the bulk path, a row per event.
const SCAN = `
  select l.loan_id, l.charge_off_date, l.charge_off_fen, l.days_past_due, l.tape_date,
         e.event_date, e.event_type, e.amount_fen, e.cost_kind, e.status_event
  from loans l
  left join collection_events e on e.loan_id = l.loan_id and e.event_date > l.charge_off_date and e.event_date <= @dataEnd
  where +l.charge_off_date is not null and l.charge_off_fen is not null and +l.charge_off_date <= @chargedOffBy
  order by l.loan_id, e.event_date, e.id`;

const LEGAL_COSTS = new Set(['legal_fee', 'court_fee']);
const ENDING_STATUSES = new Set(['bankrupt', 'deceased']);

/**
 * The written-off accounts charged off by `chargedOffBy`, one at a time, each with its events up to
 * `dataEnd` as the collection ladder reads them: payments, costs (a legal or court fee also marks
 * the lawsuit), a filed lawsuit, and bankruptcy or death, which end collection.
 */
export function* writtenOffAccounts(
  tx: DbOrTx,
  chargedOffBy: IsoDate,
  dataEnd: IsoDate,
): Generator<{ account: LadderAccount; events: AccountEvent[] }> {
  const statement = prepared(tx, SCAN).raw(true);
  let current: { account: LadderAccount; events: AccountEvent[] } | undefined;
  for (const row of statement.iterate({ chargedOffBy, dataEnd }) as IterableIterator<Row>) {
    const [
      loanId,
      chargeOffDate,
      chargeOffFen,
      daysPastDue,
      tapeDate,
      eventDate,
      eventType,
      amountFen,
      costKind,
      statusEvent,
    ] = row;
    if (current?.account.loanId !== loanId) {
      if (current) yield current;
      current = {
        account: { loanId, chargeOffDate, chargeOffFen, daysPastDue, tapeDate },
        events: [],
      };
    }
    if (eventDate === null) continue;
    if (eventType === 'payment')
      current.events.push({ eventDate, kind: 'payment', amountFen: amountFen ?? 0 });
    else if (eventType === 'cost') {
      if (costKind !== null && LEGAL_COSTS.has(costKind))
        current.events.push({ eventDate, kind: 'litigation', amountFen: 0 });
      current.events.push({ eventDate, kind: 'cost', amountFen: amountFen ?? 0 });
    } else if (statusEvent === 'litigation_filed')
      current.events.push({ eventDate, kind: 'litigation', amountFen: 0 });
    else if (statusEvent !== null && ENDING_STATUSES.has(statusEvent))
      current.events.push({ eventDate, kind: 'ended', amountFen: 0 });
  }
  if (current) yield current;
}
