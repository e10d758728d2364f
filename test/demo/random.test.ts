import { describe, expect, it } from 'vitest';
import { Random, WeightedChoice } from '../../src/demo/random';

const draws = (random: Random, n: number, draw: (r: Random) => number) =>
  Array.from({ length: n }, () => draw(random));

describe('seeded random source', () => {
  it('repeats the same sequence for the same seed and another for another seed', () => {
    expect(draws(new Random(42), 5, (r) => r.next())).toEqual(
      draws(new Random(42), 5, (r) => r.next()),
    );
    expect(draws(new Random(42), 5, (r) => r.next())).not.toEqual(
      draws(new Random(43), 5, (r) => r.next()),
    );
  });

  it('tells apart seeds that differ only above 32 bits', () => {
    expect(new Random(1).next()).not.toBe(new Random(1 + 2 ** 32).next());
  });

  it('draws uniform numbers in [0, 1) with mean one half', () => {
    const values = draws(new Random(7), 100_000, (r) => r.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 2);
  });

  it('draws integers covering both ends of the range', () => {
    const values = new Set(draws(new Random(7), 10_000, (r) => r.int(1, 6)));
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('draws normals with the requested mean and spread', () => {
    const values = draws(new Random(3), 100_000, (r) => r.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it('draws log-normals around the requested median, and mean-one noise with mean one', () => {
    const values = draws(new Random(5), 100_001, (r) => r.logNormal(8_000, 0.6)).sort(
      (a, b) => a - b,
    );
    expect(values[50_000]! / 8_000).toBeCloseTo(1, 1);
    const noise = draws(new Random(5), 100_000, (r) => r.meanOneNoise(0.8));
    expect(noise.reduce((a, b) => a + b, 0) / noise.length).toBeCloseTo(1, 1);
  });
});

describe('weighted choice', () => {
  it('draws each value in proportion to its weight and never a zero-weight one', () => {
    const choice = new WeightedChoice([
      ['a', 3],
      ['never', 0],
      ['b', 1],
    ]);
    const random = new Random(11);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[choice.draw(random) as keyof typeof counts] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / 40_000).toBeCloseTo(0.75, 2);
  });

  it('refuses an empty list or one without a positive weight', () => {
    expect(() => new WeightedChoice([])).toThrow(RangeError);
    expect(() => new WeightedChoice([['a', 0]])).toThrow(RangeError);
    expect(() => new WeightedChoice([['a', -1]])).toThrow(RangeError);
  });
});
