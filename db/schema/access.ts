import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const roles = ['admin', 'risk', 'finance', 'buyer'] as const;
export type Role = (typeof roles)[number];

export const buyerTypes = ['collection_agency', 'amc'] as const;
export type BuyerType = (typeof buyerTypes)[number];

/** A buyer is vetted before it sees anything: `approved` with an NDA on file may be offered portfolios. */
export const buyerStatuses = ['pending', 'approved', 'suspended'] as const;
export type BuyerStatus = (typeof buyerStatuses)[number];

/** A buyer organisation: a collection agency or an asset-management company (AMC). */
export const buyerOrganisations = sqliteTable(
  'buyer_organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    type: text('type', { enum: buyerTypes }).notNull(),
    licenceNumber: text('licence_number').notNull(),
    status: text('status', { enum: buyerStatuses }).notNull().default('pending'),
    ndaSignedOn: text('nda_signed_on'),
    /** Where transfer notices tell borrowers to pay from now on. */
    paymentDetails: text('payment_details'),
    createdAt: text('created_at').notNull(),
  },
  // The status's closed list is a trigger (migration 0014): a CHECK added now would rebuild the table its users point to.
  (t) => [check('buyer_organisations_type', sql`${t.type} in ('collection_agency', 'amc')`)],
);

/** A person using the platform, with exactly one role; buyers belong to a buyer organisation. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    role: text('role', { enum: roles }).notNull(),
    buyerOrganisationId: integer('buyer_organisation_id').references(() => buyerOrganisations.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    check('users_role', sql`${t.role} in ('admin', 'risk', 'finance', 'buyer')`),
    check(
      'users_buyer_has_organisation',
      sql`(${t.role} = 'buyer') = (${t.buyerOrganisationId} is not null)`,
    ),
  ],
);

/**
 * Bearer API tokens. Only the SHA-256 of a token is stored; the token itself is shown once at
 * creation. `prefix` (the first characters) lets a person tell tokens apart without the secret.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    label: text('label'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
