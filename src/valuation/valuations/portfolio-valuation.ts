import { asFen, type Fen, roundToFen } from '../../shared';

/** The price grid as money: each price rounded to the fen. */
export type FenSensitivityGrid = Omit<SensitivityGrid, 'prices'> & { prices: Fen[][] };
import {
  type CostModel,
  npv,
  collectionMultiples,
  paybackMonth,
  priceAtTargetIrr,
  monthlyFen,
  totalFen,
  type MonthlyFen,
  projectBook,
  type ValuationBook,
} from '../maths';
import { sensitivityGrid, type SensitivityGrid } from './sensitivity';

export interface ValuationTerms {
  horizonMonths: number;
  discountRateAnnual: number;
  targetIrrAnnual: number;
  recoveryShock?: number;
  sensitivity?: { recoveryShocks: number[]; discountRatesAnnual: number[] };
}

/** A valuation's numbers, money in integer fen. */
export interface PortfolioValuation {
  faceFen: Fen;
  /** Estimated remaining collections: undiscounted gross over the horizon. */
  ercFen: Fen;
  costsFen: Fen;
  netCollectionsFen: Fen;
  npvFen: Fen;
  priceFen: Fen;
  /** Price ÷ face value. */
  priceShareOfFace: number;
  /** Undefined when the price is not positive. */
  grossMultiple: number | undefined;
  netMultiple: number | undefined;
  paybackMonth: number | undefined;
  monthly: MonthlyFen;
  sensitivity: FenSensitivityGrid | undefined;
}

/**
 * Values a compiled book: projects it (`projectBook`) and turns the months into fen
 * (`monthlyFen`), then ERC = Σ gross, costs = Σ costs, net collections = Σ net (so the totals are
 * the months' sums to the fen), NPV = net discounted at the discount rate, price = net discounted
 * at the target IRR, price as a share of face, gross and net multiples at that price, payback
 * month, and the price grid over recovery shocks × discount rates. Deterministic: the same book
 * and terms give the same numbers.
 * @example valuePortfolio(compileBook(loans, curveFor, '2025-12-31'), costModel, { horizonMonths: 120, discountRateAnnual: 0.12, targetIrrAnnual: 0.2 })
 * @throws RangeError as `projectBook`, or for an empty book
 */
export function valuePortfolio(
  book: ValuationBook,
  costModel: CostModel,
  terms: ValuationTerms,
): PortfolioValuation {
  if (book.curveIndex.length === 0)
    throw new RangeError('an empty portfolio has no value to compute');
  const project = (recoveryShock: number): MonthlyFen =>
    monthlyFen(projectBook(book, costModel, { horizonMonths: terms.horizonMonths, recoveryShock }));
  const shock = terms.recoveryShock ?? 0;
  const monthly = project(shock);
  const price = priceAtTargetIrr(monthly.netFen, terms.targetIrrAnnual);
  const multiples =
    price > 0 ? collectionMultiples(monthly.grossFen, monthly.netFen, price) : undefined;
  const grid =
    terms.sensitivity &&
    sensitivityGrid(
      (s) => (s === shock ? monthly : project(s)).netFen,
      terms.sensitivity.recoveryShocks,
      terms.sensitivity.discountRatesAnnual,
    );
  return {
    faceFen: asFen(book.faceFen),
    ercFen: totalFen(monthly.grossFen),
    costsFen: totalFen(monthly.costsFen),
    netCollectionsFen: totalFen(monthly.netFen),
    npvFen: roundToFen(npv(monthly.netFen, terms.discountRateAnnual)),
    priceFen: roundToFen(price),
    priceShareOfFace: book.faceFen > 0 ? price / book.faceFen : 0,
    grossMultiple: multiples?.grossMultiple,
    netMultiple: multiples?.netMultiple,
    paybackMonth: paybackMonth(monthly.netFen, price),
    monthly,
    sensitivity: grid && { ...grid, prices: grid.prices.map((row) => row.map(roundToFen)) },
  };
}
