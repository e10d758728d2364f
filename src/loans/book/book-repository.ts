import { claimSql } from '../../shared';
import { and, count, eq, gt, inArray, max, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type DbOrTx, loans, type LoanStatus } from '../../../db';
import { dayNumber, type IsoDate, type Fen, ZERO_FEN } from '../../shared';
import type { ChargeOffPolicy } from './charge-off-policy';
import type { DelinquencyRecord } from './delinquency';
import { onBookStatuses } from './on-book';

export type LoanRow = typeof loans.$inferSelect;

/** A keyset page: rows with internal id after `afterId`, in id order, at most `limit`. */
export interface KeysetRange {
  afterId: number;
  limit: number;
}

export interface LoanFilters {
  status?: LoanStatus;
  product?: string;
  province?: string;
}

/**
 * The status column with its index disabled (SQLite's unary `+`). The (status, days_past_due) index
 * returns rows out of id order, so keyset pages sorted a whole status (660 ms on 1M loans instead of
 * 1 ms), and whole-book aggregates paid a random lookup per row (1.0 s instead of 0.6 s).
 */
const statusUnindexed = sql`+${loans.status}`;
const onBook = inArray(statusUnindexed, onBookStatuses);
const sumOf = (column: SQLWrapper) => sql<Fen>`coalesce(sum(${column}), 0)`;
const claimOf = sql.raw(claimSql());

/** The latest tape date of the book; `undefined` when the book is empty. */
export function latestTapeDate(db: DbOrTx): IsoDate | undefined {
  return (
    db
      .select({ latest: max(loans.tapeDate) })
      .from(loans)
      .get()?.latest ?? undefined
  );
}

/** On-book loans grouped by tape date and days past due, with their summed balances: one scan. */
export function delinquencyRecords(db: DbOrTx): DelinquencyRecord[] {
  return db
    .select({
      tapeDate: loans.tapeDate,
      daysPastDue: loans.daysPastDue,
      loans: count(),
      principalFen: sumOf(loans.principalFen),
      interestFen: sumOf(loans.interestFen),
      feeFen: sumOf(loans.feeFen),
      penaltyFen: sumOf(loans.penaltyFen),
    })
    .from(loans)
    .where(onBook)
    .groupBy(loans.tapeDate, loans.daysPastDue)
    .all();
}

/** How many loans are charged off (off the balance sheet, not sold) and the amount charged off. */
export function chargedOffTotals(db: DbOrTx): { loans: number; chargeOffFen: Fen } {
  const totals = db
    .select({ loans: count(), chargeOffFen: sumOf(loans.chargeOffFen) })
    .from(loans)
    .where(eq(statusUnindexed, 'charged_off'))
    .get();
  return totals ?? { loans: 0, chargeOffFen: ZERO_FEN };
}

export function findLoan(db: DbOrTx, loanId: string): LoanRow | undefined {
  return db.select().from(loans).where(eq(loans.loanId, loanId)).get();
}

export function listLoans(db: DbOrTx, filters: LoanFilters, range: KeysetRange): LoanRow[] {
  const where = and(
    gt(loans.id, range.afterId),
    filters.status === undefined ? undefined : eq(statusUnindexed, filters.status),
    filters.product === undefined ? undefined : eq(loans.product, filters.product),
    filters.province === undefined ? undefined : eq(loans.province, filters.province),
  );
  return db.select().from(loans).where(where).orderBy(loans.id).limit(range.limit).all();
}

/**
 * SQL twin of `chargeOffRules(...).length > 0` with days past due projected as
 * `projectedDaysPastDue` does; the HTTP tests hold the two to the same edges (179/180 days).
 * Tape dates are midnight UTC, so `unixepoch / 86400` is their exact day number.
 */
function chargeOffCandidate(asOf: IsoDate, policy: ChargeOffPolicy): SQL | undefined {
  const projectedDaysPastDue = sql`(case when ${loans.daysPastDue} > 0
    then ${loans.daysPastDue} + ${dayNumber(asOf)} - unixepoch(${loans.tapeDate}) / 86400 else 0 end)`;
  return and(
    onBook,
    or(
      sql`${projectedDaysPastDue} >= ${policy.dpdThreshold}`,
      eq(loans.bankrupt, true),
      eq(loans.deceased, true),
    ),
  );
}

export function chargeOffCandidatePage(
  db: DbOrTx,
  asOf: IsoDate,
  policy: ChargeOffPolicy,
  range: KeysetRange,
): LoanRow[] {
  return db
    .select()
    .from(loans)
    .where(and(gt(loans.id, range.afterId), chargeOffCandidate(asOf, policy)))
    .orderBy(loans.id)
    .limit(range.limit)
    .all();
}

export function chargeOffCandidateTotals(
  db: DbOrTx,
  asOf: IsoDate,
  policy: ChargeOffPolicy,
): { loans: number; claimFen: Fen } {
  const totals = db
    .select({ loans: count(), claimFen: sumOf(claimOf) })
    .from(loans)
    .where(chargeOffCandidate(asOf, policy))
    .get();
  return totals ?? { loans: 0, claimFen: ZERO_FEN };
}
