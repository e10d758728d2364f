import { quantileSorted } from 'simple-statistics';

/** Percentiles of floats, or of money (`Percentiles<Fen>`) once rounded to the fen. */
export interface Percentiles<T extends number = number> {
  p5: T;
  p50: T;
  p95: T;
}

/**
 * The 5th, 50th and 95th percentiles of simulated values (simple-statistics `quantileSorted`).
 * @example percentiles(Float64Array.from({ length: 101 }, (_, i) => i)) // { p5: 5, p50: 50, p95: 95 }
 * @throws RangeError for no values
 */
export function percentiles(values: Float64Array): Percentiles {
  if (values.length === 0) throw new RangeError('no simulated values');
  const sorted = Array.from(values).sort((a, b) => a - b);
  return {
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}
