import { claimFen } from '../../shared';
import {
  assertValidDelinquencyScheme,
  type DelinquencyBucket,
  type IsoDate,
  type Fen,
} from '../../shared';
import { addMeasures, emptyMeasures, type BalanceMeasures } from './balance-measures';
import { projectedDaysPastDue } from './days-past-due';

/** A named bucket scheme from the configuration (`grades`, `m_buckets`, or a lender's own). */
export interface DelinquencyScheme {
  name: string;
  buckets: readonly DelinquencyBucket[];
}

/**
 * One on-book loan as the classifier needs it (`loans: 1`), or several that share tape date and
 * days past due, summed: the repository groups a million loans into a few thousand such records.
 */
export interface DelinquencyRecord {
  tapeDate: IsoDate;
  daysPastDue: number;
  loans: number;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
}

/** Loans and balances per bucket, of current loans, and in total (the sum of every row). */
export interface DelinquencyBreakdown {
  buckets: { bucket: DelinquencyBucket; measures: BalanceMeasures }[];
  current: BalanceMeasures;
  totals: BalanceMeasures;
}

function contains(bucket: DelinquencyBucket, daysPastDue: number): boolean {
  return (
    daysPastDue >= bucket.minDays && (bucket.maxDays === undefined || daysPastDue <= bucket.maxDays)
  );
}

/**
 * The bucket of `daysPastDue`: the one with minDays ≤ dpd ≤ maxDays (no maxDays: no upper bound).
 * `undefined` for 0 days, a current loan.
 * @example bucketOf(31, builtInDelinquencySchemes.grades)?.code // 'moderate'
 */
export function bucketOf(
  daysPastDue: number,
  buckets: readonly DelinquencyBucket[],
): DelinquencyBucket | undefined {
  return buckets.find((bucket) => contains(bucket, daysPastDue));
}

/**
 * Classifies on-book loans by their days past due projected to `asOf` (see `projectedDaysPastDue`)
 * and sums loans and balances per bucket. Every record lands in exactly one row (a bucket, or
 * current), so `totals` = Σ bucket rows + current, exactly, in integer fen.
 * @throws Error if the scheme is invalid (see `assertValidDelinquencyScheme`)
 * @throws RangeError if `asOf` is before a record's tape date
 */
export function classifyDelinquency(
  records: readonly DelinquencyRecord[],
  scheme: DelinquencyScheme,
  asOf: IsoDate,
): DelinquencyBreakdown {
  assertValidDelinquencyScheme(scheme.name, scheme.buckets);
  const rows = scheme.buckets.map((bucket) => ({ bucket, measures: emptyMeasures() }));
  const current = emptyMeasures();
  for (const record of records) {
    const daysPastDue = projectedDaysPastDue(record.daysPastDue, record.tapeDate, asOf);
    const into =
      daysPastDue === 0
        ? current
        : rows.find(({ bucket }) => contains(bucket, daysPastDue))?.measures;
    // A valid scheme covers every day from 1 up; reaching this would mean the check above is wrong.
    if (!into)
      throw new Error(`no bucket of scheme "${scheme.name}" holds ${daysPastDue} days past due`);
    addMeasures(into, measuresOf(record));
  }
  const totals = rows.reduce(
    (sum, row) => addMeasures(sum, row.measures),
    addMeasures(emptyMeasures(), current),
  );
  return { buckets: rows, current, totals };
}

function measuresOf(record: DelinquencyRecord): BalanceMeasures {
  const { loans, principalFen, interestFen, feeFen, penaltyFen } = record;
  return {
    loans,
    principalFen,
    interestFen,
    feeFen,
    penaltyFen,
    totalFen: claimFen(record),
  };
}
