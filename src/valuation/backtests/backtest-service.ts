import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { type IsoDate, Problem, type VerbContext } from '../../shared';
import { runBacktest, type BacktestResult } from './backtest';
import { findBacktest, insertBacktest, type BacktestRow } from './backtests-repository';
import { lastCompleteMonth, lastDayOfMonth } from '../maths';
import { type FitSettings, fitOrConflict, fitSettingsColumns } from '../curves';
import { bookDataDate } from '../../loans';
import { readRecoveryHistory } from '../history';

interface BacktestRequest extends FitSettings {
  name?: string | undefined;
  asOf: IsoDate;
  actualsThrough?: IsoDate | undefined;
  seed: number;
  simulations: number;
}

interface PreparedBacktest {
  actualsThrough: IsoDate;
  result: BacktestResult;
}

/**
 * Runs a back-test on the book's history. `actualsThrough` defaults to the last month end on or
 * before the latest tape date (the last month whose collections are complete). Reads only.
 * @throws Problem `conflict` when the book is empty, has no complete month after D, or its history at D cannot be fitted
 */
export function prepareBacktest(ctx: VerbContext, request: BacktestRequest): PreparedBacktest {
  const actualsThrough = request.actualsThrough ?? lastMonthEndBy(bookDataDate(ctx.deps.db));
  if (actualsThrough <= request.asOf)
    throw new Problem(
      'conflict',
      `the book's data end on ${actualsThrough}: no complete month of actuals after ${request.asOf}`,
    );
  const history = readRecoveryHistory(ctx.tx, actualsThrough);
  const result = fitOrConflict('a back-test', () =>
    runBacktest(history, { ...request, actualsThrough }),
  );
  return { actualsThrough, result };
}

/** Stores a back-test and its audit event in the caller's transaction. */
export function createBacktest(
  ctx: VerbContext,
  { request, prepared }: { request: BacktestRequest; prepared: PreparedBacktest },
): BacktestRow {
  const { tx, actor } = ctx;
  const now = ctx.deps.clock.now();
  const { result } = prepared;
  const row = insertBacktest(tx, {
    name: request.name ?? `Back-test at ${request.asOf}`,
    asOf: request.asOf,
    actualsThrough: prepared.actualsThrough,
    ...fitSettingsColumns(request),
    seed: request.seed,
    simulations: request.simulations,
    result: JSON.stringify(result),
    createdBy: actor.label,
    createdByUserId: actor.userId,
    createdAt: now,
  });
  recordAudit(tx, actor, now, {
    action: 'valuation.backtest.created',
    targetType: 'backtest',
    targetId: row.id,
    detail: {
      asOf: row.asOf,
      actualsThrough: row.actualsThrough,
      pools: result.pools.length,
      ratio: result.total.ratio,
    },
  });
  return row;
}

/** @throws Problem `not_found` */
export function getBacktest(db: DbOrTx, id: number): BacktestRow {
  const row = findBacktest(db, id);
  if (!row) throw new Problem('not_found', `no back-test ${id}`);
  return row;
}

/** The last day of the last month complete on `date`: `date` itself when it ends its month. */
function lastMonthEndBy(date: IsoDate): IsoDate {
  return lastDayOfMonth(lastCompleteMonth(date));
}
