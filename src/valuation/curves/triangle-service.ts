import type { Db } from '../../../db';
import type { IsoDate } from '../../shared';
import { type CohortGrain, buildRecoveryTriangle } from '../maths';
import { perUnitTriangle, type PerUnitTriangle } from './curve-set';
import { bookDataDate } from '../../loans';
import { fitOrConflict } from './fit-settings';
import { readRecoveryHistory, segmenter, type SegmentDimension } from '../history';

interface TriangleRequest {
  asOf?: IsoDate | undefined;
  cohort: CohortGrain;
  basis: 'gross' | 'net';
  /** Keep only the loans whose segment value is this, per dimension (balance bands by the default edges). */
  filters: Partial<Record<SegmentDimension, string>>;
}

/**
 * The static-pool triangle of the whole book or of one segment, per unit of charged-off balance,
 * gross or net of costs, by month, quarter or year of charge-off, from the history up to `asOf`
 * (the latest tape date when absent).
 * @throws Problem `conflict` when the book is empty or no loan of the segment has a complete month of history
 */
export function segmentTriangle(
  db: Db,
  request: TriangleRequest,
): { asOf: IsoDate; triangle: PerUnitTriangle } {
  const asOf = request.asOf ?? bookDataDate(db);
  const history = readRecoveryHistory(db, asOf);
  const tests = Object.entries(request.filters).map(([dimension, value]) => {
    const keyOf = segmenter({ dimensions: [dimension as SegmentDimension], asOf });
    return (loan: (typeof history.loans)[number]) => keyOf(loan) === `${dimension}=${value}`;
  });
  const loans = history.loans.filter((loan) => tests.every((test) => test(loan)));
  const triangle = fitOrConflict('a triangle', () =>
    buildRecoveryTriangle(loans, history.events, {
      cohort: request.cohort,
      asOf,
      basis: request.basis,
    }),
  );
  return { asOf, triangle: perUnitTriangle(triangle) };
}
