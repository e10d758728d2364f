import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/shared/dates';
import {
  balanceBand,
  incrementalRecoveryRate,
  liquidationCurve,
} from '../../src/demo/liquidation-curve';
import { productTerms } from '../../src/demo/products';
import { asFen } from '../../src/shared';

const sum36 = (curve: ReturnType<typeof liquidationCurve>) =>
  Array.from({ length: 36 }, (_, i) => incrementalRecoveryRate(curve, i + 1)).reduce(
    (a, b) => a + b,
    0,
  );

describe('liquidation curve', () => {
  it('collects the product share of the claim over 36 months in the mid balance band', () => {
    expect(sum36(liquidationCurve(productTerms.cash_loan, asFen(1_000_000), 1))).toBeCloseTo(
      productTerms.cash_loan.recovered36Share,
      10,
    );
  });

  it('decays every month', () => {
    const curve = liquidationCurve(productTerms.consumer_loan, asFen(1_000_000), 1);
    for (let month = 1; month < 48; month++)
      expect(incrementalRecoveryRate(curve, month + 1)).toBeLessThan(
        incrementalRecoveryRate(curve, month),
      );
  });

  it('recovers a larger share of small balances than of large ones, and scales with the vintage', () => {
    const small = sum36(liquidationCurve(productTerms.consumer_loan, asFen(300_000), 1));
    const large = sum36(liquidationCurve(productTerms.consumer_loan, asFen(30_000_000), 1));
    expect(small).toBeGreaterThan(2 * large);
    expect(sum36(liquidationCurve(productTerms.consumer_loan, asFen(300_000), 1.2))).toBeCloseTo(
      small * 1.2,
      10,
    );
  });

  it('puts claims into balance bands by yuan', () => {
    expect(balanceBand(asFen(499_999))).toBe('under_5k');
    expect(balanceBand(asFen(500_000))).toBe('5k_20k');
    expect(balanceBand(asFen(10_000_000))).toBe('100k_plus');
  });
});

describe('adding months', () => {
  it('keeps the day, or clamps it to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
  });
});
