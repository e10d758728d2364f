import type { AppDeps, IsoDate } from '../shared';
import { memoAccountCodes } from './accounts';
import type { LoanSaleBooking } from './put-back-lines';
import { statement } from './statements';

// What the ledger knows of sales after booking them: which sale a loan is in, to whom, from when.

export interface PostedSale {
  entryId: number;
  reference: string;
  saleDate: IsoDate;
  /** The entry that reversed the sale, if any. */
  reversedByEntryId: number | null;
}

/** The `sale` entry booked for a sale reference, whether or not reversed since. */
export function findPostedSale(deps: AppDeps, reference: string): PostedSale | undefined {
  return statement(
    deps,
    `select e.id as entryId, :reference as reference, e.entry_date as saleDate, (select r.id from journal_entries r where r.reverses_entry_id = e.id) as reversedByEntryId
       from journal_entries e where e.kind = 'sale' and e.source_ref = 'sale:' || :reference`,
  ).get({ reference }) as PostedSale | undefined;
}

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
export function latestSales(deps: AppDeps, loanIds: readonly string[]): Map<string, LoanSale> {
  const rows = statement(
    deps,
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

/**
 * Per loan of a sale entry (or of those of `loanIds` it sold): the price and the account it credited
 * (its balance-sheet credit line), the claim that left the register (its `sold` movement) and the buyer.
 */
export function saleBookings(
  deps: AppDeps,
  saleEntryId: number,
  loanIds?: readonly string[],
): Map<string, LoanSaleBooking & { buyerOrganisationId: number }> {
  const rows = statement(
    deps,
    // The entry's lines aggregated once per loan: a subquery per loan would read the whole entry each time (quadratic).
    `with proceeds as (
       select loan_id, max(case when credit_fen > 0 then account_code end) as proceedsAccount, sum(credit_fen) as priceFen
         from journal_lines where entry_id = :saleEntryId and account_code not in (select value from json_each(:memoAccounts))
          and (:loanIds is null or loan_id in (select value from json_each(:loanIds))) group by loan_id)
     select r.loan_id as loanId, -r.amount_fen as claimFen, r.buyer_organisation_id as buyerOrganisationId, p.proceedsAccount, coalesce(p.priceFen, 0) as priceFen
       from off_balance_register r left join proceeds p on p.loan_id = r.loan_id
      where r.entry_id = :saleEntryId and r.kind = 'sold' and r.reversal = 0 and (:loanIds is null or r.loan_id in (select value from json_each(:loanIds)))`,
  ).all({
    saleEntryId,
    memoAccounts: JSON.stringify(memoAccountCodes),
    loanIds: loanIds ? JSON.stringify(loanIds) : null,
  }) as (LoanSaleBooking & { buyerOrganisationId: number })[];
  return new Map(rows.map((row) => [row.loanId, row]));
}

/** The buyers a sale entry sold to (one, unless the entry was built by hand). */
export function saleBuyers(deps: AppDeps, saleEntryId: number): Set<number> {
  const rows = statement(
    deps,
    "select distinct buyer_organisation_id as buyer from off_balance_register where entry_id = ? and kind = 'sold' and reversal = 0",
  ).all(saleEntryId) as { buyer: number }[];
  return new Set(rows.map((row) => row.buyer));
}

/** The cut-off a settlement recorded for a sale, if it did. */
export function recordedCutOff(
  deps: AppDeps,
  saleEntryId: number,
): { cutOffDate: IsoDate; claimEntryId: number | null } | undefined {
  return statement(
    deps,
    'select cut_off_date as cutOffDate, claim_entry_id as claimEntryId from sale_cut_offs where sale_entry_id = ?',
  ).get(saleEntryId) as { cutOffDate: IsoDate; claimEntryId: number | null } | undefined;
}

export function insertCutOff(
  deps: AppDeps,
  row: {
    saleEntryId: number;
    buyerOrganisationId: number;
    cutOffDate: IsoDate;
    claimEntryId: number | null;
    recordedAt: string;
    recordedBy: string;
  },
): void {
  statement(
    deps,
    'insert into sale_cut_offs (sale_entry_id, buyer_organisation_id, cut_off_date, claim_entry_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)',
  ).run(
    row.saleEntryId,
    row.buyerOrganisationId,
    row.cutOffDate,
    row.claimEntryId,
    row.recordedAt,
    row.recordedBy,
  );
}
