import {
  allocatePrice,
  asFen,
  type Fen,
  type IsoDate,
  roundToFen,
  subtractFen,
  ZERO_FEN,
} from '../../shared';
import {
  type CostModel,
  type MonthlyFen,
  type CurveFitOptions,
  type RecoveryTriangle,
  simulate,
  type SimulationResult,
  compileBook,
  type MonthlyCashFlows,
  projectBook,
  type ProjectedCurve,
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
  /**
   * Its share of the expected gross collections and of the costs, to the fen: the segments' sums
   * are the valuation's ERC and costs exactly (largest remainders), net = gross − costs.
   */
  expectedGrossFen: Fen;
  expectedCostsFen: Fen;
  expectedNetFen: Fen;
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
  // One projected curve per segment (sharing the rates of the curve it uses), so the projection's
  // per-curve totals are per segment; and each segment's litigated accounts, for its legal costs.
  const projected = new Map<string, ProjectedCurve>();
  const litigated = new Map<string, number>();
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
            expectedGrossFen: ZERO_FEN,
            expectedCostsFen: ZERO_FEN,
            expectedNetFen: ZERO_FEN,
          }),
        );
      use.loans += 1;
      use.faceFen = asFen(use.faceFen + loan.claimFen);
      const litigate = setup.litigates(loan);
      if (litigate) litigated.set(segment, (litigated.get(segment) ?? 0) + 1);
      yield {
        chargeOffDate: loan.chargeOffDate,
        chargeOffFen: loan.chargeOffFen,
        claimFen: loan.claimFen,
        litigate,
        segment,
      };
    }
  }
  const curveOfSegment = (segment: string): ProjectedCurve => {
    let curve = projected.get(segment);
    if (!curve) {
      const used = curves.bySegment.get(segment) ?? curves.book;
      projected.set(segment, (curve = { segment, rates: used.rates }));
    }
    return curve;
  };
  const book = compileBook(compiled(), (loan) => curveOfSegment(loan.segment), setup.valuationDate);
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
    segments: withExpectedCollections(
      [...segments.values()].sort((a, b) => a.segment.localeCompare(b.segment)),
      projectBook(book, setup.costModel, { horizonMonths: terms.horizonMonths }).byCurve,
      book.curves.map((curve) => curve.segment),
      (segment) => (litigated.get(segment) ?? 0) * setup.costModel.legalCostPerLitigatedAccountFen,
      measures,
    ),
  };
}

/**
 * Each segment's expected gross, costs and net: the projection's per-curve totals (one curve per
 * segment) with its legal costs, shared out to the fen so that the segments add up to the
 * valuation's ERC and costs exactly (`allocatePrice`'s largest remainders over the rounded
 * expectations).
 */
function withExpectedCollections(
  segments: SegmentUse[],
  byCurve: MonthlyCashFlows['byCurve'],
  curveSegments: readonly string[],
  legalFenOf: (segment: string) => number,
  measures: { ercFen: Fen; costsFen: Fen },
): SegmentUse[] {
  const index = new Map(curveSegments.map((segment, i) => [segment, i]));
  const grossOf = (segment: string) => byCurve.grossFen[index.get(segment) ?? -1] ?? 0;
  const costsOf = (segment: string) => {
    const i = index.get(segment) ?? -1;
    return (byCurve.commissionFen[i] ?? 0) + (byCurve.fixedFen[i] ?? 0) + legalFenOf(segment);
  };
  const share = (totalFen: Fen, of: (segment: string) => number) =>
    allocatePrice(
      totalFen,
      segments.map((use) => roundToFen(Math.max(0, of(use.segment)))),
    );
  const gross = share(measures.ercFen, grossOf);
  const costs = share(measures.costsFen, costsOf);
  return segments.map((use, i) => ({
    ...use,
    expectedGrossFen: gross[i]!,
    expectedCostsFen: costs[i]!,
    expectedNetFen: subtractFen(gross[i]!, costs[i]!),
  }));
}
