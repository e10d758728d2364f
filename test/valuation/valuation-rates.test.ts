import { describe, expect, it } from 'vitest';
import { valuationRates } from '../../src/valuation/valuations/valuation-rates';

describe('valuationRates', () => {
  it('keeps both rates when both are given, with no note', () => {
    expect(valuationRates({ discountRateAnnual: 0.1, targetIrrAnnual: 0.2 })).toEqual({
      discountRateAnnual: 0.1,
      targetIrrAnnual: 0.2,
      notes: [],
    });
  });

  it('uses one rate for both when only one is given, and says which', () => {
    expect(valuationRates({ targetIrrAnnual: 0.2 })).toMatchObject({
      discountRateAnnual: 0.2,
      targetIrrAnnual: 0.2,
      notes: [expect.stringContaining('no discount rate given')],
    });
    expect(valuationRates({ discountRateAnnual: 0.1 })).toMatchObject({
      discountRateAnnual: 0.1,
      targetIrrAnnual: 0.1,
      notes: [expect.stringContaining('no target IRR given')],
    });
  });

  it('refuses neither', () => {
    expect(() => valuationRates({})).toThrow(RangeError);
  });
});
