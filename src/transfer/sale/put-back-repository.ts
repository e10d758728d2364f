import type { Fen } from '../../shared';
import { and, desc, eq, ne } from 'drizzle-orm';
import { type DbOrTx, prepared, putBacks, type putBackReasons } from '../../../db';

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

/** A loan's allocation in a sale (its claim at the cut-off and its price), or undefined when the sale did not sell it. */
export function allocationOf(
  tx: DbOrTx,
  saleId: number,
  loanId: string,
): { claimFen: Fen; priceFen: Fen } | undefined {
  return prepared(
    tx,
    'select claim_fen as claimFen, price_fen as priceFen from sale_allocations where sale_id = ? and loan_id = ?',
  ).get(saleId, loanId) as { claimFen: Fen; priceFen: Fen } | undefined;
}

/** A loan's allocated price in a sale, or undefined when the sale did not sell it. */
export function allocatedPrice(tx: DbOrTx, saleId: number, loanId: string): Fen | undefined {
  return allocationOf(tx, saleId, loanId)?.priceFen;
}

/** Lets the sold portfolio go of a returned loan, so another portfolio may offer it. */
export function releaseReturnedLoan(tx: DbOrTx, portfolioId: number, loanId: string): void {
  prepared(tx, 'update portfolio_loans set active = 0 where portfolio_id = ? and loan_id = ?').run(
    portfolioId,
    loanId,
  );
}

/** The loan flag a put-back reason establishes: the fact the buyer proved, which screening reads. */
const flagOfReason: Partial<Record<(typeof putBackReasons)[number], string>> = {
  bankrupt: 'bankrupt',
  deceased: 'deceased',
  fraud: 'fraud',
};

/** Sets on the loan the fact an accepted put-back established (bankrupt, deceased, fraud); other reasons set none. */
export function recordPutBackFact(
  tx: DbOrTx,
  loanId: string,
  reason: (typeof putBackReasons)[number],
): void {
  const flag = flagOfReason[reason];
  if (flag) prepared(tx, `update loans set ${flag} = 1 where loan_id = ?`).run(loanId);
}

/** Adds an accepted put-back to the sale's net figures. */
export function addPutBackToSale(
  tx: DbOrTx,
  saleId: number,
  putBack: { claimFen: Fen; refundFen: Fen },
): void {
  prepared(
    tx,
    'update sales set refunds_fen = refunds_fen + ?, put_back_claim_fen = put_back_claim_fen + ?, put_back_count = put_back_count + 1 where id = ?',
  ).run(putBack.refundFen, putBack.claimFen, saleId);
}

/** How a loan left a sale after the award (bring-down or put-back), if it did. */
export function exitOf(
  tx: DbOrTx,
  saleId: number,
  loanId: string,
): { kind: string; reason: string; exitDate: string } | undefined {
  return prepared(
    tx,
    'select kind, reason, exit_date as exitDate from sale_exits where sale_id = ? and loan_id = ?',
  ).get(saleId, loanId) as { kind: string; reason: string; exitDate: string } | undefined;
}
