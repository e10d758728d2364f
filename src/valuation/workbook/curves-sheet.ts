import type { Sheet, SheetColumn } from '../../xlsx';
import { commissionRateByAge, type CostModel } from '../maths';
import type { FittedCurve } from '../curves';
import type { ProductNames } from '../../portfolios';
import { segmentLabel } from './segment-label';

/**
 * The curves a valuation used, laid out for charting: a row per month since charge-off
 * (0 … the curve set's horizon − 1), one column per curve with its gross monthly rate per unit of
 * charged-off balance, then the same curves cumulative, then the cost model's blended commission
 * rate at that age. Selecting a block and inserting a line chart draws the curves. Each curve is
 * headed by its segment in words (segment-label.ts), not by its key.
 */
export function curvesSheet(
  curves: readonly FittedCurve[],
  costModel: CostModel,
  products?: ProductNames,
): Sheet<number> {
  const ages = curves[0]?.gross.length ?? 0;
  const commission = commissionRateByAge(costModel, ages);
  const rows = Array.from({ length: ages }, (_, age) => age);
  const block = (suffix: string, pick: (curve: FittedCurve) => readonly number[]) =>
    curves.map((curve): SheetColumn<number> => {
      const header = `${segmentLabel(curve.segment, products)}${suffix}`;
      return {
        header,
        kind: 'rate',
        width: Math.min(60, Math.max(14, header.length + 2)),
        value: (age) => pick(curve)[age] ?? null,
      };
    });
  return {
    name: 'Curves',
    pages: [rows],
    columns: [
      { header: 'Months since charge-off', kind: 'integer', width: 12, value: (age) => age },
      ...block('', (curve) => curve.gross),
      ...block(' cumulative', (curve) => curve.cumulativeGross),
      {
        header: 'Commission rate',
        kind: 'rate',
        width: 16,
        value: (age) => commission[age] ?? null,
      },
    ],
  };
}
