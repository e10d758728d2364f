import { z } from '@hono/zod-openapi';
import { defaultValuation, isoDate, yuanAmount } from '../../shared';
import { FitSettingsSchema, monthEnd, StoredFitSettingsFields } from '../curves';

// The back-test API: requests and responses. Money is a decimal string in yuan; ratios are numbers.

export const CreateBacktestSchema = FitSettingsSchema.extend({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: '`Back-test at <asOf>` when absent' }),
  asOf: monthEnd.openapi({
    description: 'D: the curves are fitted on what was known at this month end',
  }),
  actualsThrough: monthEnd.optional().openapi({
    description:
      'Compare the months after D up to this month end; the last month end of the book when absent',
  }),
  seed: z
    .number()
    .int()
    .min(-2_147_483_648)
    .max(2_147_483_647)
    .default(defaultValuation.seed)
    .openapi({ description: 'Seed of the bootstrap: the same seed gives the same band' }),
  simulations: z.number().int().min(1).max(2000).default(defaultValuation.backtestSimulations),
})
  .strict()
  .refine((request) => !request.actualsThrough || request.actualsThrough > request.asOf, {
    message: 'actualsThrough must be after asOf',
    path: ['actualsThrough'],
  })
  .openapi('CreateBacktest');

const ratio = z.number().nullable().openapi({ description: 'Null when nothing was collected' });
const Band = z
  .object({ p5: yuanAmount, p50: yuanAmount, p95: yuanAmount })
  .openapi({ description: "Percentiles of the bootstrap's gross collections" });
const Judged = {
  predicted: yuanAmount,
  actual: yuanAmount,
  ratio: ratio.openapi({ description: 'Predicted ÷ actual' }),
  bias: ratio.openapi({ description: '(Predicted − actual) ÷ actual' }),
  weightedMape: ratio.openapi({
    description:
      'Σ |predicted − actual| ÷ Σ actual, over the months (a pool) or the pools (the total)',
  }),
  band: Band,
  inside: z.boolean().openapi({ description: 'Whether the actual fell within P5–P95' }),
};

const PoolBacktestSchema = z
  .object({
    cohort: z.string(),
    loans: z.number().int(),
    exposure: yuanAmount,
    claim: yuanAmount.openapi({ description: 'Still owed at D' }),
    ...Judged,
  })
  .openapi('PoolBacktest');

export const BacktestSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    asOf: isoDate,
    actualsThrough: isoDate,
    ...StoredFitSettingsFields,
    seed: z.number().int(),
    simulations: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('BacktestSummary');

export const BacktestSchema = BacktestSummarySchema.extend({
  months: z.number().int(),
  segments: z.number().int(),
  total: z.object({ ...Judged, pools: z.number().int(), poolsInside: z.number().int() }),
  pools: z.array(PoolBacktestSchema),
  monthly: z.array(z.object({ month: z.string(), predicted: yuanAmount, actual: yuanAmount })),
}).openapi('Backtest');
