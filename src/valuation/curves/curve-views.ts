import type { z } from '@hono/zod-openapi';
import { formatFen } from '../../shared';
import { type CostModel, roundToFen } from '../maths';
import type { CurveSetFit, FittedCurve, PerUnitTriangle } from './curve-set';
import type { CurveSetSchema, CurveSetSummarySchema, TriangleSchema } from './curve-schemas';
import type { CurveSetRow, CurveSetSummaryRow } from './curve-sets-repository';
import { storedFitSettings } from './fit-settings';

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

export function curveSetView(row: CurveSetRow): z.infer<typeof CurveSetSchema> {
  const curves = JSON.parse(row.curves) as Pick<CurveSetFit, 'book' | 'segments'>;
  const triangles = JSON.parse(row.triangles) as CurveSetFit['triangles'];
  return {
    ...curveSetSummaryView(row),
    book: curveView(curves.book),
    segments: curves.segments.map(curveView),
    costModel: costModelView(JSON.parse(row.costModel) as CostModel),
    triangles: { gross: triangleView(triangles.gross), net: triangleView(triangles.net) },
  };
}
