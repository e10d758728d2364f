import type { Fen } from '../../shared';
import { and, desc, eq, ne } from 'drizzle-orm';
import { type DbOrTx, prepared, type SaleExitKind, sales } from '../../../db';
import { ON_OFFER } from '../../portfolios';

export type SaleRow = typeof sales.$inferSelect;

export function insertSale(tx: DbOrTx, sale: typeof sales.$inferInsert): SaleRow {
  return tx.insert(sales).values(sale).returning().get();
}

export function findSale(tx: DbOrTx, id: number): SaleRow | undefined {
  return tx.select().from(sales).where(eq(sales.id, id)).get();
}

/** The portfolio's live sale: the one not cancelled (a portfolio has at most one). */
export function findSaleOfPortfolio(tx: DbOrTx, portfolioId: number): SaleRow | undefined {
  return tx
    .select()
    .from(sales)
    .where(and(eq(sales.portfolioId, portfolioId), ne(sales.status, 'cancelled')))
    .get();
}

export function updateSale(
  tx: DbOrTx,
  id: number,
  patch: Partial<typeof sales.$inferInsert>,
): SaleRow {
  return tx.update(sales).set(patch).where(eq(sales.id, id)).returning().get();
}

export function listSales(tx: DbOrTx, filter: { buyerOrganisationId?: number }): SaleRow[] {
  const query = tx.select().from(sales);
  return (
    filter.buyerOrganisationId === undefined
      ? query
      : query.where(eq(sales.buyerOrganisationId, filter.buyerOrganisationId))
  )
    .orderBy(desc(sales.id))
    .all();
}

/** A loan on offer with the claim it is sold for. */
export interface LoanClaim {
  loanId: string;
  claimFen: Fen;
}

/** The loans a portfolio offers (as its summary counts them) with their claims at the cut-off, by loan id. */
export function loansOnOffer(tx: DbOrTx, portfolioId: number): LoanClaim[] {
  return prepared(
    tx,
    `select loan_id as loanId, claim_fen as claimFen from portfolio_loans where ${ON_OFFER} order by loan_id`,
  ).all({ portfolioId }) as LoanClaim[];
}

/** Writes a sale's allocation in bulk, in the caller's transaction. */
export function insertAllocations(
  tx: DbOrTx,
  saleId: number,
  loans: readonly LoanClaim[],
  pricesFen: readonly number[],
): void {
  const insert = prepared(
    tx,
    'insert into sale_allocations (sale_id, loan_id, claim_fen, price_fen) values (?, ?, ?, ?)',
  );
  loans.forEach((loan, index) => insert.run(saleId, loan.loanId, loan.claimFen, pricesFen[index]));
}

/** A sale's allocation of the loans still in it (none has left it), by loan id. */
export function allocationsOf(tx: DbOrTx, saleId: number): (LoanClaim & { priceFen: Fen })[] {
  return prepared(
    tx,
    `select loan_id as loanId, claim_fen as claimFen, price_fen as priceFen from sale_allocations a
      where sale_id = ? and not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id)
      order by loan_id`,
  ).all(saleId) as (LoanClaim & { priceFen: Fen })[];
}

/** A loan of the sale the latest screening of its portfolio excludes, with the rules that fired. */
export interface ExcludedAllocation extends LoanClaim {
  priceFen: Fen;
  firedRules: string[];
}

/** The loans still in the sale that the portfolio's latest screening excludes, by loan id. */
export function excludedAllocations(tx: DbOrTx, sale: SaleRow): ExcludedAllocation[] {
  const rows = prepared(
    tx,
    `select a.loan_id as loanId, a.claim_fen as claimFen, a.price_fen as priceFen, pl.fired_rules as firedRules
       from sale_allocations a join portfolio_loans pl on pl.portfolio_id = ? and pl.loan_id = a.loan_id
      where a.sale_id = ? and pl.verdict = 'excluded'
        and not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id)
      order by a.loan_id`,
  ).all(sale.portfolioId, sale.id) as (LoanClaim & { priceFen: Fen; firedRules: string | null })[];
  return rows.map((row) => ({
    ...row,
    firedRules: row.firedRules === null ? [] : (JSON.parse(row.firedRules) as string[]),
  }));
}

/** A loan leaving a sale after the award. */
export interface SaleExit {
  saleId: number;
  loanId: string;
  kind: SaleExitKind;
  reason: string;
  exitDate: string;
  claimFen: Fen;
  priceFen: Fen;
  refundFen: Fen;
}

/** Records loans leaving a sale, in the caller's transaction. */
export function insertExits(tx: DbOrTx, exits: readonly SaleExit[]): void {
  const insert = prepared(
    tx,
    'insert into sale_exits (sale_id, loan_id, kind, reason, exit_date, claim_fen, price_fen, refund_fen) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const exit of exits)
    insert.run(
      exit.saleId,
      exit.loanId,
      exit.kind,
      exit.reason,
      exit.exitDate,
      exit.claimFen,
      exit.priceFen,
      exit.refundFen,
    );
}

/** The sale's loans with a recovery booked on a payment dated after `cutOffDate`: those whose interim collections the buyer is owed. */
export function loansRecoveredAfter(tx: DbOrTx, saleId: number, cutOffDate: string): string[] {
  return (
    prepared(
      tx,
      `select distinct a.loan_id as loanId from sale_allocations a
         join off_balance_register r on r.loan_id = a.loan_id and r.kind = 'recovery'
         join collection_events e on e.id = r.collection_event_id
        where a.sale_id = ? and e.event_date > ?
          and not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id)
        order by a.loan_id`,
    ).all(saleId, cutOffDate) as { loanId: string }[]
  ).map((row) => row.loanId);
}
