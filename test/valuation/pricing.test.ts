import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyRate, npv } from '../../src/valuation/maths/discounting';
import { roundToFen } from '../../src/shared/rounding';
import { annualRate, irr } from './irr';
import {
  collectionMultiples,
  paybackMonth,
  priceAtTargetIrr,
} from '../../src/valuation/maths/pricing';
import { sensitivityGrid } from '../../src/valuation/valuations/sensitivity';

/** A run-off of monthly net collections: rising for a few months, then decaying. */
const runOff = fc.record({
  months: fc.integer({ min: 3, max: 180 }),
  firstFen: fc.double({ min: 1, max: 1e9, noNaN: true }),
  decay: fc.double({ min: 0, max: 0.2, noNaN: true }),
});
const flowsOf = ({
  months,
  firstFen,
  decay,
}: {
  months: number;
  firstFen: number;
  decay: number;
}) =>
  Float64Array.from(
    { length: months },
    (_, t) => firstFen * Math.exp(-decay * t) * Math.min(1, (t + 1) / 3),
  );

describe('discounting', () => {
  it('compounds the monthly rate back to the annual one', () => {
    expect(annualRate(monthlyRate(0.2))).toBeCloseTo(0.2, 14);
    expect(monthlyRate(Math.pow(1.01, 12) - 1)).toBeCloseTo(0.01, 14);
  });

  it('discounts flows from the end of month 1 by default, and from today when asked', () => {
    expect(npv([110], 0.1, { monthly: false })).toBeCloseTo(100, 12);
    expect(npv([-100, 110], 0.1, { monthly: false, firstPeriod: 0 })).toBeCloseTo(0, 12);
    const twelve = Array.from({ length: 12 }, (_, t) => (t === 11 ? 112 : 0));
    expect(npv(twelve, 0.12)).toBeCloseTo(100, 10);
  });
});

describe('irr', () => {
  it('finds the annual rate of a simple loan', () => {
    expect(irr([-100, ...new Array(11).fill(0), 110])).toBeCloseTo(0.1, 10);
  });

  it('round-trips with the price at a target IRR: paying that price earns exactly the target', () => {
    fc.assert(
      fc.property(runOff, fc.double({ min: -0.5, max: 3, noNaN: true }), (shape, target) => {
        const net = flowsOf(shape);
        const price = priceAtTargetIrr(net, target);
        expect(irr([-price, ...net])).toBeCloseTo(target, 8);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the rate with costs making late months negative', () => {
    const net = [...Array.from({ length: 24 }, () => 100), ...Array.from({ length: 12 }, () => -5)];
    const price = priceAtTargetIrr(net, 0.25);
    expect(irr([-price, ...net])).toBeCloseTo(0.25, 8);
  });

  it('refuses flows that never change sign', () => {
    expect(() => irr([100, 10, 10])).toThrow(RangeError);
    expect(() => irr([-100, -10])).toThrow(RangeError);
  });
});

describe('price measures', () => {
  it('keeps the net-multiple identity: gross multiple − net multiple = costs ÷ price', () => {
    fc.assert(
      fc.property(
        runOff,
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (shape, costShare, target) => {
          const gross = flowsOf(shape);
          const net = gross.map((g) => g * (1 - costShare));
          const price = priceAtTargetIrr(net, target);
          const { grossMultiple, netMultiple } = collectionMultiples(gross, net, price);
          const costs = gross.reduce((sum, g, t) => sum + g - (net[t] ?? 0), 0);
          expect(grossMultiple - netMultiple).toBeCloseTo(costs / price, 9);
          expect(netMultiple).toBeCloseTo(net.reduce((a, b) => a + b, 0) / price, 9);
          // At any positive target the buyer must get back more than the price.
          expect(netMultiple).toBeGreaterThan(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives a net multiple of exactly 1 at a zero target IRR', () => {
    const net = [30, 40, 50];
    expect(
      collectionMultiples([40, 50, 60], net, priceAtTargetIrr(net, 0)).netMultiple,
    ).toBeCloseTo(1, 14);
  });

  it('pays back in the month the cumulative net first reaches the price', () => {
    expect(paybackMonth([40, 40, 40], 100)).toBe(3);
    expect(paybackMonth([40, 40, 20], 100)).toBe(3);
    expect(paybackMonth([40, 40, 19], 100)).toBeUndefined();
  });

  it('refuses multiples at a price that is not positive', () => {
    expect(() => collectionMultiples([1], [1], 0)).toThrow(RangeError);
  });

  it('prices a grid of shocks and rates, falling as the shock falls and as the rate rises', () => {
    const base = [100, 90, 80, 70];
    const grid = sensitivityGrid(
      (shock) => base.map((f) => f * (1 + shock)),
      [-0.2, 0, 0.2],
      [0.05, 0.15, 0.3],
    );
    expect(grid.prices[1]?.[0]).toBeCloseTo(npv(base, 0.05), 12);
    for (const row of grid.prices) expect([...row].sort((a, b) => b - a)).toEqual(row);
    for (let j = 0; j < 3; j++)
      expect(grid.prices.map((row) => row[j] ?? NaN)).toEqual(
        [...grid.prices.map((row) => row[j] ?? NaN)].sort((a, b) => a - b),
      );
    expect(() => sensitivityGrid(() => base, [], [0.1])).toThrow(RangeError);
  });
});

describe('roundToFen', () => {
  it('rounds half to even, so that rounding adds no drift', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 2.5001].map(roundToFen)).toEqual([
      0, 2, 2, 0, -2, -2, 2, 3,
    ]);
  });

  it('refuses what is not an amount', () => {
    expect(() => roundToFen(Number.NaN)).toThrow(RangeError);
    expect(() => roundToFen(2 ** 54)).toThrow(RangeError);
  });
});
