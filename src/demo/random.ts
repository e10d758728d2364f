import { Sfc32 } from '../shared';

/** The demo book's seeded random source (sfc32): the same seed gives the same book. */
export class Random extends Sfc32 {
  /** `seed`: any safe integer; both its 32-bit halves enter the state. */
  constructor(seed: number) {
    super((seed ^ Math.floor(seed / 4_294_967_296)) | 0);
  }

  /** A uniform number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [low, high], both ends included. */
  int(low: number, high: number): number {
    return low + Math.floor((high - low + 1) * this.next());
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A normal draw (Box–Muller): mean + sd · √(−2 ln u₁) · cos(2π u₂). */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A log-normal draw with the given median: median · exp(σ · Z). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A log-normal multiplier with mean exactly 1: exp(σ · Z − σ²/2). */
  meanOneNoise(sigma: number): number {
    return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(items.length * this.next())];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }
}

/**
 * A weighted choice among values, drawn by binary search over cumulative weights
 * (O(log n) per draw, which matters for a million loans).
 * @example new WeightedChoice([['a', 3], ['b', 1]]).draw(random) // 'a' three times in four
 * @throws RangeError when there is no entry or no positive weight
 */
export class WeightedChoice<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];

  constructor(entries: readonly (readonly [T, number])[]) {
    let total = 0;
    for (const [value, weight] of entries) {
      if (!(weight >= 0)) throw new RangeError(`negative or missing weight: ${weight}`);
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (!(total > 0)) throw new RangeError('a weighted choice needs at least one positive weight');
  }

  draw(random: Random): T {
    const target = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }
}
