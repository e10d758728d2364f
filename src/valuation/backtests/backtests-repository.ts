import { desc, eq, getTableColumns } from 'drizzle-orm';
import { type DbOrTx, backtests } from '../../../db';

export type BacktestRow = typeof backtests.$inferSelect;
export type BacktestSummaryRow = Omit<BacktestRow, 'result'>;

const { result: _result, ...summaryColumns } = getTableColumns(backtests);

export function insertBacktest(tx: DbOrTx, values: typeof backtests.$inferInsert): BacktestRow {
  return tx.insert(backtests).values(values).returning().get();
}

export function findBacktest(db: DbOrTx, id: number): BacktestRow | undefined {
  return db.select().from(backtests).where(eq(backtests.id, id)).get();
}

/** Back-tests newest first, without their results. */
export function listBacktests(db: DbOrTx, limit: number): BacktestSummaryRow[] {
  return db.select(summaryColumns).from(backtests).orderBy(desc(backtests.id)).limit(limit).all();
}
