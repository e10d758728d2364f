import { z } from '@hono/zod-openapi';
import { defaultValuation, isoDate, yuanAmount, yuanAmountRequest } from '../../shared';
import { paymentChannels, litigationStatuses } from '../../../db';
import { isChannelMix } from '../maths';
import { CostModelSchema, horizonMonths } from '../curves';

// The valuation API: requests and responses. Money is a decimal string in yuan; rates are annual effective, as numbers.

const rate = z.number().min(0).max(5);
const share = z.number().min(0).max(1);

const CostOverridesSchema = z
  .object({
    commissionRateByChannel: z.partialRecord(z.enum(paymentChannels), share).optional().openapi({
      description:
        'Commission on what each channel collects, replacing the fitted rate channel by channel',
    }),
    channelMixByAge: z
      .array(z.partialRecord(z.enum(paymentChannels), share))
      .min(1)
      .max(240)
      .refine(isChannelMix, { message: "each age's shares must add up to 1" })
      .optional()
      .openapi({
        description:
          'Share of collections by channel at each month since charge-off, replacing the fitted mix; ages past the end take the last',
      }),
    legalCostPerLitigatedAccount: yuanAmountRequest.optional(),
    fixedCostPerAccountMonth: yuanAmountRequest.optional(),
  })
  .strict();

export const CreateValuationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: '`Valuation at <valuationDate>` when absent' }),
    curveSetId: z.number().int().positive(),
    valuationDate: isoDate.optional().openapi({
      description: "The portfolio's cut-off date when absent; no loan may be charged off after it",
    }),
    horizonMonths: horizonMonths
      .optional()
      .openapi({ description: "The curve set's horizon when absent; no longer than it" }),
    discountRateAnnual: rate.optional().openapi({
      description:
        "The seller's discount rate for NPV and hold or sell; the target IRR when absent",
    }),
    targetIrrAnnual: rate.optional().openapi({
      description: "The buyer's target IRR that sets the price; the discount rate when absent",
    }),
    costOverrides: CostOverridesSchema.prefault({}),
    litigationPlan: z
      .object({
        statuses: z
          .array(z.enum(litigationStatuses))
          .max(litigationStatuses.length)
          .default([...defaultValuation.litigatedStatuses])
          .openapi({
            description: 'Loans whose litigation status at the cut-off is one of these are sued',
          }),
        loanIds: z
          .array(z.string().min(1).max(64))
          .max(100_000)
          .default([])
          .openapi({ description: 'These loans are sued too' }),
      })
      .strict()
      .prefault({})
      .openapi({
        description:
          'Which loans carry the legal cost per litigated account (in the first projected month)',
      }),
    sensitivity: z
      .object({
        recoveryShocks: z
          .array(z.number().min(-1).max(5))
          .min(1)
          .max(15)
          .default([...defaultValuation.recoveryShocks])
          .openapi({
            description: 'Relative changes of every recovery rate: −0.2 collects 80 % of the curve',
          }),
        discountRatesAnnual: z
          .array(rate)
          .min(1)
          .max(15)
          .default([...defaultValuation.discountRatesAnnual]),
      })
      .strict()
      .prefault({}),
    seed: z
      .number()
      .int()
      .min(-2_147_483_648)
      .max(2_147_483_647)
      .default(defaultValuation.seed)
      .openapi({
        description: 'Seed of the bootstrap: the same inputs and seed give the same numbers',
      }),
    simulations: z.number().int().min(1).max(5000).default(defaultValuation.valuationSimulations),
  })
  .strict()
  .refine(
    (request) => request.discountRateAnnual !== undefined || request.targetIrrAnnual !== undefined,
    { message: 'give discountRateAnnual, targetIrrAnnual or both', path: ['discountRateAnnual'] },
  )
  .openapi('CreateValuation');
export type ValuationRequest = z.infer<typeof CreateValuationSchema>;

const Band = z.object({ p5: yuanAmount, p50: yuanAmount, p95: yuanAmount });

export const ValuationSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    portfolioId: z.number().int(),
    curveSetId: z.number().int(),
    valuationDate: isoDate,
    horizonMonths: z.number().int(),
    discountRateAnnual: z.number(),
    targetIrrAnnual: z.number(),
    seed: z.number().int(),
    simulations: z.number().int(),
    loans: z.number().int().openapi({ description: 'Loans on offer valued' }),
    face: yuanAmount,
    npv: yuanAmount,
    price: yuanAmount,
    priceShareOfFace: z.number(),
    recommendation: z.enum(['sell', 'hold']),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('ValuationSummary');

export const ValuationSchema = ValuationSummarySchema.extend({
  notes: z.array(z.string()).openapi({
    description:
      'What the valuation assumed on its own, e.g. one rate for both when only one was given',
  }),
  inputs: z.object({
    portfolioStatus: z.string(),
    cutOffDate: isoDate,
    costOverrides: CostOverridesSchema,
    litigationPlan: z.object({ statuses: z.array(z.string()), loanIds: z.array(z.string()) }),
    sensitivity: z.object({
      recoveryShocks: z.array(z.number()),
      discountRatesAnnual: z.array(z.number()),
    }),
  }),
  costModel: CostModelSchema.openapi({
    description: "The curve set's fitted cost model with the overrides applied",
  }),
  litigatedLoans: z.number().int(),
  measures: z.object({
    face: yuanAmount,
    erc: yuanAmount.openapi({
      description: 'Estimated remaining collections: gross, undiscounted, over the horizon',
    }),
    costs: yuanAmount,
    netCollections: yuanAmount,
    npv: yuanAmount.openapi({ description: 'Net collections discounted at the discount rate' }),
    price: yuanAmount.openapi({ description: 'Net collections discounted at the target IRR' }),
    priceShareOfFace: z.number(),
    grossMultiple: z.number().nullable(),
    netMultiple: z.number().nullable(),
    paybackMonth: z.number().int().nullable(),
  }),
  monthly: z.array(
    z.object({
      month: z.number().int(),
      date: isoDate,
      gross: yuanAmount,
      commission: yuanAmount,
      legal: yuanAmount,
      fixed: yuanAmount,
      costs: yuanAmount,
      net: yuanAmount,
    }),
  ),
  sensitivity: z.object({
    recoveryShocks: z.array(z.number()),
    discountRatesAnnual: z.array(z.number()),
    prices: z
      .array(z.array(yuanAmount))
      .openapi({ description: 'prices[i][j]: the price at shock i and rate j' }),
  }),
  distribution: z.object({
    seed: z.number().int(),
    simulations: z.number().int(),
    gross: Band,
    net: Band.optional().openapi({
      description:
        'Net collections (gross less costs); absent on valuations stored before it was simulated',
    }),
    npv: Band,
    price: Band,
  }),
  holdOrSell: z.object({
    inHouseNpv: yuanAmount.openapi({
      description: 'NPV at the discount rate of collecting in house',
    }),
    price: yuanAmount,
    difference: yuanAmount.openapi({ description: 'Price − in-house NPV' }),
    recommendation: z.enum(['sell', 'hold']),
  }),
  segments: z.array(
    z.object({
      segment: z.string(),
      curve: z
        .string()
        .openapi({ description: "The curve used: the segment's own, or `all` (the book's)" }),
      loans: z.number().int(),
      face: yuanAmount,
      expectedGross: yuanAmount.optional().openapi({
        description:
          "The segment's share of the expected gross collections; the segments add up to the ERC",
      }),
      expectedCosts: yuanAmount.optional(),
      expectedNet: yuanAmount
        .optional()
        .openapi({ description: 'Gross less costs; the segments add up to the net collections' }),
    }),
  ),
}).openapi('Valuation');
