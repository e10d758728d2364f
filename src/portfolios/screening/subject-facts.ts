import {
  ageInYears,
  delinquencyStartDate,
  sameDayYearsLater,
  type ScreeningSubject,
} from '../snapshot';

// Facts about a screening subject that several rule packs ask about.

const ADULT_AGE_YEARS = 18;

/** The borrower was under 18 when the loan was made; unknown ages never count as minors. */
export function wasMinorAtOrigination(subject: ScreeningSubject): boolean {
  return (
    subject.birthDate !== null &&
    ageInYears(subject.birthDate, subject.originationDate) < ADULT_AGE_YEARS
  );
}

/** Nothing is left to collect: the claim at the cut-off is zero, or payments since charge-off have covered the amount charged off. */
export function isFullyRecovered(subject: ScreeningSubject): boolean {
  return subject.claimFen === 0 || subject.collectedFen >= subject.chargeOffFen;
}

/** Paid off or settled (the loan's status), or on a repayment plan that is being kept. */
export function isSettledOrOnPlan(subject: ScreeningSubject): boolean {
  return subject.status === 'settled' || subject.status === 'closed' || subject.activeRepaymentPlan;
}

/** A lawsuit filed and not yet decided. */
export function isLitigationPending(subject: ScreeningSubject): boolean {
  return subject.litigationStatus === 'filed';
}

/** More than `years` years have passed since the first day of the default (past its anniversary). */
export function inDefaultLongerThan(subject: ScreeningSubject, years: number): boolean {
  return (
    subject.asOf >
    sameDayYearsLater(delinquencyStartDate(subject.chargeOffDate, subject.dpdAtChargeOff), years)
  );
}
