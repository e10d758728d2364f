import { ageToAgeFactors, type Averaging } from './age-to-age';
import { cumulativeOf, knownLength, type Triangle } from './triangle';

interface ChainLadderOptions {
  average?: Averaging;
  /** A factor from the last age to ultimate (1 when omitted: nothing develops after the last age). */
  tailFactor?: number;
}

export interface ChainLadderResult {
  /** Age-to-age factors, one per age but the last, then the tail factor. */
  factors: number[];
  /** Cumulative development factor from each age to ultimate: Πⱼ≥ₖ fⱼ · tail. */
  cdf: number[];
  /** The completed cumulative triangle, all ages (without the tail). */
  projected: number[][];
  latest: number[];
  ultimate: number[];
  /** Still to come per origin: ultimate − latest (IBNR in reserving, remaining collections here). */
  reserve: number[];
  totals: { latest: number; ultimate: number; reserve: number };
}

/**
 * The chain-ladder method: each origin's latest cumulative value developed to ultimate with the
 * age-to-age factors, Ĉ(i,k+1) = Ĉ(i,k) · fₖ, ultimate = latest · cdf(latest age).
 * @example chainLadder(raa).totals.reserve // 52135.228 (RAA, Mack 1994)
 * @throws RangeError as `ageToAgeFactors`, or for a tail factor that is not positive
 */
export function chainLadder(
  triangle: Triangle,
  options: ChainLadderOptions = {},
): ChainLadderResult {
  const tailFactor = options.tailFactor ?? 1;
  if (!(tailFactor > 0)) throw new RangeError(`a tail factor must be positive: ${tailFactor}`);
  const cumulative = cumulativeOf(triangle);
  const links = ageToAgeFactors(cumulative, options.average ? { average: options.average } : {});
  const factors = [...links, tailFactor];
  const cdf = new Array<number>(factors.length);
  let product = 1;
  for (let k = factors.length - 1; k >= 0; k--) cdf[k] = product *= factors[k] ?? 1;
  const projected = cumulative.values.map((row) => projectRow(row, links));
  const latest = cumulative.values.map((row) => row[knownLength(row) - 1] ?? 0);
  const ultimate = cumulative.values.map(
    (row, i) => (latest[i] ?? 0) * (cdf[knownLength(row) - 1] ?? 1),
  );
  const reserve = ultimate.map((u, i) => u - (latest[i] ?? 0));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    factors,
    cdf,
    projected,
    latest,
    ultimate,
    reserve,
    totals: { latest: sum(latest), ultimate: sum(ultimate), reserve: sum(reserve) },
  };
}

/** A row with its unknown future filled in: Ĉ(k+1) = Ĉ(k) · fₖ. */
function projectRow(row: readonly (number | null)[], factors: readonly number[]): number[] {
  const out: number[] = [];
  row.forEach((value, k) => out.push(value ?? (out[k - 1] ?? 0) * (factors[k - 1] ?? 1)));
  return out;
}
