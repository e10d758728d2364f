import { asFen, type Fen, type IsoDate, ZERO_FEN } from '../../shared';
import {
  type CostModel,
  type MonthlyFen,
  type CurveFitOptions,
  type RecoveryTriangle,
  simulate,
  type SimulationResult,
  compileBook,
  type ValuationLoan,
} from '../maths';
import { holdOrSell, type HoldOrSell } from './hold-or-sell';
import {
  valuePortfolio,
  type PortfolioValuation,
  type ValuationTerms,
} from './portfolio-valuation';
import type { HistoryLoan } from '../history';
import type { FenSensitivityGrid } from './portfolio-valuation';
import type { StoredCurves } from '../curves';

/** A loan on offer: the facts its segment is read from, and what it owes at the cut-off. */
export type OfferedLoan = HistoryLoan & { claimFen: Fen };

/** Everything a valuation is computed from. */
export interface ValuationSetup {
  /** Read once, one at a time. */
  loans: Iterable<OfferedLoan>;
  curves: StoredCurves;
  segmentOf: (loan: HistoryLoan) => string;
  /** Whether the litigation plan sues the loan. */
  litigates: (loan: OfferedLoan) => boolean;
  /** The book's gross history the curves were fitted on, and how they were fitted: what the bootstrap redraws. */
  history: RecoveryTriangle;
  curveFit: CurveFitOptions;
  costModel: CostModel;
  valuationDate: IsoDate;
  terms: Required<
    Pick<ValuationTerms, 'horizonMonths' | 'discountRateAnnual' | 'targetIrrAnnual' | 'sensitivity'>
  >;
  seed: number;
  simulations: number;
}

/** The loans of one segment key, and the curve they were valued on: the segment's own, or the book's when the curve set has none for the key. */
export interface SegmentUse {
  segment: string;
  curve: string;
  loans: number;
  faceFen: Fen;
}

export interface ValuationResults {
  loans: number;
  litigatedLoans: number;
  measures: Omit<PortfolioValuation, 'monthly' | 'sensitivity'>;
  monthly: MonthlyFen;
  sensitivity: FenSensitivityGrid;
  distribution: SimulationResult;
  holdOrSell: HoldOrSell;
  segments: SegmentUse[];
}

type CompiledLoan = ValuationLoan & { segment: string };

/**
 * Values loans on offer: each loan on its segment's curve (else the book's), aged to the
 * valuation date and capped by its claim (`compileBook`); the measures and sensitivity grid
 * (`valuePortfolio`), the seeded bootstrap's P5/P50/P95 (`simulate`), and hold or sell
 * (`holdOrSell`) against the price. Deterministic for the same setup and seed.
 * @throws RangeError for no loans, a loan charged off after the valuation date, or as `simulate`
 */
export function valuationResults(setup: ValuationSetup): ValuationResults {
  const { curves, terms } = setup;
  const segments = new Map<string, SegmentUse>();
  function* compiled(): Generator<CompiledLoan> {
    for (const loan of setup.loans) {
      if (loan.chargeOffDate > setup.valuationDate)
        throw new RangeError(
          `loan ${loan.loanId} was charged off on ${loan.chargeOffDate}, after the valuation date ${setup.valuationDate}`,
        );
      const segment = setup.segmentOf(loan);
      let use = segments.get(segment);
      if (!use)
        segments.set(
          segment,
          (use = {
            segment,
            curve: (curves.bySegment.get(segment) ?? curves.book).segment,
            loans: 0,
            faceFen: ZERO_FEN,
          }),
        );
      use.loans += 1;
      use.faceFen = asFen(use.faceFen + loan.claimFen);
      yield {
        chargeOffDate: loan.chargeOffDate,
        chargeOffFen: loan.chargeOffFen,
        claimFen: loan.claimFen,
        litigate: setup.litigates(loan),
        segment,
      };
    }
  }
  const book = compileBook(
    compiled(),
    (loan) => curves.bySegment.get(loan.segment) ?? curves.book,
    setup.valuationDate,
  );
  // The terms carry the sensitivity axes, so the grid is always there.
  const { monthly, sensitivity, ...measures } = valuePortfolio(book, setup.costModel, terms);
  const distribution = simulate({
    seed: setup.seed,
    simulations: setup.simulations,
    history: setup.history,
    curveFit: setup.curveFit,
    book,
    costModel: setup.costModel,
    terms,
  });
  return {
    loans: book.curveIndex.length,
    litigatedLoans: book.litigatedAccounts,
    measures,
    monthly,
    sensitivity: sensitivity!,
    distribution,
    holdOrSell: holdOrSell(book, setup.costModel, terms, measures.priceFen),
    segments: [...segments.values()].sort((a, b) => a.segment.localeCompare(b.segment)),
  };
}
