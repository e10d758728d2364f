import type { FittedCurve, PerUnitTriangle } from '../curves';
import type { RecoveryTriangle, ProjectedCurve } from '../maths';

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
      row.map((rate) => (rate === null ? null : rate * triangle.exposureFen[i]!)),
    ),
    exposure: triangle.exposureFen,
    accounts: triangle.accounts,
  };
}
