/** The two rates of a valuation, and what was assumed to get them. */
export interface ValuationRates {
  discountRateAnnual: number;
  targetIrrAnnual: number;
  notes: string[];
}

/**
 * The seller's discount rate (NPV, hold or sell) and the buyer's target IRR (the price). Either may
 * be given alone: it then stands for both, and a note says so, since a price at the seller's own
 * rate is an NPV, not what a buyer would pay.
 * @example valuationRates({ targetIrrAnnual: 0.2 }) // { discountRateAnnual: 0.2, targetIrrAnnual: 0.2, notes: ['no discount rate given: …'] }
 * @throws RangeError when neither is given
 */
export function valuationRates(given: {
  discountRateAnnual?: number | undefined;
  targetIrrAnnual?: number | undefined;
}): ValuationRates {
  const { discountRateAnnual, targetIrrAnnual } = given;
  if (discountRateAnnual !== undefined && targetIrrAnnual !== undefined)
    return { discountRateAnnual, targetIrrAnnual, notes: [] };
  if (discountRateAnnual !== undefined)
    return {
      discountRateAnnual,
      targetIrrAnnual: discountRateAnnual,
      notes: [
        `no target IRR given: the discount rate ${discountRateAnnual} prices the portfolio too`,
      ],
    };
  if (targetIrrAnnual !== undefined)
    return {
      discountRateAnnual: targetIrrAnnual,
      targetIrrAnnual,
      notes: [
        `no discount rate given: the target IRR ${targetIrrAnnual} discounts the NPV and the in-house collections too`,
      ],
    };
  throw new RangeError('a valuation needs a discount rate, a target IRR or both');
}
