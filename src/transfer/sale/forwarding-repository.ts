import { type DbOrTx, prepared } from '../../../db';
import type { IsoDate, Fen } from '../../shared';

// What the seller owes debt buyers (buyer_payables, booked by the ledger) as forwarding reads it,
// and the forwardings that pay them.

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
export function outstandingPayables(tx: DbOrTx, buyerOrganisationId: number): PayableState[] {
  return prepared(
    tx,
    `${payableStates} where p.buyer_organisation_id = ? and i.payable_id is null order by p.id`,
  ).all(buyerOrganisationId) as PayableState[];
}

/** The given payables, whoever they are owed to and whatever their state; unknown ids are left out. */
export function payablesById(tx: DbOrTx, ids: readonly number[]): Map<number, PayableState> {
  const rows = prepared(
    tx,
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

export function findForwarding(tx: DbOrTx, reference: string): Forwarding | undefined {
  const row = prepared(
    tx,
    `select f.id, f.reference, f.buyer_organisation_id as buyerOrganisationId, f.forwarded_date as forwardedDate, f.amount_fen as amountFen, f.entry_id as entryId,
            (select json_group_array(payable_id) from (select payable_id from buyer_forwarding_items where forwarding_id = f.id order by payable_id)) as payableIds
       from buyer_forwardings f where f.reference = ?`,
  ).get(reference) as (Omit<Forwarding, 'payableIds'> & { payableIds: string }) | undefined;
  return row && { ...row, payableIds: JSON.parse(row.payableIds) as number[] };
}

/** Records a forwarding and links the payables it paid; returns its id. */
export function insertForwarding(tx: DbOrTx, forwarding: Omit<Forwarding, 'id'>): number {
  const { lastInsertRowid } = prepared(
    tx,
    'insert into buyer_forwardings (reference, buyer_organisation_id, forwarded_date, amount_fen, entry_id) values (?, ?, ?, ?, ?)',
  ).run(
    forwarding.reference,
    forwarding.buyerOrganisationId,
    forwarding.forwardedDate,
    forwarding.amountFen,
    forwarding.entryId,
  );
  const id = Number(lastInsertRowid);
  const link = prepared(
    tx,
    'insert into buyer_forwarding_items (payable_id, forwarding_id) values (?, ?)',
  );
  for (const payableId of forwarding.payableIds) link.run(payableId, id);
  return id;
}
