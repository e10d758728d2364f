import { type DbOrTx, prepared } from '../../../db';
import type { Fen, IsoDate } from '../../shared';
import { saleReference } from './settlement';

/** What the transfer room records of one settled sale, for the reconciliation to tie to the ledger. */
export interface SettledSaleFigures {
  saleId: number;
  reference: string;
  /** The price settled: the contract price less the allocated prices of the loans the bring-down took out. */
  priceFen: Fen;
  /** Σ of the per-loan prices of the loans it sold (allocations of loans taken out at settlement left out). */
  allocatedFen: Fen;
  loans: number;
  /** Accepted put-backs booked up to the date, and what they refunded. */
  putBacks: number;
  refundFen: Fen;
  /** The sale's entry and its put-backs' entries: where the cash moved in the ledger. */
  entryIds: number[];
}

/** Every sale settled (received) on or before `asOf`, with its settled price, the allocation of the loans it sold and its put-back refunds. */
export function settledSaleFigures(db: DbOrTx, asOf: IsoDate): SettledSaleFigures[] {
  const rows = prepared(
    db,
    `select s.id as saleId, coalesce(s.settled_price_fen, s.price_fen) as priceFen, s.entry_id as entryId,
            (select coalesce(sum(a.price_fen), 0) from sale_allocations a where a.sale_id = s.id
              and not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id and x.kind = 'bring_down')) as allocatedFen,
            (select count(*) from sale_allocations a where a.sale_id = s.id
              and not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id and x.kind = 'bring_down')) as loans,
            (select count(*) from put_backs p join journal_entries e on e.id = p.entry_id
              where p.sale_id = s.id and p.status = 'accepted' and e.entry_date <= :asOf) as putBacks,
            (select coalesce(sum(p.refund_fen), 0) from put_backs p join journal_entries e on e.id = p.entry_id
              where p.sale_id = s.id and p.status = 'accepted' and e.entry_date <= :asOf) as refundFen,
            (select json_group_array(p.entry_id) from put_backs p join journal_entries e on e.id = p.entry_id
              where p.sale_id = s.id and p.status = 'accepted' and e.entry_date <= :asOf) as putBackEntryIds
       from sales s where s.status = 'settled' and s.received_on <= :asOf order by s.id`,
  ).all({ asOf }) as (Omit<SettledSaleFigures, 'reference' | 'entryIds'> & {
    entryId: number;
    putBackEntryIds: string;
  })[];
  return rows.map(({ entryId, putBackEntryIds, ...row }) => ({
    ...row,
    reference: saleReference(row.saleId),
    entryIds: [entryId, ...(JSON.parse(putBackEntryIds) as number[])],
  }));
}
