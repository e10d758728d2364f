import { z } from '@hono/zod-openapi';
import { isoDate, yuanAmount } from '../../shared';
import { cohortGrains } from '../../../db';
import { FitSettingsSchema, StoredFitSettingsFields } from './fit-schemas';

// The curve-set API: requests and responses. Money is a decimal string in yuan; rates are numbers per unit of charged-off balance.

export const CreateCurveSetSchema = FitSettingsSchema.extend({
  name: z.string().trim().min(1).max(200),
  asOf: isoDate
    .optional()
    .openapi({ description: 'History up to this date; the latest tape date when absent' }),
  chargeOffFrom: isoDate
    .optional()
    .openapi({ description: 'Only loans charged off on or after this date' }),
  chargeOffTo: isoDate
    .optional()
    .openapi({ description: 'Only loans charged off on or before this date' }),
})
  .strict()
  .refine(
    (request) =>
      !request.chargeOffFrom ||
      !request.chargeOffTo ||
      request.chargeOffFrom <= request.chargeOffTo,
    { message: 'chargeOffFrom must not be after chargeOffTo', path: ['chargeOffTo'] },
  )
  .openapi('CreateCurveSet');

const segmentValue = z.string().min(1).max(100).optional();
export const TriangleQuery = z.object({
  as_of: isoDate
    .optional()
    .openapi({ description: 'History up to this date; the latest tape date when absent' }),
  cohort: z.enum(cohortGrains).default('month'),
  basis: z
    .enum(['gross', 'net'])
    .default('gross')
    .openapi({ description: '`net`: payments less the costs spent to collect them' }),
  product: segmentValue,
  region: segmentValue.openapi({ description: 'Province' }),
  balance_band: segmentValue.openapi({
    description: 'A band label such as `5000-20000` (yuan, default edges)',
  }),
  charge_off_age: z.enum(['fresh', 'primary', 'secondary', 'tertiary']).optional(),
  placement_stage: segmentValue,
  litigation_status: segmentValue,
});

export const TriangleSchema = z
  .object({
    cohorts: z.array(z.string()),
    ages: z
      .array(z.number().int())
      .openapi({ description: 'Months since charge-off, 0 = the charge-off month' }),
    exposure: z.array(yuanAmount).openapi({ description: 'Charged-off balance of each cohort' }),
    accounts: z.array(z.number().int()),
    incremental: z.array(z.array(z.number().nullable())).openapi({
      description:
        'Collections per unit of charged-off balance in each month of age; null = not yet known',
    }),
    cumulative: z.array(z.array(z.number().nullable())),
  })
  .openapi('RecoveryTriangle');

export const SegmentTriangleSchema = TriangleSchema.extend({
  asOf: isoDate,
  basis: z.enum(['gross', 'net']),
  segment: z
    .record(z.string(), z.string())
    .openapi({ description: 'The filters the loans were taken by' }),
}).openapi('SegmentTriangle');

const CurveSchema = z
  .object({
    segment: z.string(),
    accounts: z.number().int(),
    exposure: yuanAmount,
    credibility: z
      .number()
      .openapi({ description: "Z: the weight of the segment's own experience (1 for the book)" }),
    firstFittedAge: z.number().int(),
    decayPerMonth: z.number(),
    decaySource: z.enum(['fitted', 'fallback', 'observed_zeros']).openapi({
      description:
        "`fitted`: the segment decays of its own; `fallback`: its parent curve's decay, level fitted; `observed_zeros`: its last six observed months collected nothing on a balance, so the curve ends there",
    }),
    gross: z.array(z.number()),
    net: z.array(z.number()),
    cumulativeGross: z.array(z.number()),
  })
  .openapi('RecoveryCurve');

export const CostModelSchema = z
  .object({
    commissionRateByChannel: z.record(z.string(), z.number()),
    channelMixByAge: z.array(z.record(z.string(), z.number())),
    legalCostPerLitigatedAccount: yuanAmount,
    fixedCostPerAccountMonth: yuanAmount,
  })
  .openapi('CostModel');

export const CurveSetSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    asOf: isoDate,
    chargeOffFrom: isoDate.nullable(),
    chargeOffTo: isoDate.nullable(),
    ...StoredFitSettingsFields,
    loans: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('CurveSetSummary');

const mackFigures = {
  latest: yuanAmount.openapi({ description: 'Collected to date' }),
  ultimate: yuanAmount.openapi({
    description: 'Developed with the age-to-age factors to the oldest age observed',
  }),
  remaining: yuanAmount.openapi({ description: 'Ultimate − latest: still to come' }),
  standardError: yuanAmount.openapi({
    description: "Mack's prediction standard error of the ultimate: √(process² + parameter²)",
  }),
  processStandardError: yuanAmount,
  parameterStandardError: yuanAmount,
  cv: z
    .number()
    .nullable()
    .openapi({ description: 'Standard error ÷ remaining; null when nothing remains' }),
};

export const MackSchema = z
  .object({
    throughAge: z.number().int().openapi({
      description:
        'The oldest month of age observed: ultimates run to it, the exponential tail after it is not included',
    }),
    cohorts: z.array(z.object({ cohort: z.string(), ...mackFigures })),
    total: z.object(mackFigures),
  })
  .openapi('MackChainLadder', {
    description:
      "Mack's (1993) distribution-free standard errors of the chain ladder on the book's gross static-pool triangle, in yuan",
  });

export const CurveSetSchema = CurveSetSummarySchema.extend({
  mack: MackSchema.nullable().openapi({
    description:
      'For a chain-ladder curve set: per cohort and in total, the ultimate and its standard error; null for an additive one or a history too thin for it',
  }),
  book: CurveSchema,
  segments: z.array(CurveSchema),
  costModel: CostModelSchema,
  triangles: z.object({ gross: TriangleSchema, net: TriangleSchema }),
}).openapi('CurveSet');
