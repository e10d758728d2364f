import { priceAtTargetIrr } from '../maths';

export interface SensitivityGrid {
  recoveryShocks: number[];
  discountRatesAnnual: number[];
  /** prices[i][j]: the price at shock i and annual rate j (NPV of the shocked net flows at that rate). */
  prices: number[][];
}

/**
 * Price against recovery-rate shock and discount rate: for each shock, the net flows projected
 * under it (`netFlowsAt`, re-projected so that each loan's cap still holds), discounted at each
 * rate.
 * @example sensitivityGrid((shock) => projectBook(book, costs, { horizonMonths: 120, recoveryShock: shock }).netFen, [-0.2, 0, 0.2], [0.1, 0.15, 0.2])
 * @throws RangeError for an empty list of shocks or rates
 */
export function sensitivityGrid(
  netFlowsAt: (recoveryShock: number) => ArrayLike<number>,
  recoveryShocks: readonly number[],
  discountRatesAnnual: readonly number[],
): SensitivityGrid {
  if (recoveryShocks.length === 0 || discountRatesAnnual.length === 0)
    throw new RangeError('a sensitivity grid needs at least one shock and one rate');
  const prices = recoveryShocks.map((shock) => {
    const net = netFlowsAt(shock);
    return discountRatesAnnual.map((rate) => priceAtTargetIrr(net, rate));
  });
  return {
    recoveryShocks: [...recoveryShocks],
    discountRatesAnnual: [...discountRatesAnnual],
    prices,
  };
}
