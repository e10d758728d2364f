import type { IsoDate } from '../../src/shared/dates';
import { asFen, type Fen } from '../../src/shared';
import { monthIndex } from '../../src/valuation/maths/calendar-month';
import { SeededRandom } from '../../src/valuation/maths/random';
import type { RecoveryEvent } from '../../src/valuation/maths/recovery-triangle';

/**
 * A synthetic book drawn from a known recovery curve, to show that the fitting and the
 * forecast find the truth. Each account pays in month `age` after charge-off with probability
 * rate(age) ÷ paymentShare an amount of paymentShare × its charged-off balance × a mean-one
 * log-normal noise (σ = 0.5), never more than it still owes: so a pool's expected collections at
 * each age are rate(age) × its balance, as the curve says.
 */
export interface SyntheticBookOptions {
  seed: number;
  /** Monthly charge-off cohorts, the last one in the month before `asOf`'s. */
  cohorts: number;
  accountsPerCohort: number;
  /** A month end. */
  asOf: IsoDate;
  trueRates: Float64Array;
  /** Months after `asOf` whose collections are drawn too: the truth a forecast is judged against. */
  futureMonths: number;
}

export interface SyntheticLoan {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: Fen;
  claimFen: Fen;
  band: 'small' | 'large';
}

export interface SyntheticBook {
  loans: SyntheticLoan[];
  /** Payments up to `asOf`. */
  events: RecoveryEvent[];
  /** What the loans actually paid in each month after `asOf`. */
  futureGrossFen: Float64Array;
}

const PAYMENT_SHARE = 0.05;
const NOISE_SIGMA = 0.5;

/** rate(0) = ageZeroRate; rate(age) = firstMonthRate · e^(−decay · (age − 1)) after. */
export function exponentialCurve(options: {
  ageZeroRate: number;
  firstMonthRate: number;
  decayPerMonth: number;
  horizonMonths: number;
}): Float64Array {
  return Float64Array.from({ length: options.horizonMonths }, (_, age) =>
    age === 0
      ? options.ageZeroRate
      : options.firstMonthRate * Math.exp(-options.decayPerMonth * (age - 1)),
  );
}

export function syntheticBook(options: SyntheticBookOptions): SyntheticBook {
  const random = new SeededRandom(options.seed);
  const asOfMonth = monthIndex(options.asOf);
  const book: SyntheticBook = {
    loans: [],
    events: [],
    futureGrossFen: new Float64Array(options.futureMonths),
  };
  for (let cohort = 0; cohort < options.cohorts; cohort++) {
    const chargeOffMonth = asOfMonth - options.cohorts + cohort;
    for (let n = 0; n < options.accountsPerCohort; n++) {
      const chargeOffDay = 1 + random.below(26);
      const chargeOffFen = asFen(500_000 + random.below(4_500_000));
      const loan: SyntheticLoan = {
        loanId: `S${cohort}-${n}`,
        chargeOffDate: dateOf(chargeOffMonth, chargeOffDay),
        chargeOffFen,
        claimFen: chargeOffFen,
        band: chargeOffFen < 2_000_000 ? 'small' : 'large',
      };
      book.loans.push(loan);
      liveOut(loan, chargeOffMonth, chargeOffDay, asOfMonth, options, random, book);
    }
  }
  return book;
}

function liveOut(
  loan: SyntheticLoan,
  chargeOffMonth: number,
  chargeOffDay: number,
  asOfMonth: number,
  options: SyntheticBookOptions,
  random: SeededRandom,
  book: SyntheticBook,
): void {
  const lastAge = Math.min(
    options.trueRates.length - 1,
    asOfMonth + options.futureMonths - chargeOffMonth,
  );
  let owedFen: number = loan.chargeOffFen;
  for (let age = 0; age <= lastAge && owedFen > 0; age++) {
    if (random.next() >= (options.trueRates[age] ?? 0) / PAYMENT_SHARE) continue;
    const noise = Math.exp(NOISE_SIGMA * random.normal() - (NOISE_SIGMA * NOISE_SIGMA) / 2);
    const amountFen = Math.min(owedFen, Math.round(PAYMENT_SHARE * loan.chargeOffFen * noise));
    owedFen -= amountFen;
    const month = chargeOffMonth + age;
    if (month > asOfMonth) {
      book.futureGrossFen[month - asOfMonth - 1]! += amountFen;
      continue;
    }
    const day =
      age === 0 ? chargeOffDay + 1 + random.below(28 - chargeOffDay) : 1 + random.below(28);
    book.events.push({
      loanId: loan.loanId,
      eventDate: dateOf(month, day),
      type: 'payment',
      amountFen,
    });
    loan.claimFen = asFen(owedFen);
  }
}

/** The date of a day (1–28) of a month index, without the cost of a Date. */
function dateOf(month: number, day: number): IsoDate {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
