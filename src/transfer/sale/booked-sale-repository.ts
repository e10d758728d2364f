import { type DbOrTx, type LoanStatus, prepared } from '../../../db';
import { memoAccountCodes } from '../../ledger';
import type { IsoDate } from '../../shared';
import type { LoanSaleBooking } from './put-back-lines';

// What the journal and register hold of a sale after booking it: its entry, what each loan was sold
// for, its buyer, the cut-off its settlement recorded; and the status of the loans it sells.

/** The loans' statuses on the book. */
export function loanStatuses(tx: DbOrTx, loanIds: readonly string[]): Map<string, LoanStatus> {
  const rows = prepared(
    tx,
    'select loan_id as loanId, status from loans where loan_id in (select value from json_each(?))',
  ).all(JSON.stringify(loanIds)) as { loanId: string; status: LoanStatus }[];
  return new Map(rows.map((row) => [row.loanId, row.status]));
}

export interface PostedSale {
  entryId: number;
  reference: string;
  saleDate: IsoDate;
  /** The entry that reversed the sale, if any. */
  reversedByEntryId: number | null;
}

/** The `sale` entry booked for a sale reference, whether or not reversed since. */
export function findPostedSale(tx: DbOrTx, reference: string): PostedSale | undefined {
  return prepared(
    tx,
    `select e.id as entryId, :reference as reference, e.entry_date as saleDate, (select r.id from journal_entries r where r.reverses_entry_id = e.id) as reversedByEntryId
       from journal_entries e where e.kind = 'sale' and e.source_ref = 'sale:' || :reference`,
  ).get({ reference }) as PostedSale | undefined;
}

/**
 * Per loan of a sale entry (or of those of `loanIds` it sold): the price and the account it credited
 * (its balance-sheet credit line), the claim that left the register (its `sold` movement) and the buyer.
 */
export function saleBookings(
  tx: DbOrTx,
  saleEntryId: number,
  loanIds?: readonly string[],
): Map<string, LoanSaleBooking & { buyerOrganisationId: number }> {
  const rows = prepared(
    tx,
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
export function saleBuyers(tx: DbOrTx, saleEntryId: number): Set<number> {
  const rows = prepared(
    tx,
    "select distinct buyer_organisation_id as buyer from off_balance_register where entry_id = ? and kind = 'sold' and reversal = 0",
  ).all(saleEntryId) as { buyer: number }[];
  return new Set(rows.map((row) => row.buyer));
}

/** The cut-off a settlement recorded for a sale, if it did. */
export function recordedCutOff(
  tx: DbOrTx,
  saleEntryId: number,
): { cutOffDate: IsoDate; claimEntryId: number | null } | undefined {
  return prepared(
    tx,
    'select cut_off_date as cutOffDate, claim_entry_id as claimEntryId from sale_cut_offs where sale_entry_id = ?',
  ).get(saleEntryId) as { cutOffDate: IsoDate; claimEntryId: number | null } | undefined;
}

export function insertCutOff(
  tx: DbOrTx,
  row: {
    saleEntryId: number;
    buyerOrganisationId: number;
    cutOffDate: IsoDate;
    claimEntryId: number | null;
    recordedAt: string;
    recordedBy: string;
  },
): void {
  prepared(
    tx,
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
