import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/valuation/maths/random';

describe('SeededRandom', () => {
  it('draws the same numbers from the same seed and others from another seed', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws gamma variables with mean k and variance k, for shapes below and above 1', () => {
    const random = new SeededRandom(7);
    for (const shape of [0.3, 2.5, 40]) {
      const draws = Array.from({ length: 40_000 }, () => random.gamma(shape));
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (draws.length - 1);
      expect(mean / shape).toBeCloseTo(1, 1);
      expect(variance / shape).toBeCloseTo(1, 1);
    }
  });

  it('refuses a seed that is not an integer and a shape that is not positive', () => {
    expect(() => new SeededRandom(0.5)).toThrow(RangeError);
    expect(() => new SeededRandom(1).gamma(0)).toThrow(RangeError);
  });
});
