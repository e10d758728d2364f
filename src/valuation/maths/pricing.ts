import { npv } from './discounting';

/**
 * The price that makes the buyer's IRR equal the target: the net collections discounted at the
 * target rate, NPV(net, target), the flows at the end of months 1, 2, … after the purchase. Paying
 * it, irr([−price, …net]) = target (the test shows the round trip).
 * @example priceAtTargetIrr([110], 0.1, { monthly: false }) // 100: one year at 10 %
 * @throws RangeError for a target at or below −100 %
 */
export function priceAtTargetIrr(
  netFlows: ArrayLike<number>,
  targetIrrAnnual: number,
  options: { monthly?: boolean } = {},
): number {
  return npv(netFlows, targetIrrAnnual, { firstPeriod: 1, ...options });
}

/**
 * Collection multiples: what comes back per unit paid, gross = Σ gross ÷ price and net = Σ net ÷ price,
 * so that gross − net = Σ costs ÷ price.
 * @example collectionMultiples([30, 30], [20, 20], 20) // { grossMultiple: 3, netMultiple: 2 }
 * @throws RangeError when the price is not positive
 */
export function collectionMultiples(
  grossFlows: ArrayLike<number>,
  netFlows: ArrayLike<number>,
  price: number,
): { grossMultiple: number; netMultiple: number } {
  if (!(price > 0)) throw new RangeError(`multiples need a positive price: ${price}`);
  return { grossMultiple: sumOf(grossFlows) / price, netMultiple: sumOf(netFlows) / price };
}

/**
 * The month (1-based) by whose end the cumulative net collections first repay the price,
 * undiscounted, as debt buyers quote it; undefined when they never do within the flows.
 * @example paybackMonth([40, 40, 40], 100) // 3
 */
export function paybackMonth(netFlows: ArrayLike<number>, price: number): number | undefined {
  let cumulative = 0;
  for (let t = 0; t < netFlows.length; t++) {
    cumulative += netFlows[t] ?? 0;
    if (cumulative >= price) return t + 1;
  }
  return undefined;
}

function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += values[t] ?? 0;
  return sum;
}
