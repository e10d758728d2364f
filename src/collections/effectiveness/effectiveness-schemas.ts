import { z } from '@hono/zod-openapi';
import { effectivenessDimensions } from './effectiveness';
import { isoDate, yuanAmount } from '../../shared';

// The effectiveness report's contract. Money is a decimal string in yuan; rates are numbers.

const rate = z.number().nullable().openapi({ description: 'Null when its divisor is zero' });

export const EffectivenessQuery = z.object({
  from: isoDate
    .optional()
    .openapi({ description: 'Placements that started on or after this date' }),
  to: isoDate.optional().openapi({ description: 'Placements that started on or before this date' }),
  by: z.enum(effectivenessDimensions).default('channel').openapi({
    description:
      'channel (in_house, agency, legal), grade (delinquency grade at placement), stage (fresh, primary, secondary, tertiary) or month of placement',
  }),
  scheme: z.string().min(1).default('grades').openapi({
    description:
      'The delinquency scheme that grades placements (`by=grade`): `grades`, `m_buckets` or a configured one',
  }),
  format: z
    .enum(['json', 'xlsx'])
    .default('json')
    .openapi({ description: '`xlsx` downloads the report as an Excel workbook' }),
});

const Measures = {
  placements: z.number().int(),
  placed: yuanAmount.openapi({ description: 'What the accounts owed when placed' }),
  recovered: yuanAmount.openapi({ description: 'Payments while placed' }),
  recoveryRate: rate.openapi({ description: 'Recovered ÷ placed' }),
  costs: yuanAmount.openapi({
    description: 'Costs spent while placed (commission, legal and court fees, calls and SMS)',
  }),
  costToCollect: rate.openapi({ description: 'Costs ÷ recovered' }),
  netRecovery: yuanAmount.openapi({ description: 'Recovered − costs' }),
  payerRate: z.object({ within3Months: rate, within6Months: rate, within12Months: rate }).openapi({
    description:
      'Share of placements that paid anything within 3, 6 and 12 months, among those whose window is over',
  }),
  maturedPlacements: z.object({
    within3Months: z.number().int(),
    within6Months: z.number().int(),
    within12Months: z.number().int(),
  }),
};

export const EffectivenessRowSchema = z
  .object({
    key: z.string(),
    accountsWorked: z.number().int(),
    ...Measures,
    trend: z
      .array(z.object({ month: z.string(), ...Measures }))
      .openapi({ description: 'The same by month of placement; empty when the rows are months' }),
  })
  .openapi('EffectivenessRow');

export const EffectivenessSchema = z
  .object({
    by: z.enum(effectivenessDimensions),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    dataEnd: isoDate.openapi({
      description: 'Outcomes are followed up to this date, the latest tape date',
    }),
    ladder: z
      .array(z.object({ fromMonths: z.number().int(), channel: z.string(), stage: z.string() }))
      .openapi({
        description:
          'The collection ladder placements are read off: rungs by months since charge-off; a lawsuit moves the account to `legal`',
      }),
    rows: z.array(EffectivenessRowSchema),
    total: z.object({ accountsWorked: z.number().int(), ...Measures }),
  })
  .openapi('CollectionEffectiveness');
