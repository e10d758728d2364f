import { asFen, type Fen, roundToFen, sumFen } from '../../shared';
import type { MonthlyCashFlows } from './projection';

/** Monthly cash flows in whole fen, month t after the valuation date at index t − 1. */
export interface MonthlyFen {
  grossFen: Fen[];
  commissionFen: Fen[];
  legalFen: Fen[];
  fixedFen: Fen[];
  costsFen: Fen[];
  netFen: Fen[];
}

/**
 * Projected flows as money: gross, commission, legal and fixed each become fen once
 * (`roundToFen`); costs and net are then added and subtracted in whole fen, so that every month
 * and every total ties out exactly (costs = commission + legal + fixed, net = gross − costs), in
 * the API and in a workbook alike.
 * @example monthlyFen(projectBook(book, costModel, { horizonMonths: 120 })).netFen[0]
 */
export function monthlyFen(flows: MonthlyCashFlows): MonthlyFen {
  const grossFen = Array.from(flows.grossFen, roundToFen);
  const commissionFen = Array.from(flows.commissionFen, roundToFen);
  const legalFen = Array.from(flows.legalFen, roundToFen);
  const fixedFen = Array.from(flows.fixedFen, roundToFen);
  const costsFen = grossFen.map((_, t) => asFen(commissionFen[t]! + legalFen[t]! + fixedFen[t]!));
  return {
    grossFen,
    commissionFen,
    legalFen,
    fixedFen,
    costsFen,
    netFen: grossFen.map((gross, t) => asFen(gross - costsFen[t]!)),
  };
}

/** Σ of whole-fen amounts. */
export function totalFen(amounts: readonly Fen[]): Fen {
  return sumFen(amounts);
}
