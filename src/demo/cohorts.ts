import { type IsoDate, addDays, addMonths, dayNumber, fromDayNumber } from '../shared';
import { WeightedChoice, type Random } from './random';

/** One month of charge-offs (a static pool) and its luck. */
export interface ChargeOffCohort {
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Multiplies the whole pool's recovery curve: vintages differ (economy, underwriting). */
  vintageFactor: number;
}

const COHORT_MONTHS = 48;
/** The book grew: the newest cohort is 60 % larger than the oldest. */
const GROWTH_OVER_COHORTS = 0.6;
const VINTAGE_SIGMA = 0.15;
/**
 * Charge-offs fall on days 1–28 of their month, so that "n months after charge-off" never needs
 * clamping to a month's end and every month since charge-off is a whole calendar month.
 */
const LAST_CHARGE_OFF_DAY = 28;

/**
 * The 48 monthly charge-off cohorts ending with the tape date's month (whose charge-offs stop at
 * the tape date), weighted by the size of the book at the time.
 */
export function chargeOffCohorts(random: Random, asOf: IsoDate): WeightedChoice<ChargeOffCohort> {
  const tapeMonth = `${asOf.slice(0, 8)}01`;
  const entries: (readonly [ChargeOffCohort, number])[] = [];
  for (let age = COHORT_MONTHS - 1; age >= 0; age--) {
    const firstDate = addMonths(tapeMonth, -age);
    const lastDay = addDays(firstDate, LAST_CHARGE_OFF_DAY - 1);
    const cohort = {
      firstDate,
      lastDate: lastDay < asOf ? lastDay : asOf,
      vintageFactor: random.meanOneNoise(VINTAGE_SIGMA),
    };
    entries.push([
      cohort,
      1 + (GROWTH_OVER_COHORTS * (COHORT_MONTHS - 1 - age)) / (COHORT_MONTHS - 1),
    ]);
  }
  return new WeightedChoice(entries);
}

/** A charge-off date within a cohort, uniform over its days. */
export function drawChargeOffDate(random: Random, cohort: ChargeOffCohort): IsoDate {
  return fromDayNumber(random.int(dayNumber(cohort.firstDate), dayNumber(cohort.lastDate)));
}
