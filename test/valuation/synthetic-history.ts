import type {
  HistoryEvent,
  HistoryLoan,
  RecoveryHistory,
} from '../../src/valuation/history/recovery-history';
import { exponentialCurve, syntheticBook } from './synthetic-book';

/** A synthetic book (known curve, decay 0.04) as the history the valuation reads, the large-balance half a second product. */
export function syntheticHistory(options: {
  seed: number;
  cohorts: number;
  accountsPerCohort: number;
  asOf: string;
}): RecoveryHistory {
  const trueRates = exponentialCurve({
    ageZeroRate: 0.004,
    firstMonthRate: 0.015,
    decayPerMonth: 0.04,
    horizonMonths: 120,
  });
  const book = syntheticBook({ ...options, trueRates, futureMonths: 0 });
  return {
    loans: book.loans.map(
      (l) =>
        ({
          loanId: l.loanId,
          chargeOffDate: l.chargeOffDate,
          chargeOffFen: l.chargeOffFen,
          product: l.band === 'small' ? 'card' : 'loan',
          province: null,
          placementStage: null,
          litigationStatus: 'none',
        }) satisfies HistoryLoan,
    ),
    events: book.events.map((e): HistoryEvent => ({ ...e, type: 'payment', channel: 'agency' })),
  };
}
