import { desc, eq } from 'drizzle-orm';
import { type DbOrTx, valuations } from '../../../db';

export type ValuationRow = typeof valuations.$inferSelect;

export function insertValuation(tx: DbOrTx, values: typeof valuations.$inferInsert): ValuationRow {
  return tx.insert(valuations).values(values).returning().get();
}

export function findValuation(db: DbOrTx, id: number): ValuationRow | undefined {
  return db.select().from(valuations).where(eq(valuations.id, id)).get();
}

/** A portfolio's valuations, newest first. */
export function listValuations(db: DbOrTx, portfolioId: number, limit: number): ValuationRow[] {
  return db
    .select()
    .from(valuations)
    .where(eq(valuations.portfolioId, portfolioId))
    .orderBy(desc(valuations.id))
    .limit(limit)
    .all();
}
