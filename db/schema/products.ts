import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * What a product is, in the terms the eligibility rules reason about (银保监办便函〔2021〕26号 lists
 * unsecured consumer loans, credit-card overdrafts and unsecured personal business loans as the
 * personal loans a batch transfer may hold): `secured` and `other` are never transferable there.
 */
export const productKinds = [
  'unsecured_consumer_loan',
  'credit_card_overdraft',
  'small_business_credit',
  'secured_loan',
  'other',
] as const;
export type ProductKind = (typeof productKinds)[number];

/** The lender's products: the code the book stores, its names, and its kind. */
export const products = sqliteTable(
  'products',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').$type<ProductKind>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('products_kind', sql`${t.kind} in (${inList(productKinds)})`)],
);

/**
 * The names a tape may give a product, folded (`productKey`: trimmed, ASCII lower case), each
 * naming one product. The code and both names of a product are aliases of it too.
 */
export const productAliases = sqliteTable(
  'product_aliases',
  {
    alias: text('alias').primaryKey(),
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
  },
  (t) => [index('product_aliases_product').on(t.productCode)],
);
