import { z } from '@hono/zod-openapi';
import {
  litigationStatuses,
  placementStages,
  portfolioStatuses,
  screeningVerdicts,
} from '../../../db';
import { stratDimensions } from '../strats';
import { transitionTargets } from '../lifecycle';
import { rulePackIds } from '../screening';
import {
  defaultPortfolioRequests,
  IdParams,
  isoDate,
  pageLimit,
  yuanAmountRequest,
} from '../../shared';

// The requests of the portfolio API, hand-written so the tables can change without breaking callers.

const count = z.number().int().min(0);
const loanIds = z.array(z.string().min(1)).min(1).max(100_000);

/** `{ id }`: the portfolio's id in the path. */
export const PortfolioParams = IdParams;
export const ScreeningParams = PortfolioParams.extend({
  screeningId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'screeningId', in: 'path' }, example: 1 }),
});

export const CriteriaSchema = z
  .object({
    chargeOffDateFrom: isoDate.optional(),
    chargeOffDateTo: isoDate.optional(),
    products: z.array(z.string().min(1)).min(1).optional(),
    provinces: z.array(z.string().min(1)).min(1).optional(),
    claimMin: yuanAmountRequest.optional().openapi({
      description: 'Least total claim (principal + interest + fees + penalty) at the cut-off',
    }),
    claimMax: yuanAmountRequest.optional(),
    dpdAtChargeOffMin: count.optional(),
    dpdAtChargeOffMax: count.optional(),
    monthsSinceChargeOffMin: count
      .optional()
      .openapi({ description: 'Whole months from the charge-off date to the cut-off date' }),
    monthsSinceChargeOffMax: count.optional(),
    placementStages: z.array(z.enum(placementStages)).min(1).optional(),
    litigationStatuses: z.array(z.enum(litigationStatuses)).min(1).optional(),
    includeLoanIds: loanIds
      .optional()
      .openapi({ description: 'Loans taken whatever the other criteria say' }),
    excludeLoanIds: loanIds
      .optional()
      .openapi({ description: 'Loans left out whatever the other criteria say' }),
  })
  .strict()
  .openapi('PortfolioCriteria', {
    description: 'Ranges are inclusive; an absent field leaves its dimension open.',
  });

export const CreatePortfolioSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    cutOffDate: isoDate.openapi({
      description: 'Balances are frozen at this date (交易基准日); not before the latest tape date',
    }),
    rulePack: z.enum(rulePackIds).default(defaultPortfolioRequests.rulePack),
    criteria: CriteriaSchema.default({}),
  })
  .openapi('CreatePortfolio');

export const MembershipSchema = z
  .object({ add: loanIds.optional(), remove: loanIds.optional() })
  .refine((change) => change.add !== undefined || change.remove !== undefined, {
    message: 'name loans to add or remove',
  })
  .openapi('PortfolioMembershipChange');

export const ScreenSchema = z
  .object({
    asOf: isoDate
      .optional()
      .openapi({ description: 'The bring-down date; today when absent; not before the cut-off' }),
  })
  .openapi('ScreenPortfolio');

export const TransitionSchema = z
  .object({ to: z.enum(transitionTargets), reason: z.string().trim().min(1).max(500).optional() })
  .openapi('PortfolioTransition');

export const SplitSchema = z
  .union([
    z
      .object({
        by: z.enum(stratDimensions).openapi({
          description:
            'One lot per group of this dimension, e.g. charge_off_age: fresh / primary / secondary / tertiary',
        }),
      })
      .strict(),
    z
      .object({
        lots: z.number().int().min(2).max(100),
        stratifyBy: z
          .array(z.enum(stratDimensions))
          .min(1)
          .max(4)
          .default([...defaultPortfolioRequests.stratifyBy])
          .openapi({ description: 'Segments whose mix every lot mirrors' }),
      })
      .strict(),
  ])
  .openapi('SplitPortfolio');

export const PortfolioListQuery = z.object({
  status: z.enum(portfolioStatuses).optional(),
  parentId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Only the lots of this portfolio' }),
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page (newest first)' }),
});

export const StratsQuery = z.object({
  by: z.enum(stratDimensions).openapi({ description: 'The dimension to stratify by' }),
});

export const LoansQuery = z.object({
  verdict: z.enum(screeningVerdicts).optional(),
  limit: pageLimit,
  cursor: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page (loan-id order)' }),
});
