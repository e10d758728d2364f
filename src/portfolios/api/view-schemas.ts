import { z } from '@hono/zod-openapi';
import { portfolioStatuses, screeningVerdicts } from '../../../db';
import { stratDimensions } from '../strats';
import { CriteriaSchema } from './schemas';
import { instant, isoDate, yuanAmount } from '../../shared';

// The responses of the portfolio API. Money is a decimal string in yuan; percentages are numbers
// in percent and weighted averages numbers, both to 2 decimals, half up.

const pct = z.number().openapi({ description: 'Percent, 2 decimals' });
const average = z
  .number()
  .nullable()
  .openapi({ description: 'Weighted by total claim, 2 decimals; null when the claim is zero' });

export const RuleSchema = z
  .object({
    id: z.string(),
    action: z.enum(['exclude', 'flag']),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
  })
  .openapi('EligibilityRule');

export const RulePackSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    nameZh: z.string(),
    nameEn: z.string(),
    rules: z.array(RuleSchema),
  })
  .openapi('RulePack');

export const PortfolioSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(portfolioStatuses),
    cutOffDate: isoDate,
    criteria: CriteriaSchema,
    rulePack: z.object({ id: z.string(), version: z.number().int() }),
    parentId: z.number().int().nullable(),
    lotLabel: z.string().nullable(),
    createdBy: z.string(),
    createdAt: instant,
    statusChangedAt: instant,
  })
  .openapi('Portfolio');

export const StratRowSchema = z
  .object({
    key: z.string(),
    loans: z.number().int(),
    loansPct: pct,
    claim: yuanAmount,
    claimPct: pct,
    principal: yuanAmount,
    averageClaim: yuanAmount.nullable(),
    waMonthsSinceChargeOff: average,
    waDpd: average.openapi({ description: 'Days past due at the cut-off, weighted by claim' }),
  })
  .openapi('StratRow');

export const StratTableSchema = z
  .object({
    portfolioId: z.number().int(),
    by: z.enum(stratDimensions),
    rows: z.array(StratRowSchema),
    totals: StratRowSchema,
  })
  .openapi('StratTable', {
    description: 'The loans on offer (not excluded). The totals row equals the portfolio summary.',
  });

const reasons = z.array(RuleSchema.extend({ loans: z.number().int() }));
const verdictGroup = z.object({ loans: z.number().int(), claim: yuanAmount, reasons });

export const SummarySchema = z
  .object({
    loans: z.number().int().openapi({ description: '笔数: loans on offer' }),
    borrowers: z.number().int().openapi({ description: '户数: distinct borrowers on offer' }),
    principal: yuanAmount,
    interest: yuanAmount,
    fee: yuanAmount,
    penalty: yuanAmount,
    claim: yuanAmount.openapi({
      description: '债权总额: principal + interest + fees + penalty at the cut-off',
    }),
    collectedSinceChargeOff: yuanAmount,
    averageClaim: yuanAmount.nullable(),
    waDpd: average,
    waMonthsSinceChargeOff: average,
    waBorrowerAgeYears: average.openapi({ description: 'Over loans whose borrower age is known' }),
    eligible: z.number().int(),
    flagged: verdictGroup,
    excluded: verdictGroup,
    topProvinces: z.array(StratRowSchema),
    largestProvinceClaimPct: pct,
  })
  .openapi('PortfolioSummary');

export const ScreeningSchema = z
  .object({
    id: z.number().int(),
    asOf: isoDate,
    rulePack: z.object({ id: z.string(), version: z.number().int() }),
    rules: z.array(RuleSchema),
    eligible: z.number().int(),
    flagged: z.number().int(),
    excluded: z.number().int(),
    changed: z.number().int(),
    inheritedFromId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "For a lot: the parent's screening it was copied from" }),
    screenedAt: instant,
    screenedBy: z.string(),
  })
  .openapi('PortfolioScreening');

const verdict = z.enum(screeningVerdicts);

export const VerdictChangeSchema = z
  .object({
    loanId: z.string(),
    previousVerdict: verdict,
    previousRules: z.array(z.string()),
    verdict,
    rules: z.array(z.string()),
  })
  .openapi('VerdictChange');

export const ScreeningRunSchema = z
  .object({ screening: ScreeningSchema, changes: z.array(VerdictChangeSchema) })
  .openapi('PortfolioScreeningRun');

const lotRef = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(portfolioStatuses),
  lotLabel: z.string().nullable(),
});

export const PortfolioDetailSchema = PortfolioSchema.extend({
  summary: SummarySchema,
  screening: ScreeningSchema.nullable(),
  lots: z.array(lotRef),
}).openapi('PortfolioDetail');

export const CreatedPortfolioSchema = PortfolioSchema.extend({
  loans: z
    .number()
    .int()
    .openapi({ description: 'Loans taken into the snapshot, whatever their verdict' }),
  skippedHeldElsewhere: z.number().int().openapi({
    description: 'Loans the criteria take that another active portfolio holds: left out',
  }),
  screening: ScreeningSchema.openapi({
    description: 'The first screening, as of the cut-off date',
  }),
}).openapi('CreatedPortfolio', {
  description: 'The summary and strats are at GET /portfolios/{id} and /portfolios/{id}/strats.',
});

export const PortfolioPageSchema = z
  .object({ items: z.array(PortfolioSchema), nextCursor: z.number().int().nullable() })
  .openapi('PortfolioPage');

export const MemberSchema = z
  .object({
    loanId: z.string(),
    borrowerId: z.string(),
    product: z.string(),
    province: z.string().nullable(),
    chargeOffDate: isoDate,
    chargeOff: yuanAmount,
    principal: yuanAmount,
    interest: yuanAmount,
    fee: yuanAmount,
    penalty: yuanAmount,
    claim: yuanAmount,
    collectedSinceChargeOff: yuanAmount,
    lastPaymentDate: isoDate.nullable(),
    dpdAtChargeOff: z.number().int(),
    dpdAtCutOff: z.number().int(),
    monthsSinceChargeOff: z.number().int(),
    borrowerAgeYears: z.number().int().nullable(),
    placementStage: z.string().nullable(),
    litigationStatus: z.string(),
    verdict: verdict.nullable(),
    rules: z.array(RuleSchema).openapi({
      description: 'Every rule that fired, as the screening that decided the verdict defined it',
    }),
    screening: z
      .object({
        id: z.number().int(),
        asOf: isoDate,
        rulePack: z.string(),
        version: z.number().int(),
      })
      .nullable(),
  })
  .openapi('PortfolioLoan');

export const MemberPageSchema = z
  .object({ items: z.array(MemberSchema), nextCursor: z.string().nullable() })
  .openapi('PortfolioLoanPage');

export const MembershipResultSchema = ScreeningRunSchema.extend({
  added: z.number().int(),
  removed: z.number().int(),
}).openapi('PortfolioMembershipResult');

export const SplitResultSchema = z
  .object({
    parent: PortfolioSchema,
    lots: z.array(PortfolioSchema.extend({ loans: z.number().int(), claim: yuanAmount })),
  })
  .openapi('PortfolioSplit');
