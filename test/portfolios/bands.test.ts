import { describe, expect, it } from 'vitest';
import {
  defaultPortfolioBands,
  integerBands,
  moneyBands,
  namedBands,
  resolvePortfolioBands,
} from '../../src/portfolios/strats/bands';

describe('strat bands', () => {
  it('label whole-number bands by their range, the last one open', () => {
    expect(integerBands([0, 6, 12, 13]).labels).toEqual(['0–5', '6–11', '12', '13+']);
  });

  it('hold money edges in fen and label them in yuan', () => {
    expect(moneyBands([0, 1000, 5000.5])).toEqual({
      edges: [0, 100_000, 500_050],
      labels: ['0.00–999.99', '1000.00–5000.49', '5000.50+'],
    });
  });

  it('name the trade’s classes of paper by their own labels', () => {
    expect(namedBands(defaultPortfolioBands.chargeOffAge)).toEqual({
      edges: [0, 6, 12, 24],
      labels: ['fresh', 'primary', 'secondary', 'tertiary'],
    });
  });

  it('take configured edges over the defaults, list by list', () => {
    const bands = resolvePortfolioBands({ dpdAtChargeOff: [0, 180] });
    expect(bands.dpdAtChargeOff).toEqual([0, 180]);
    expect(bands.balanceYuan).toEqual(defaultPortfolioBands.balanceYuan);
  });

  it('refuse edges that do not start at 0, do not increase, or are not whole', () => {
    expect(() => resolvePortfolioBands({ monthsSinceChargeOff: [1, 6] })).toThrow(
      /monthsSinceChargeOff.*first edge must be 0/,
    );
    expect(() => resolvePortfolioBands({ borrowerAgeYears: [0, 30, 30] })).toThrow(
      /borrowerAgeYears.*does not increase/,
    );
    expect(() => resolvePortfolioBands({ dpdAtChargeOff: [0, 90.5] })).toThrow(
      /not a whole number/,
    );
    expect(() => resolvePortfolioBands({ balanceYuan: [0, 0.001] })).toThrow(/at most 2 decimals/);
    expect(() => resolvePortfolioBands({ monthsSinceLastPayment: [] })).toThrow(/there are none/);
  });

  it('refuse two classes of paper with the same label', () => {
    expect(() =>
      resolvePortfolioBands({
        chargeOffAge: [
          { fromMonths: 0, label: 'fresh' },
          { fromMonths: 6, label: 'fresh' },
        ],
      }),
    ).toThrow(/distinct/);
  });
});
