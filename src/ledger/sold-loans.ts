import { type DbOrTx, prepared } from '../../db';
import type { IsoDate } from '../shared';

// What the register shows of sold claims: which sale a loan is in, to whom, from when. The
// collections import routes a sold loan's payments by it, and a sale's reversal checks it; the
// sale itself is booked by the transfer room.

/** A loan's standing sale: to whom, booked by which entry, and from which date its collections are the buyer's. */
export interface LoanSale {
  saleEntryId: number;
  buyerOrganisationId: number;
  /** The cut-off the settlement recorded (`sale_cut_offs`), else the sale date: nothing earlier is known. */
  cutOffDate: IsoDate;
}

/**
 * For each given loan, its latest sale that has not been reversed. A loan put back since still has
 * one: callers look at the loan's status (`sold`) before taking it as the buyer's.
 */
export function latestSales(tx: DbOrTx, loanIds: readonly string[]): Map<string, LoanSale> {
  const rows = prepared(
    tx,
    `select loanId, saleEntryId, buyerOrganisationId, cutOffDate from (
       select r.loan_id as loanId, e.id as saleEntryId, r.buyer_organisation_id as buyerOrganisationId,
              coalesce(c.cut_off_date, e.entry_date) as cutOffDate, row_number() over (partition by r.loan_id order by r.id desc) as latest
         from off_balance_register r
         join journal_entries e on e.id = r.entry_id and e.kind = 'sale'
         left join sale_cut_offs c on c.sale_entry_id = e.id
        where r.kind = 'sold' and r.reversal = 0 and r.loan_id in (select value from json_each(?))
          and not exists (select 1 from journal_entries x where x.reverses_entry_id = e.id))
      where latest = 1`,
  ).all(JSON.stringify(loanIds)) as ({ loanId: string } & LoanSale)[];
  return new Map(rows.map(({ loanId, ...sale }) => [loanId, sale]));
}
