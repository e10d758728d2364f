import type { AppDeps, IsoDate, Fen } from '../shared';
import { statement } from './statements';

// The rows of what the seller owes debt buyers (buyer_payables) and of what it has forwarded.

/** One collection owed to a buyer, as booked. */
export interface BuyerPayable {
  loanId: string;
  buyerOrganisationId: number;
  saleEntryId: number;
  collectionEventId: number;
  amountFen: Fen;
  receivedDate: IsoDate;
  dueDate: IsoDate;
  /** The `buyer_collection` entry that booked it. */
  entryId: number;
}

export function insertPayable(deps: AppDeps, payable: BuyerPayable): void {
  statement(
    deps,
    `insert into buyer_payables (loan_id, buyer_organisation_id, sale_entry_id, collection_event_id, amount_fen, received_date, due_date, entry_id)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    payable.loanId,
    payable.buyerOrganisationId,
    payable.saleEntryId,
    payable.collectionEventId,
    payable.amountFen,
    payable.receivedDate,
    payable.dueDate,
    payable.entryId,
  );
}

/** Whether any collection has been booked as owed to the buyer of this sale. */
export function saleHasPayables(deps: AppDeps, saleEntryId: number): boolean {
  return (
    statement(deps, 'select 1 from buyer_payables where sale_entry_id = ? limit 1').get(
      saleEntryId,
    ) !== undefined
  );
}

/** Which of the given collection events are booked as owed to a buyer. */
export function eventsOwedToBuyers(deps: AppDeps, eventIds: readonly number[]): Set<number> {
  const rows = statement(
    deps,
    'select collection_event_id as id from buyer_payables where collection_event_id in (select value from json_each(?))',
  ).all(JSON.stringify(eventIds)) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

/** A payable with when it was booked and the forwarding that paid it, if one did. */
export interface PayableState {
  id: number;
  loanId: string;
  buyerOrganisationId: number;
  amountFen: Fen;
  bookedOn: IsoDate;
  forwardingId: number | null;
}

const payableStates = `
  select p.id, p.loan_id as loanId, p.buyer_organisation_id as buyerOrganisationId, p.amount_fen as amountFen,
         e.entry_date as bookedOn, i.forwarding_id as forwardingId
    from buyer_payables p join journal_entries e on e.id = p.entry_id left join buyer_forwarding_items i on i.payable_id = p.id`;

/** The payables of a buyer not forwarded yet, oldest first. */
export function outstandingPayables(deps: AppDeps, buyerOrganisationId: number): PayableState[] {
  return statement(
    deps,
    `${payableStates} where p.buyer_organisation_id = ? and i.payable_id is null order by p.id`,
  ).all(buyerOrganisationId) as PayableState[];
}

/** The given payables, whoever they are owed to and whatever their state; unknown ids are left out. */
export function payablesById(deps: AppDeps, ids: readonly number[]): Map<number, PayableState> {
  const rows = statement(
    deps,
    `${payableStates} where p.id in (select value from json_each(?)) order by p.id`,
  ).all(JSON.stringify(ids)) as PayableState[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** A forwarding of collections to a buyer, with the payables it paid. */
export interface Forwarding {
  id: number;
  reference: string;
  buyerOrganisationId: number;
  forwardedDate: IsoDate;
  amountFen: Fen;
  entryId: number;
  payableIds: number[];
}

export function findForwarding(deps: AppDeps, reference: string): Forwarding | undefined {
  const row = statement(
    deps,
    `select f.id, f.reference, f.buyer_organisation_id as buyerOrganisationId, f.forwarded_date as forwardedDate, f.amount_fen as amountFen, f.entry_id as entryId,
            (select json_group_array(payable_id) from (select payable_id from buyer_forwarding_items where forwarding_id = f.id order by payable_id)) as payableIds
       from buyer_forwardings f where f.reference = ?`,
  ).get(reference) as (Omit<Forwarding, 'payableIds'> & { payableIds: string }) | undefined;
  return row && { ...row, payableIds: JSON.parse(row.payableIds) as number[] };
}

/** Records a forwarding and links the payables it paid; returns its id. */
export function insertForwarding(deps: AppDeps, forwarding: Omit<Forwarding, 'id'>): number {
  const { lastInsertRowid } = statement(
    deps,
    'insert into buyer_forwardings (reference, buyer_organisation_id, forwarded_date, amount_fen, entry_id) values (?, ?, ?, ?, ?)',
  ).run(
    forwarding.reference,
    forwarding.buyerOrganisationId,
    forwarding.forwardedDate,
    forwarding.amountFen,
    forwarding.entryId,
  );
  const id = Number(lastInsertRowid);
  const link = statement(
    deps,
    'insert into buyer_forwarding_items (payable_id, forwarding_id) values (?, ?)',
  );
  for (const payableId of forwarding.payableIds) link.run(payableId, id);
  return id;
}
