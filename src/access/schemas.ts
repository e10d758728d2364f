import { z } from '@hono/zod-openapi';
import { buyerStatuses, buyerTypes, roles } from '../../db';
import { IdParams, instant, isoDate } from '../shared';

// A request's expiry may carry any UTC offset (it is stored as a UTC instant): wider than `instant`.
const isoTimestamp = z.iso.datetime({ offset: true }).openapi({ example: '2027-01-01T00:00:00Z' });

export const NewUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    role: z.enum(roles),
    buyerOrganisationId: z.number().int().positive().optional(),
  })
  .openapi('NewUser');

export const UserSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    buyerOrganisationId: z.number().int().nullable(),
    createdAt: instant,
  })
  .openapi('User');

export const NewTokenSchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    expiresAt: isoTimestamp.optional().describe('When the token stops working; never when absent'),
  })
  .openapi('NewToken');

export const IssuedTokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    token: z
      .string()
      .describe('The bearer token. Shown this once only: the platform keeps only its hash.'),
    prefix: z.string(),
    label: z.string().nullable(),
    createdAt: instant,
    expiresAt: instant.nullable(),
  })
  .openapi('IssuedToken');

export const RevokedTokenSchema = z
  .object({ id: z.number().int(), revokedAt: instant })
  .openapi('RevokedToken');

export const NewBuyerOrganisationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(buyerTypes),
    licenceNumber: z.string().trim().min(1).max(100),
    ndaSignedOn: isoDate
      .optional()
      .openapi({ description: 'The day the NDA was signed: no portfolio is offered without one' }),
    paymentDetails: z.string().trim().min(1).max(500).optional().openapi({
      description:
        'Where borrowers pay once their debt is transferred (printed on the transfer notices)',
    }),
  })
  .openapi('NewBuyerOrganisation');

export const BuyerVettingSchema = z
  .object({
    status: z.enum(buyerStatuses).optional(),
    ndaSignedOn: isoDate.nullable().optional(),
    paymentDetails: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .refine(
    (vetting) => Object.keys(vetting).length > 0,
    'name at least one of status, ndaSignedOn, paymentDetails',
  )
  .openapi('BuyerVetting');

export const BuyerOrganisationSchema = NewBuyerOrganisationSchema.omit({
  ndaSignedOn: true,
  paymentDetails: true,
})
  .extend({
    id: z.number().int(),
    status: z.enum(buyerStatuses).openapi({
      description: 'Only an approved buyer with an NDA on file may be offered portfolios',
    }),
    ndaSignedOn: z.string().nullable(),
    paymentDetails: z.string().nullable(),
    createdAt: instant,
  })
  .openapi('BuyerOrganisation');

export const MeSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    buyerOrganisation: BuyerOrganisationSchema.nullable(),
  })
  .openapi('Me');

/** `{ id }` path parameters (the shared vocabulary's). */
export const IdParamSchema = IdParams;
