import type { Fen } from '../../shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db';

/** A loan of a sale as its transfer package shows it: the allocation with the borrower's identity. */
export interface PackageLoan {
  loanId: string;
  borrowerId: string;
  borrowerName: string;
  nationalId: string;
  mobilePhone: string | null;
  mailingAddress: string | null;
  postalCode: string | null;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  claimFen: Fen;
  priceFen: Fen;
}

const PACKAGE_SELECT = `select a.loan_id as loanId, pl.borrower_id as borrowerId, l.borrower_name as borrowerName, l.national_id as nationalId,
  l.mobile_phone as mobilePhone, l.mailing_address as mailingAddress, l.postal_code as postalCode, pl.principal_fen as principalFen, pl.interest_fen as interestFen, pl.fee_fen as feeFen, pl.penalty_fen as penaltyFen,
  a.claim_fen as claimFen, a.price_fen as priceFen
  from sale_allocations a join sales s on s.id = a.sale_id join loans l on l.loan_id = a.loan_id
  join portfolio_loans pl on pl.portfolio_id = s.portfolio_id and pl.loan_id = a.loan_id
  where not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id) and a.sale_id = `;

/**
 * The sale's loans (those still in it: not taken out by the bring-down, not put back) grouped by borrower, a page of borrowers at a time: copied once, sorted by
 * borrower, into a TEMP table (per connection, dropped at the end), then read by rowid so no
 * statement stays open while the package waits on its reader. `pageSize` loans or so per page;
 * a borrower's loans are never split across pages.
 */
export async function* borrowerPages(
  db: DbOrTx,
  saleId: number,
  pageSize: number,
): AsyncGenerator<PackageLoan[][]> {
  // The table's name is new each time: drizzle's `sql`, not a cached prepared statement.
  const table = sql.raw(`temp.package_loans_${saleId}_${process.hrtime.bigint()}`);
  db.run(
    sql`create table ${table} as select * from (${sql.raw(PACKAGE_SELECT)}${saleId}) order by borrowerId, loanId`,
  );
  try {
    let after = 0;
    let pending: PackageLoan[] = [];
    for (;;) {
      const rows = db.all<PackageLoan & { position: number }>(
        sql`select rowid as position, * from ${table} where rowid > ${after} order by rowid limit ${pageSize}`,
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.position;
      const loans = [...pending, ...rows.map(({ position: _position, ...loan }) => loan)];
      const lastBorrower = loans[loans.length - 1]!.borrowerId;
      const complete =
        rows.length < pageSize ? loans : loans.filter((loan) => loan.borrowerId !== lastBorrower);
      pending =
        rows.length < pageSize ? [] : loans.filter((loan) => loan.borrowerId === lastBorrower);
      if (complete.length > 0) yield groupByBorrower(complete);
    }
    if (pending.length > 0) yield groupByBorrower(pending);
  } finally {
    db.run(sql`drop table if exists ${table}`);
  }
}

function groupByBorrower(loans: readonly PackageLoan[]): PackageLoan[][] {
  const groups: PackageLoan[][] = [];
  for (const loan of loans) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.borrowerId === loan.borrowerId) last.push(loan);
    else groups.push([loan]);
  }
  return groups;
}
