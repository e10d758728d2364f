import type { IsoDate } from '../../shared';
import { monthIndex } from './calendar-month';
import type { RecoveryCurve } from './recovery-curve';

/** A loan as the valuation sees it at the valuation date. */
export interface ValuationLoan {
  chargeOffDate: IsoDate;
  /** The balance at charge-off: the unit its recovery curve is per. */
  chargeOffFen: number;
  /** What it still owes at the valuation date: no more than this can be collected. */
  claimFen: number;
  /** The plan sues this account: its legal cost is spent in the first projected month. */
  litigate?: boolean;
}

/** A curve as projection reads it: its name and its rate per unit of charged-off balance at each age. */
export type ProjectedCurve = Pick<RecoveryCurve, 'segment' | 'rates'>;

/**
 * A portfolio compiled once for projection: the distinct curves and, per loan, in typed arrays,
 * its curve, its age at the valuation date (months since charge-off), its charged-off balance and
 * its claim. Projection and every sensitivity or simulation run reuse it.
 */
export interface ValuationBook {
  curves: ProjectedCurve[];
  curveIndex: Uint32Array;
  ageMonths: Int32Array;
  chargeOffFen: Float64Array;
  claimFen: Float64Array;
  litigatedAccounts: number;
  faceFen: number;
  maxAgeMonths: number;
}

/**
 * Compiles loans for projection, each with `curveFor(loan)` (curves compared by identity, so
 * return the same object for a segment). The valuation date stands for the end of its month (the
 * cut-off): a loan's age is counted in calendar months to it, and month 1 of the projection is the
 * next calendar month. Loans may come one at a time (a database cursor): none is kept, only its
 * numbers in the typed arrays, which grow as needed.
 * @example compileBook(loans, (loan) => curves.bySegment.get(segmentOf(loan)) ?? curves.parent, '2025-12-31')
 * @throws RangeError for a loan charged off after the valuation date or with a negative balance
 */
export function compileBook<L extends ValuationLoan>(
  loans: Iterable<L>,
  curveFor: (loan: L) => ProjectedCurve,
  valuationDate: IsoDate,
): ValuationBook {
  let capacity = Array.isArray(loans) ? loans.length : INITIAL_CAPACITY;
  const book: ValuationBook = {
    curves: [],
    curveIndex: new Uint32Array(capacity),
    ageMonths: new Int32Array(capacity),
    chargeOffFen: new Float64Array(capacity),
    claimFen: new Float64Array(capacity),
    litigatedAccounts: 0,
    faceFen: 0,
    maxAgeMonths: 0,
  };
  const indexOfCurve = new Map<ProjectedCurve, number>();
  const valuationMonth = monthIndex(valuationDate);
  let i = 0;
  for (const loan of loans) {
    if (i === capacity) resize(book, (capacity *= 2));
    const curve = curveFor(loan);
    let index = indexOfCurve.get(curve);
    if (index === undefined) {
      index = book.curves.push(curve) - 1;
      indexOfCurve.set(curve, index);
    }
    const age = valuationMonth - monthIndex(loan.chargeOffDate);
    if (age < 0 || loan.chargeOffDate > valuationDate)
      throw new RangeError(`loan ${i} was charged off after the valuation date`);
    if (!(loan.chargeOffFen >= 0 && loan.claimFen >= 0))
      throw new RangeError(`loan ${i} has a negative balance`);
    book.curveIndex[i] = index;
    book.ageMonths[i] = age;
    book.chargeOffFen[i] = loan.chargeOffFen;
    book.claimFen[i] = loan.claimFen;
    book.faceFen += loan.claimFen;
    if (loan.litigate) book.litigatedAccounts += 1;
    if (age > book.maxAgeMonths) book.maxAgeMonths = age;
    i += 1;
  }
  if (i < capacity) resize(book, i);
  return book;
}

const INITIAL_CAPACITY = 4096;

/** Copies the book's per-loan arrays into arrays of `capacity` (longer to grow, shorter to trim). */
function resize(book: ValuationBook, capacity: number): void {
  const copy = <A extends Uint32Array | Int32Array | Float64Array>(from: A, to: A): A => {
    to.set(from.subarray(0, Math.min(from.length, capacity)));
    return to;
  };
  book.curveIndex = copy(book.curveIndex, new Uint32Array(capacity));
  book.ageMonths = copy(book.ageMonths, new Int32Array(capacity));
  book.chargeOffFen = copy(book.chargeOffFen, new Float64Array(capacity));
  book.claimFen = copy(book.claimFen, new Float64Array(capacity));
}
