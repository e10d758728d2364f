import { Sfc32 } from '../../shared';

/**
 * The valuation's seeded random source: the shared sfc32 core (src/shared/sfc32.ts) with the draws a
 * simulation needs. The same seed gives the same numbers on every run and machine, which is what
 * makes a stored simulation reproducible. Its draws live here, apart from the demo book's, so a
 * change to the demo can never move a stored valuation's numbers.
 * @example const random = new SeededRandom(42); random.next() // same value on every run
 */
export class SeededRandom extends Sfc32 {
  private spareNormal: number | undefined;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`a seed must be an integer: ${seed}`);
    super(seed | 0);
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(n * this.next());
  }

  /** A standard normal draw (Marsaglia's polar method; the second value of each pair is kept). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * scale;
    return u * scale;
  }

  /**
   * A Gamma(shape, 1) draw by Marsaglia and Tsang (2000), "A simple method for generating gamma
   * variables"; for shape < 1 it draws Gamma(shape + 1) and multiplies by U^(1/shape).
   * @throws RangeError when shape is not positive
   */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`a gamma shape must be positive: ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}
