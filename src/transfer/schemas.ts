import { z } from '@hono/zod-openapi';
import {
  awardKinds,
  buyerTypes,
  disclosureTiers,
  putBackReasons,
  putBackStatuses,
  saleStatuses,
} from '../../db';
import { VerdictChangeSchema } from '../portfolios';
import { IdParams, instant, isoDate, positivePriceFen, yuanAmount } from '../shared';

const positivePrice = positivePriceFen;

export const PortfolioIdParams = IdParams;
export const SaleIdParams = PortfolioIdParams;

export const OfferSchema = z
  .object({ buyerOrganisationIds: z.array(z.number().int().positive()).min(1).max(100) })
  .openapi('OfferRequest', {
    description:
      'Buyers to offer the portfolio to: approved, with an NDA on file, of a type its rule pack allows',
  });

const BuyerRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(buyerTypes),
});
export const OfferViewSchema = z
  .object({ buyerOrganisation: BuyerRefSchema, offeredAt: instant, offeredBy: z.string() })
  .openapi('Offer');

export const RoundSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    deadline: instant,
    reservePrice: positivePrice
      .optional()
      .openapi({ description: 'The lowest price the seller accepts; buyers never see it' }),
  })
  .openapi('BidRoundRequest');

export const BidSchema = z
  .object({
    price: positivePrice.openapi({
      description: 'The price offered for the whole portfolio (a lot is a portfolio of its own)',
    }),
    validUntil: isoDate.openapi({ description: 'The last day the bid may be accepted' }),
    conditions: z.string().trim().max(2000).optional(),
  })
  .openapi('BidRequest');

export const BidViewSchema = z
  .object({
    id: z.number().int(),
    buyerOrganisationId: z.number().int(),
    price: yuanAmount,
    validUntil: isoDate,
    conditions: z.string().nullable(),
    submittedAt: instant,
    standing: z.boolean().openapi({ description: "The buyer's latest bid in the round" }),
  })
  .openapi('Bid');
const RoundBaseSchema = z.object({
  id: z.number().int(),
  portfolioId: z.number().int(),
  name: z.string(),
  deadline: instant,
  open: z.boolean(),
});
export const SellerRoundSchema = RoundBaseSchema.extend({
  reservePrice: yuanAmount.nullable(),
  bids: z.array(BidViewSchema),
}).openapi('SellerBidRound');
export const BuyerRoundSchema = RoundBaseSchema.extend({ bids: z.array(BidViewSchema) }).openapi(
  'BuyerBidRound',
);

export const AwardSchema = z
  .object({
    bidId: z.number().int().positive(),
    contractEffectiveDate: isoDate,
    deliveryDate: isoDate.openapi({ description: '交割日: the day the accounts are handed over' }),
    putBackWindowDays: z.number().int().min(0).max(730).optional().openapi({
      description:
        'Days after settlement in which the buyer may return ineligible accounts (default 120)',
    }),
  })
  .openapi('AwardRequest');

export const SaleViewSchema = z
  .object({
    id: z.number().int(),
    portfolioId: z.number().int(),
    buyerOrganisationId: z.number().int(),
    bidId: z.number().int(),
    awardKind: z.enum(awardKinds),
    status: z.enum(saleStatuses),
    price: yuanAmount,
    claim: yuanAmount,
    priceShareOfClaim: z.number(),
    loanCount: z.number().int(),
    cutOffDate: isoDate,
    contractEffectiveDate: isoDate,
    deliveryDate: isoDate,
    putBackWindowDays: z.number().int(),
    putBackDeadline: isoDate
      .nullable()
      .openapi({ description: 'The last day a put-back may be asked: settlement + the window' }),
    awardedAt: instant,
    signedAt: instant.nullable(),
    settledAt: instant.nullable(),
    receivedOn: isoDate.nullable(),
    entryId: z.number().int().nullable(),
    cancelledAt: instant.nullable(),
    cancelReason: z.string().nullable(),
    settledPrice: yuanAmount.nullable().openapi({
      description:
        'What settlement sold it for: the price less the allocated prices of the loans the bring-down excluded',
    }),
    settledClaim: yuanAmount.nullable(),
    settledLoanCount: z.number().int().nullable(),
    refunds: yuanAmount.openapi({ description: 'Refunds of accepted put-backs' }),
    putBacks: z.number().int().openapi({ description: 'Accepted put-backs' }),
    netPrice: yuanAmount.openapi({
      description: 'The price net of refunds (settled price, or before settlement the award price)',
    }),
    netClaim: yuanAmount.openapi({ description: 'The claims the buyer holds: net of put-backs' }),
    netLoanCount: z
      .number()
      .int()
      .openapi({ description: 'Loans the buyer holds: net of put-backs' }),
  })
  .openapi('Sale');

export const CancelSaleSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ description: 'Why the seller calls the sale off (kept in the audit trail)' }),
  })
  .openapi('CancelSaleRequest');

const RemovedLoanSchema = z.object({
  loanId: z.string(),
  rules: z
    .array(z.string())
    .openapi({ description: 'The rules of the bring-down that excluded it' }),
  claim: yuanAmount,
  price: yuanAmount.openapi({ description: 'Its allocated price, taken off the price' }),
});

export const SettleSchema = z
  .object({ receivedOn: isoDate.openapi({ description: 'The day the price was received' }) })
  .openapi('SettleRequest');

export const SettlementSchema = z
  .object({
    sale: SaleViewSchema,
    booked: z
      .boolean()
      .openapi({ description: 'False when the sale was settled before: nothing was booked again' }),
    interimCollections: yuanAmount.openapi({
      description:
        'Collections after the cut-off booked as recoveries before settlement, now owed to the buyer',
    }),
    bringDown: z.array(VerdictChangeSchema).openapi({
      description: 'Loans whose verdict changed between the award and settlement',
    }),
    removed: z
      .object({
        loans: z.array(RemovedLoanSchema),
        priceBefore: yuanAmount.openapi({ description: 'The price fixed at the award' }),
        priceAfter: yuanAmount.openapi({
          description: "The price settled: less the removed loans' allocated prices, to the fen",
        }),
      })
      .openapi({
        description:
          'The loans the bring-down excluded: they left the sale, and their allocated prices came off the price',
      }),
  })
  .openapi('Settlement');

export const PutBackParams = PortfolioIdParams;
export const PutBackRequestSchema = z
  .object({
    loanId: z
      .string()
      .min(1)
      .openapi({ description: 'The loan as the clear (P2) data room names it' }),
    reason: z.enum(putBackReasons),
    detail: z.string().trim().max(2000).optional(),
  })
  .openapi('PutBackRequest');
export const PutBackDecisionSchema = z
  .object({ decision: z.enum(['accept', 'reject']), note: z.string().trim().max(2000).optional() })
  .openapi('PutBackDecision');
export const PutBackViewSchema = z
  .object({
    id: z.number().int(),
    saleId: z.number().int(),
    loanId: z.string(),
    reason: z.enum(putBackReasons),
    detail: z.string().nullable(),
    status: z.enum(putBackStatuses),
    requestedAt: instant,
    decidedAt: instant.nullable(),
    decidedBy: z.string().nullable(),
    decisionNote: z.string().nullable(),
    refund: yuanAmount
      .nullable()
      .openapi({ description: "The loan's allocated price, refunded when accepted" }),
    entryId: z.number().int().nullable(),
  })
  .openapi('PutBack');

export const ForwardingQuery = z.object({
  asOf: isoDate.optional().openapi({ description: 'The statement date (today when absent)' }),
});
export const ForwardingItemSchema = z.object({
  payableId: z.number().int(),
  loanId: z.string(),
  collectionEventId: z.number().int(),
  receivedDate: isoDate,
  bookedOn: isoDate,
  amount: yuanAmount,
  dueDate: isoDate.openapi({
    description:
      'Received + the forwarding business days (10 by default; weekends skipped, public holidays not modelled)',
  }),
  forwardedOn: isoDate.nullable(),
  forwardingReference: z.string().nullable(),
  overdue: z.boolean(),
});
export const ForwardingStatementSchema = z
  .object({
    saleId: z.number().int(),
    buyerOrganisationId: z.number().int(),
    asOf: isoDate,
    items: z.array(ForwardingItemSchema),
    totals: z.object({
      items: z.number().int(),
      owed: yuanAmount,
      forwarded: yuanAmount,
      outstanding: yuanAmount,
      overdue: yuanAmount,
    }),
  })
  .openapi('ForwardingStatement');
export const ForwardSchema = z
  .object({
    reference: z.string().trim().min(1).max(100).openapi({
      description: 'The payment reference (a bank transfer number): one forwarding per reference',
    }),
    date: isoDate,
    payableIds: z.array(z.number().int().positive()).min(1).optional(),
  })
  .openapi('ForwardRequest');
export const ForwardingSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    buyerOrganisationId: z.number().int(),
    forwardedDate: isoDate,
    amount: yuanAmount,
    entryId: z.number().int(),
    payableIds: z.array(z.number().int()),
    replayed: z.boolean(),
  })
  .openapi('Forwarding');

export const DataRoomQuery = z.object({
  tier: z
    .enum(disclosureTiers)
    .optional()
    .openapi({ description: 'P1 (masked) by default; P2 (clear) only for the buyer who signed' }),
});
