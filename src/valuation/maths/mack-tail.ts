import { linearRegression } from 'simple-statistics';

/** A tail factor from the last age to ultimate, with its standard error and σ when known. */
export interface MackTail {
  factor: number;
  se?: number;
  sigma?: number;
}

/**
 * The standard error and σ of a tail factor, as R ChainLadder's MackChainLadder reads them off
 * the triangle (after Mack 1999, "The standard error of chain ladder reserve estimates: recursive
 * calculation and inclusion of a tail factor", ASTIN Bulletin 29(2)): fit ln(fₖ − 1) = a + b·k to
 * the link factors, place the tail at the k where the line meets ln(tail − 1), and read ln se(fₖ)
 * and ln σₖ, each fitted on k by least squares, at that place. Given values are kept. Link
 * factors at or below 1 have no logarithm and are left out of the first fit.
 * @example tailStandardErrors(raaFactors, raaFactorSe, raaSigmas, { factor: 1.05 })
 * @throws RangeError when the tail factor is not above 1 or fewer than two link factors exceed 1 while a value is missing
 */
export function tailStandardErrors(
  factors: readonly number[],
  factorSe: readonly number[],
  sigmas: readonly number[],
  tail: MackTail,
): { se: number; sigma: number } {
  if (tail.se !== undefined && tail.sigma !== undefined) return { se: tail.se, sigma: tail.sigma };
  if (!(tail.factor > 1))
    throw new RangeError(
      `a tail factor must exceed 1 to place it on the development curve: ${tail.factor}`,
    );
  const decay = factors.flatMap((f, k) => (f > 1 ? [[k, Math.log(f - 1)]] : []));
  if (decay.length < 2)
    throw new RangeError('fewer than two link factors above 1: give the tail standard error and σ');
  const line = linearRegression(decay);
  const position = (Math.log(tail.factor - 1) - line.b) / line.m;
  const readAt = (values: readonly number[]): number => {
    const fit = linearRegression(values.map((value, k) => [k, Math.log(value)]));
    return Math.exp(fit.b + fit.m * position);
  };
  return { se: tail.se ?? readAt(factorSe), sigma: tail.sigma ?? readAt(sigmas) };
}
