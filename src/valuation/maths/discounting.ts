/**
 * The monthly rate equivalent to an annual effective rate: (1 + r)^(1/12) − 1, so that twelve
 * months of compounding give exactly the annual rate.
 * @example monthlyRate(0.12682503) // 0.01
 * @throws RangeError for a rate at or below −100 %
 */
export function monthlyRate(annualRate: number): number {
  if (!(annualRate > -1)) throw new RangeError(`a rate must exceed −100 %: ${annualRate}`);
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

interface NpvOptions {
  /** Periods are months and the rate is annual effective (default); false: periods are the rate's own. */
  monthly?: boolean;
  /** The period of the first cash flow: 1 for flows at the end of each month after the valuation date (default), 0 for a flow today first. */
  firstPeriod?: number;
}

/**
 * Net present value: Σₜ CFₜ ÷ (1 + i)^(firstPeriod + t), with i the monthly equivalent of the
 * annual rate (or the rate itself when `monthly` is false).
 * @example npv([110], 0.1, { monthly: false }) // 100
 * @throws RangeError for a rate at or below −100 %
 */
export function npv(cashFlows: ArrayLike<number>, rate: number, options: NpvOptions = {}): number {
  const periodRate = options.monthly === false ? rate : monthlyRate(rate);
  if (!(periodRate > -1)) throw new RangeError(`a rate must exceed −100 %: ${rate}`);
  const discount = 1 / (1 + periodRate);
  let factor = Math.pow(discount, options.firstPeriod ?? 1);
  let sum = 0;
  for (let t = 0; t < cashFlows.length; t++) {
    sum += (cashFlows[t] ?? 0) * factor;
    factor *= discount;
  }
  return sum;
}
