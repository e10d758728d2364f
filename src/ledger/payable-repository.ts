import { type DbOrTx, prepared } from '../../db';
import type { IsoDate, Fen } from '../shared';

// The rows of what the seller owes debt buyers (buyer_payables), as the ledger's postings book
// them. Forwarding them is the sale's (transfer/sale/forwarding-repository.ts).

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

export function insertPayable(tx: DbOrTx, payable: BuyerPayable): void {
  prepared(
    tx,
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
export function saleHasPayables(tx: DbOrTx, saleEntryId: number): boolean {
  return (
    prepared(tx, 'select 1 from buyer_payables where sale_entry_id = ? limit 1').get(
      saleEntryId,
    ) !== undefined
  );
}

/** Which of the given collection events are booked as owed to a buyer. */
export function eventsOwedToBuyers(tx: DbOrTx, eventIds: readonly number[]): Set<number> {
  const rows = prepared(
    tx,
    'select collection_event_id as id from buyer_payables where collection_event_id in (select value from json_each(?))',
  ).all(JSON.stringify(eventIds)) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}
