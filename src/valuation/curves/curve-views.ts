import type { z } from '@hono/zod-openapi';
import { formatFen } from '../../shared';
import { roundToFen } from '../../shared';
import type { CostModel, MackSummary } from '../maths';
import type { CurveSetFit, FittedCurve, PerUnitTriangle } from './curve-set';
import type {
  CurveSetSchema,
  CurveSetSummarySchema,
  MackSchema,
  TriangleSchema,
} from './curve-schemas';
import type { CurveSetRow, CurveSetSummaryRow } from './curve-sets-repository';
import { storedFitSettings } from './fit-settings';
import { storedMack } from './stored-curves';

// Stored rows and fitted numbers as the API shows them: money as yuan strings, rates as numbers.

const money = (fen: number) => formatFen(roundToFen(fen));

export function triangleView(triangle: PerUnitTriangle): z.infer<typeof TriangleSchema> {
  const { exposureFen, ...rest } = triangle;
  return { ...rest, exposure: exposureFen.map(money) };
}

function curveView(curve: FittedCurve) {
  const { exposureFen, ...rest } = curve;
  return { ...rest, exposure: money(exposureFen) };
}

export function costModelView(model: CostModel) {
  return {
    commissionRateByChannel: { ...model.commissionRateByChannel },
    channelMixByAge: model.channelMixByAge.map((mix) => ({ ...mix })),
    legalCostPerLitigatedAccount: money(model.legalCostPerLitigatedAccountFen),
    fixedCostPerAccountMonth: money(model.fixedCostPerAccountMonthFen),
  };
}

export function curveSetSummaryView(
  row: CurveSetSummaryRow,
): z.infer<typeof CurveSetSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    asOf: row.asOf,
    chargeOffFrom: row.chargeOffFrom,
    chargeOffTo: row.chargeOffTo,
    ...storedFitSettings(row),
    loans: row.loanCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

function mackView(summary: MackSummary): z.infer<typeof MackSchema> {
  const figures = (f: MackSummary['total']) => ({
    latest: money(f.latest),
    ultimate: money(f.ultimate),
    remaining: money(f.reserve),
    standardError: money(f.se),
    processStandardError: money(f.processSe),
    parameterStandardError: money(f.parameterSe),
    cv: f.cv,
  });
  return {
    throughAge: summary.throughAge,
    cohorts: summary.origins.map(({ origin, ...f }) => ({ cohort: origin, ...figures(f) })),
    total: figures(summary.total),
  };
}

export function curveSetView(row: CurveSetRow): z.infer<typeof CurveSetSchema> {
  const curves = JSON.parse(row.curves) as Pick<CurveSetFit, 'book' | 'segments'>;
  const triangles = JSON.parse(row.triangles) as CurveSetFit['triangles'];
  const mack = storedMack(row.method, triangles);
  return {
    ...curveSetSummaryView(row),
    mack: mack ? mackView(mack) : null,
    book: curveView(curves.book),
    segments: curves.segments.map(curveView),
    costModel: costModelView(JSON.parse(row.costModel) as CostModel),
    triangles: { gross: triangleView(triangles.gross), net: triangleView(triangles.net) },
  };
}
