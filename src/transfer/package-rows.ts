import type { AppDeps } from '../shared';

/** A loan of a sale as its transfer package shows it: the allocation with the borrower's identity. */
export interface PackageLoan {
  loanId: string;
  borrowerId: string;
  borrowerName: string;
  nationalId: string;
  mobilePhone: string | null;
  principalFen: number;
  interestFen: number;
  feeFen: number;
  penaltyFen: number;
  claimFen: number;
  priceFen: number;
}

const PACKAGE_SELECT = `select a.loan_id as loanId, pl.borrower_id as borrowerId, l.borrower_name as borrowerName, l.national_id as nationalId,
  l.mobile_phone as mobilePhone, pl.principal_fen as principalFen, pl.interest_fen as interestFen, pl.fee_fen as feeFen, pl.penalty_fen as penaltyFen,
  a.claim_fen as claimFen, a.price_fen as priceFen
  from sale_allocations a join sales s on s.id = a.sale_id join loans l on l.loan_id = a.loan_id
  join portfolio_loans pl on pl.portfolio_id = s.portfolio_id and pl.loan_id = a.loan_id
  where a.sale_id = ?`;

/**
 * The sale's loans grouped by borrower, a page of borrowers at a time: copied once, sorted by
 * borrower, into a TEMP table (per connection, dropped at the end), then read by rowid so no
 * statement stays open while the package waits on its reader. `pageSize` loans or so per page;
 * a borrower's loans are never split across pages.
 */
export async function* borrowerPages(
  deps: AppDeps,
  saleId: number,
  pageSize: number,
): AsyncGenerator<PackageLoan[][]> {
  const client = deps.db.$client;
  const table = `temp.package_loans_${saleId}_${process.hrtime.bigint()}`;
  client
    .prepare(
      `create table ${table} as select * from (${PACKAGE_SELECT}) order by borrowerId, loanId`,
    )
    .run(saleId);
  try {
    const page = client.prepare(
      `select rowid as position, * from ${table} where rowid > ? order by rowid limit ?`,
    );
    let after = 0;
    let pending: PackageLoan[] = [];
    for (;;) {
      const rows = page.all(after, pageSize) as (PackageLoan & { position: number })[];
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
    client.exec(`drop table if exists ${table}`);
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
