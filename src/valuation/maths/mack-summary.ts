import { mack, type MackOptions } from './mack';
import type { Triangle } from './triangle';

/** One origin's chain-ladder ultimate and how sure it is, in the triangle's units. */
interface MackFigures {
  latest: number;
  ultimate: number;
  /** Ultimate − latest: still to come (the reserve, or IBNR, in reserving). */
  reserve: number;
  /** se(ultimate) = √(process² + parameter²), Mack's prediction standard error. */
  se: number;
  processSe: number;
  parameterSe: number;
  /** se ÷ reserve, R ChainLadder's CV(IBNR); null when nothing is still to come. */
  cv: number | null;
}

export interface MackSummary {
  /** The oldest age of the triangle: ultimates are developed to it, with no tail after it. */
  throughAge: number;
  origins: (MackFigures & { origin: string })[];
  total: MackFigures;
}

/**
 * Mack's chain ladder as a report reads it: for each origin (cohort) its latest value, its
 * ultimate developed with the volume-weighted age-to-age factors, what is still to come, the
 * prediction standard error of the ultimate split into process and parameter parts, and the
 * coefficient of variation se ÷ reserve; the same for the total over origins, whose parameter
 * errors are correlated through the shared factors (`mack`: Mack 1993, "Distribution-free
 * calculation of the standard error of chain ladder reserve estimates", ASTIN Bulletin 23(2), by
 * the recursion of Mack 1999). No tail: an exponential tail beyond the data is not a chain-ladder
 * factor and has no Mack standard error.
 * @example mackSummary(raa, { sigma: 'mack' }).total.se // 26909.01 (Mack 1994)
 * @throws RangeError as `mack`, or when a figure is not finite (a history too thin for Mack's σ)
 */
export function mackSummary(triangle: Triangle, options: MackOptions = {}): MackSummary {
  const result = mack(triangle, options);
  const figures = (
    latest: number,
    ultimate: number,
    reserve: number,
    se: number,
    processSe: number,
    parameterSe: number,
  ): MackFigures => {
    if (![latest, ultimate, reserve, se, processSe, parameterSe].every(Number.isFinite))
      throw new RangeError("the history is too thin for Mack's standard errors");
    return {
      latest,
      ultimate,
      reserve,
      se,
      processSe,
      parameterSe,
      cv: reserve > 0 ? se / reserve : null,
    };
  };
  return {
    throughAge: triangle.ages[triangle.ages.length - 1] ?? 0,
    origins: triangle.origins.map((origin, i) => ({
      origin,
      ...figures(
        result.latest[i] ?? NaN,
        result.ultimate[i] ?? NaN,
        result.reserve[i] ?? NaN,
        result.se[i] ?? NaN,
        result.processSe[i] ?? NaN,
        result.parameterSe[i] ?? NaN,
      ),
    })),
    total: figures(
      result.totals.latest,
      result.totals.ultimate,
      result.totals.reserve,
      result.totalSe,
      result.totalProcessSe,
      result.totalParameterSe,
    ),
  };
}
