import { defaultValuation } from '../../shared';
import {
  mackSummary,
  type MackSummary,
  type ProjectedCurve,
  type RecoveryTriangle,
} from '../maths';
import type { CurveSetFit, FittedCurve, PerUnitTriangle } from './curve-set';

/** A stored curve set's gross curves as projection takes them: the book's, and each segment's by key. */
export interface StoredCurves {
  book: ProjectedCurve;
  bySegment: Map<string, ProjectedCurve>;
}

/**
 * The gross curves of a stored curve set, ready to compile a book with: valuing from what was
 * stored, never from a refit, is what lets a valuation be reproduced after the book has moved on.
 */
export function storedCurves(curves: {
  book: FittedCurve;
  segments: readonly FittedCurve[];
}): StoredCurves {
  const projected = (curve: FittedCurve): ProjectedCurve => ({
    segment: curve.segment,
    rates: Float64Array.from(curve.gross),
  });
  return {
    book: projected(curves.book),
    bySegment: new Map(curves.segments.map((curve) => [curve.segment, projected(curve)])),
  };
}

/**
 * The static-pool triangle in fen the curve set was fitted on, back from its stored rates per
 * unit of charged-off balance: X(i, k) = rate(i, k) · exposure(i). What the bootstrap redraws.
 */
export function storedHistory(triangle: PerUnitTriangle): RecoveryTriangle {
  return {
    origins: triangle.cohorts,
    ages: triangle.ages,
    kind: 'incremental',
    values: triangle.incremental.map((row, i) =>
      // Stored as rate = fen ÷ exposure: rounding gives back the whole fen exactly.
      row.map((rate) => (rate === null ? null : Math.round(rate * triangle.exposureFen[i]!))),
    ),
    exposure: triangle.exposureFen,
    accounts: triangle.accounts,
  };
}

/**
 * Mack's chain-ladder standard errors of a stored chain-ladder curve set, computed on read from
 * the gross triangle it was fitted on (exact: the triangle is stored). Undefined for an additive
 * curve set, or when the history is too thin for Mack's σ.
 */
export function storedMack(
  method: string,
  triangles: CurveSetFit['triangles'],
): MackSummary | undefined {
  if (method !== 'chain_ladder') return undefined;
  try {
    return mackSummary(storedHistory(triangles.gross), { sigma: defaultValuation.mackSigma });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
