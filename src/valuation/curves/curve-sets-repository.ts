import { desc, eq, getTableColumns } from 'drizzle-orm';
import { type DbOrTx, curveSets } from '../../../db';

export type CurveSetRow = typeof curveSets.$inferSelect;
export type CurveSetSummaryRow = Omit<CurveSetRow, 'curves' | 'costModel' | 'triangles'>;

const {
  curves: _curves,
  costModel: _costModel,
  triangles: _triangles,
  ...summaryColumns
} = getTableColumns(curveSets);

export function insertCurveSet(tx: DbOrTx, values: typeof curveSets.$inferInsert): CurveSetRow {
  return tx.insert(curveSets).values(values).returning().get();
}

export function findCurveSet(db: DbOrTx, id: number): CurveSetRow | undefined {
  return db.select().from(curveSets).where(eq(curveSets.id, id)).get();
}

/** Curve sets newest first, without their curves and triangles. */
export function listCurveSets(db: DbOrTx, limit: number): CurveSetSummaryRow[] {
  return db.select(summaryColumns).from(curveSets).orderBy(desc(curveSets.id)).limit(limit).all();
}
