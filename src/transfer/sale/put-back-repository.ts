import type { Fen } from '../../shared';
import { and, desc, eq, ne } from 'drizzle-orm';
import { type DbOrTx, prepared, putBacks } from '../../../db';

export type PutBackRow = typeof putBacks.$inferSelect;

export function insertPutBack(tx: DbOrTx, putBack: typeof putBacks.$inferInsert): PutBackRow {
  return tx.insert(putBacks).values(putBack).returning().get();
}

export function findPutBack(tx: DbOrTx, id: number): PutBackRow | undefined {
  return tx.select().from(putBacks).where(eq(putBacks.id, id)).get();
}

export function updatePutBack(
  tx: DbOrTx,
  id: number,
  patch: Partial<typeof putBacks.$inferInsert>,
): PutBackRow {
  return tx.update(putBacks).set(patch).where(eq(putBacks.id, id)).returning().get();
}

/** A loan's put-back in a sale that is requested or accepted (a rejected one may be asked again). */
export function livePutBack(tx: DbOrTx, saleId: number, loanId: string): PutBackRow | undefined {
  return tx
    .select()
    .from(putBacks)
    .where(
      and(
        eq(putBacks.saleId, saleId),
        eq(putBacks.loanId, loanId),
        ne(putBacks.status, 'rejected'),
      ),
    )
    .get();
}

export function putBacksOf(tx: DbOrTx, saleId: number): PutBackRow[] {
  return tx
    .select()
    .from(putBacks)
    .where(eq(putBacks.saleId, saleId))
    .orderBy(desc(putBacks.id))
    .all();
}

/** A loan's allocated price in a sale, or undefined when the sale did not sell it. */
export function allocatedPrice(tx: DbOrTx, saleId: number, loanId: string): Fen | undefined {
  return (
    prepared(
      tx,
      'select price_fen as priceFen from sale_allocations where sale_id = ? and loan_id = ?',
    ).get(saleId, loanId) as { priceFen: Fen } | undefined
  )?.priceFen;
}

/** Lets the sold portfolio go of a returned loan, so another portfolio may offer it. */
export function releaseReturnedLoan(tx: DbOrTx, portfolioId: number, loanId: string): void {
  prepared(tx, 'update portfolio_loans set active = 0 where portfolio_id = ? and loan_id = ?').run(
    portfolioId,
    loanId,
  );
}
