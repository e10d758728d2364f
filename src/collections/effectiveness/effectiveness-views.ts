import type { z } from '@hono/zod-openapi';
import { type IsoDate, formatFen } from '../../shared';
import { effectivenessRates, type EffectivenessReport, type Tally } from './effectiveness';
import { collectionLadder } from './effectiveness-ladder';
import type { EffectivenessSchema } from './effectiveness-schemas';

function measuresView(tally: Tally) {
  const rates = effectivenessRates(tally);
  const [within3Months = null, within6Months = null, within12Months = null] = rates.payerRates;
  const [matured3 = 0, matured6 = 0, matured12 = 0] = tally.matured;
  return {
    placements: tally.placements,
    placed: formatFen(tally.placedFen),
    recovered: formatFen(tally.recoveredFen),
    recoveryRate: rates.recoveryRate,
    costs: formatFen(tally.costsFen),
    costToCollect: rates.costToCollect,
    netRecovery: formatFen(rates.netRecoveryFen),
    payerRate: { within3Months, within6Months, within12Months },
    maturedPlacements: {
      within3Months: matured3,
      within6Months: matured6,
      within12Months: matured12,
    },
  };
}

export function effectivenessView(
  report: EffectivenessReport,
  window: { from?: IsoDate | undefined; to?: IsoDate | undefined; dataEnd: IsoDate },
): z.infer<typeof EffectivenessSchema> {
  return {
    by: report.by,
    from: window.from ?? null,
    to: window.to ?? null,
    dataEnd: window.dataEnd,
    ladder: collectionLadder.map((rung) => ({ ...rung })),
    rows: report.rows.map((row) => ({
      key: row.key,
      accountsWorked: row.accounts,
      ...measuresView(row),
      trend: row.trend.map((point) => ({ month: point.month, ...measuresView(point) })),
    })),
    total: { accountsWorked: report.total.accounts, ...measuresView(report.total) },
  };
}
