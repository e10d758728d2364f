import { z } from '@hono/zod-openapi';
import { loanStatuses } from '../../../db';
import { chargeOffRuleCodes } from './charge-off-policy';
import { isoDate, pageLimit, yuanAmount } from '../../shared';

// The API contract of the loan book, hand-written so the tables can change without breaking callers.

const asOf = isoDate.optional().openapi({
  description:
    'Date to report as of; default the latest tape date. Earlier than the latest tape date is refused (422).',
});
const cursor = z
  .string()
  .regex(/^\d{1,15}$/)
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page' });

export const LoanListQuery = z.object({
  status: z.enum(loanStatuses).optional(),
  product: z.string().min(1).optional(),
  province: z.string().min(1).optional(),
  limit: pageLimit,
  cursor,
});

export const LoanParams = z.object({
  loanId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'loanId', in: 'path' }, example: 'L000123' }),
});

export const DelinquencyQuery = z.object({
  as_of: asOf,
  scheme: z
    .string()
    .min(1)
    .default('grades')
    .openapi({ description: '`grades`, `m_buckets` or a configured scheme name' }),
});

export const ChargeOffCandidatesQuery = z.object({ as_of: asOf, limit: pageLimit, cursor });

export const LoanSchema = z
  .object({
    loanId: z.string(),
    borrowerId: z.string(),
    borrowerName: z.string(),
    nationalId: z.string(),
    mobilePhone: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    product: z.string(),
    channel: z.string().nullable(),
    currency: z.string(),
    originationDate: isoDate,
    maturityDate: isoDate.nullable(),
    originalPrincipal: yuanAmount,
    principal: yuanAmount,
    interest: yuanAmount,
    fee: yuanAmount,
    penalty: yuanAmount,
    claim: yuanAmount.openapi({ description: 'principal + interest + fee + penalty' }),
    daysPastDue: z.number().int().openapi({ description: 'As of the tape date' }),
    lastPaymentDate: isoDate.nullable(),
    lastPayment: yuanAmount.nullable(),
    status: z.enum(loanStatuses),
    chargeOffDate: isoDate.nullable(),
    chargeOffAmount: yuanAmount.nullable(),
    bankrupt: z.boolean(),
    deceased: z.boolean(),
    disputed: z.boolean(),
    fraud: z.boolean(),
    litigationPending: z.boolean(),
    complaintOpen: z.boolean(),
    activeRepaymentPlan: z.boolean(),
    tapeDate: isoDate,
  })
  .openapi('Loan');

const nextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' });

export const LoanPageSchema = z
  .object({ items: z.array(LoanSchema), nextCursor })
  .openapi('LoanPage');

const Measures = z.object({
  loans: z.number().int(),
  principal: yuanAmount,
  interest: yuanAmount,
  fee: yuanAmount,
  penalty: yuanAmount,
  total: yuanAmount,
});

export const DelinquencyReportSchema = z
  .object({
    asOf: isoDate,
    scheme: z.string(),
    buckets: z.array(
      Measures.extend({
        code: z.string(),
        label: z.string(),
        minDays: z.number().int(),
        maxDays: z.number().int().nullable(),
      }),
    ),
    current: Measures,
    totals: Measures.openapi({
      description: 'All on-book loans: the sum of the bucket rows and current',
    }),
    chargedOff: z.object({ loans: z.number().int(), chargeOffAmount: yuanAmount }),
  })
  .openapi('DelinquencyReport');

export const ChargeOffCandidatesSchema = z
  .object({
    asOf: isoDate,
    policy: z.object({ dpdThreshold: z.number().int() }),
    total: z
      .object({ loans: z.number().int(), claim: yuanAmount })
      .openapi({ description: 'All candidates, not only this page' }),
    items: z.array(
      z.object({
        loanId: z.string(),
        borrowerName: z.string(),
        product: z.string(),
        province: z.string().nullable(),
        daysPastDue: z.number().int().openapi({ description: 'Projected to asOf' }),
        principal: yuanAmount,
        interest: yuanAmount,
        fee: yuanAmount,
        penalty: yuanAmount,
        claim: yuanAmount,
        rules: z
          .array(z.object({ code: z.enum(chargeOffRuleCodes), description: z.string() }))
          .min(1),
      }),
    ),
    nextCursor,
  })
  .openapi('ChargeOffCandidates');
