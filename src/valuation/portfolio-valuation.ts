import type { CostModel } from './cost-model';
import { npv } from './discounting';
import { roundToFen } from './fen-rounding';
import { collectionMultiples, paybackMonth, priceAtTargetIrr } from './pricing';
import { projectBook, type MonthlyCashFlows } from './projection';
import { sensitivityGrid, type SensitivityGrid } from './sensitivity';
import type { ValuationBook } from './valuation-book';

export interface ValuationTerms {
  horizonMonths: number;
  discountRateAnnual: number;
  targetIrrAnnual: number;
  recoveryShock?: number;
  sensitivity?: { recoveryShocks: number[]; discountRatesAnnual: number[] };
}

/** A valuation's numbers, money in integer fen. */
export interface PortfolioValuation {
  faceFen: number;
  /** Estimated remaining collections: undiscounted gross over the horizon. */
  ercFen: number;
  costsFen: number;
  netCollectionsFen: number;
  npvFen: number;
  priceFen: number;
  /** Price ÷ face value. */
  priceShareOfFace: number;
  /** Undefined when the price is not positive. */
  grossMultiple: number | undefined;
  netMultiple: number | undefined;
  paybackMonth: number | undefined;
  monthly: { grossFen: number[]; costsFen: number[]; netFen: number[] };
  sensitivity: SensitivityGrid | undefined;
}

/**
 * Values a compiled book: projects it (`projectBook`), then ERC = Σ gross, net collections = Σ net,
 * NPV = net discounted at the discount rate, price = net discounted at the target IRR, price as a
 * share of face, gross and net multiples at that price, payback month, and the price grid over
 * recovery shocks × discount rates. Deterministic: the same book and terms give the same numbers.
 * Every amount becomes fen through `roundToFen`, once.
 * @example valuePortfolio(compileBook(loans, curveFor, '2025-12-31'), costModel, { horizonMonths: 120, discountRateAnnual: 0.12, targetIrrAnnual: 0.2 })
 * @throws RangeError as `projectBook`, or for an empty book
 */
export function valuePortfolio(book: ValuationBook, costModel: CostModel, terms: ValuationTerms): PortfolioValuation {
  if (book.curveIndex.length === 0) throw new RangeError('an empty portfolio has no value to compute');
  const project = (recoveryShock: number): MonthlyCashFlows => projectBook(book, costModel, { horizonMonths: terms.horizonMonths, recoveryShock });
  const shock = terms.recoveryShock ?? 0;
  const flows = project(shock);
  const price = priceAtTargetIrr(flows.netFen, terms.targetIrrAnnual);
  const multiples = price > 0 ? collectionMultiples(flows.grossFen, flows.netFen, price) : undefined;
  const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
  const grid = terms.sensitivity && sensitivityGrid((s) => (s === shock ? flows : project(s)).netFen, terms.sensitivity.recoveryShocks, terms.sensitivity.discountRatesAnnual);
  const toFen = (values: Float64Array) => Array.from(values, roundToFen);
  return {
    faceFen: book.faceFen,
    ercFen: roundToFen(sum(flows.grossFen)),
    costsFen: roundToFen(sum(flows.costsFen)),
    netCollectionsFen: roundToFen(sum(flows.netFen)),
    npvFen: roundToFen(npv(flows.netFen, terms.discountRateAnnual)),
    priceFen: roundToFen(price),
    priceShareOfFace: book.faceFen > 0 ? price / book.faceFen : 0,
    grossMultiple: multiples?.grossMultiple,
    netMultiple: multiples?.netMultiple,
    paybackMonth: paybackMonth(flows.netFen, price),
    monthly: { grossFen: toFen(flows.grossFen), costsFen: toFen(flows.costsFen), netFen: toFen(flows.netFen) },
    sensitivity: grid && { ...grid, prices: grid.prices.map((row) => row.map(roundToFen)) },
  };
}
