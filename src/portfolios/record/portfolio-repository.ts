import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import { type DbOrTx, portfolios, portfolioScreenings, type PortfolioStatus } from '../../../db';

export type PortfolioRow = typeof portfolios.$inferSelect;
export type NewPortfolio = typeof portfolios.$inferInsert;
export type ScreeningRow = typeof portfolioScreenings.$inferSelect;
export type NewScreening = typeof portfolioScreenings.$inferInsert;

export function insertPortfolio(tx: DbOrTx, portfolio: NewPortfolio): PortfolioRow {
  return tx.insert(portfolios).values(portfolio).returning().get();
}

export function findPortfolio(tx: DbOrTx, id: number): PortfolioRow | undefined {
  return tx.select().from(portfolios).where(eq(portfolios.id, id)).get();
}

export function updatePortfolio(
  tx: DbOrTx,
  id: number,
  patch: Partial<NewPortfolio>,
): PortfolioRow {
  const updated = tx.update(portfolios).set(patch).where(eq(portfolios.id, id)).returning().get();
  if (!updated) throw new Error(`portfolio ${id} vanished inside its own transaction`);
  return updated;
}

/** Portfolios newest first, before the `beforeId` cursor. */
export function listPortfolios(
  tx: DbOrTx,
  filter: { status?: PortfolioStatus; parentId?: number; beforeId?: number; limit: number },
): PortfolioRow[] {
  const where: (SQL | undefined)[] = [
    filter.status === undefined ? undefined : eq(portfolios.status, filter.status),
    filter.parentId === undefined ? undefined : eq(portfolios.parentId, filter.parentId),
    filter.beforeId === undefined ? undefined : lt(portfolios.id, filter.beforeId),
  ];
  return tx
    .select()
    .from(portfolios)
    .where(and(...where))
    .orderBy(desc(portfolios.id))
    .limit(filter.limit)
    .all();
}

/** The lots of a portfolio, in the order they were made. */
export function lotsOf(tx: DbOrTx, parentId: number): PortfolioRow[] {
  return tx
    .select()
    .from(portfolios)
    .where(eq(portfolios.parentId, parentId))
    .orderBy(asc(portfolios.id))
    .all();
}

export function insertScreening(tx: DbOrTx, screening: NewScreening): ScreeningRow {
  return tx.insert(portfolioScreenings).values(screening).returning().get();
}

/** A portfolio's screenings, latest first. */
export function screeningsOf(tx: DbOrTx, portfolioId: number): ScreeningRow[] {
  return tx
    .select()
    .from(portfolioScreenings)
    .where(eq(portfolioScreenings.portfolioId, portfolioId))
    .orderBy(desc(portfolioScreenings.id))
    .all();
}

export function latestScreening(tx: DbOrTx, portfolioId: number): ScreeningRow | undefined {
  return tx
    .select()
    .from(portfolioScreenings)
    .where(eq(portfolioScreenings.portfolioId, portfolioId))
    .orderBy(desc(portfolioScreenings.id))
    .limit(1)
    .get();
}

export function updateScreening(
  tx: DbOrTx,
  id: number,
  patch: Partial<NewScreening>,
): ScreeningRow {
  const updated = tx
    .update(portfolioScreenings)
    .set(patch)
    .where(eq(portfolioScreenings.id, id))
    .returning()
    .get();
  if (!updated) throw new Error(`screening ${id} vanished inside its own transaction`);
  return updated;
}

export function findScreening(tx: DbOrTx, id: number): ScreeningRow | undefined {
  return tx.select().from(portfolioScreenings).where(eq(portfolioScreenings.id, id)).get();
}
