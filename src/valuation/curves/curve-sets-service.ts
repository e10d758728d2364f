import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { type IsoDate, Problem, type VerbContext } from '../../shared';
import { fitCurveSet, type CurveSetFit } from './curve-set';
import { findCurveSet, insertCurveSet, type CurveSetRow } from './curve-sets-repository';
import type { FitSettings } from './fit-schemas';
import { bookDataDate } from '../../loans';
import { fitOrConflict, fitSettingsColumns } from './fit-settings';
import { readRecoveryHistory } from '../history';

interface CurveSetRequest extends FitSettings {
  name: string;
  asOf?: IsoDate | undefined;
  chargeOffFrom?: IsoDate | undefined;
  chargeOffTo?: IsoDate | undefined;
}

/** A curve set fitted and ready to store. */
interface PreparedCurveSet {
  asOf: IsoDate;
  fit: CurveSetFit;
}

/**
 * Fits a curve set on the book's history up to `asOf` (the latest tape date when absent). Reads
 * only: it runs before the write transaction, which then just stores the result.
 * @throws Problem `conflict` when the book is empty or its history cannot be fitted
 */
export function prepareCurveSet(ctx: VerbContext, request: CurveSetRequest): PreparedCurveSet {
  const asOf = request.asOf ?? bookDataDate(ctx.deps.db);
  const history = readRecoveryHistory(ctx.tx, asOf);
  const fit = fitOrConflict('a curve set', () =>
    fitCurveSet(history, {
      ...request,
      asOf,
      ...(request.chargeOffFrom ? { chargeOffFrom: request.chargeOffFrom } : {}),
      ...(request.chargeOffTo ? { chargeOffTo: request.chargeOffTo } : {}),
    }),
  );
  return { asOf, fit };
}

/** Stores a prepared curve set, with its audit event, in the caller's transaction. */
export function createCurveSet(
  ctx: VerbContext,
  { request, prepared }: { request: CurveSetRequest; prepared: PreparedCurveSet },
): CurveSetRow {
  const { tx, actor } = ctx;
  const now = ctx.deps.clock.now();
  const { fit } = prepared;
  const row = insertCurveSet(tx, {
    name: request.name,
    asOf: prepared.asOf,
    chargeOffFrom: request.chargeOffFrom ?? null,
    chargeOffTo: request.chargeOffTo ?? null,
    ...fitSettingsColumns(request),
    loanCount: fit.loans,
    curves: JSON.stringify({ book: fit.book, segments: fit.segments }),
    costModel: JSON.stringify(fit.costModel),
    triangles: JSON.stringify(fit.triangles),
    createdBy: actor.label,
    createdByUserId: actor.userId,
    createdAt: now,
  });
  recordAudit(tx, actor, now, {
    action: 'valuation.curve_set.created',
    targetType: 'curve_set',
    targetId: row.id,
    detail: {
      name: row.name,
      asOf: row.asOf,
      method: row.method,
      segments: fit.segments.length,
      loans: fit.loans,
    },
  });
  return row;
}

/** @throws Problem `not_found` */
export function getCurveSet(db: DbOrTx, id: number): CurveSetRow {
  const row = findCurveSet(db, id);
  if (!row) throw new Problem('not_found', `no curve set ${id}`);
  return row;
}
