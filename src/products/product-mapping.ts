import { connectionOf, type DbOrTx } from '../../db';
import { productKey } from './product-key';

/** A product name a tape used that no product of the table answers to. */
export interface UnknownProduct {
  /** As the file wrote it. */
  product: string;
  rows: number;
  /** The first file row that has it. */
  firstRow: number;
}

/** Registers `product_key(name)` (see `productKey`) on the connection under `tx`. */
export function useProductKey(tx: DbOrTx): void {
  connectionOf(tx).function('product_key', { deterministic: true }, (name) =>
    typeof name === 'string' ? productKey(name) : null,
  );
}

/**
 * Rewrites the `product` column of a staging table from the names the file used to the codes of
 * the products they are aliases of (`信用卡` → `credit_card`), in one set-based UPDATE, and answers
 * the names no product answers to. Those are kept as written: the import names them and the
 * screening treats them as an unknown product, never as some other kind.
 */
export function mapStagedProducts(tx: DbOrTx, staging: string): UnknownProduct[] {
  useProductKey(tx);
  const client = connectionOf(tx);
  client
    .prepare(
      `UPDATE ${staging} SET product = a.product_code
       FROM product_aliases a WHERE a.alias = product_key(${staging}.product) AND ${staging}.product IS NOT a.product_code`,
    )
    .run();
  return client
    .prepare(
      `SELECT product, count(*) AS rows, min(row) AS firstRow FROM ${staging}
       WHERE product IS NOT NULL AND product NOT IN (SELECT code FROM products)
       GROUP BY product ORDER BY min(row)`,
    )
    .all() as UnknownProduct[];
}

/**
 * Loans of the book written with a name that is not (yet) a product's code, with their counts:
 * what the lender should add to the product table.
 */
export function unknownProductsInBook(tx: DbOrTx): { product: string; loans: number }[] {
  return connectionOf(tx)
    .prepare(
      `SELECT product, count(*) AS loans FROM loans
       WHERE product NOT IN (SELECT code FROM products) GROUP BY product ORDER BY count(*) DESC, product`,
    )
    .all() as { product: string; loans: number }[];
}

/**
 * Gives the loans written with `alias` (folded) the product `code`, once the alias names it: a
 * book imported before the lender taught the platform a name then agrees with the table. Loans
 * already on a known product are left alone.
 */
export function remapBookProducts(tx: DbOrTx, alias: string, code: string): number {
  useProductKey(tx);
  return connectionOf(tx)
    .prepare(
      `UPDATE loans SET product = @code
       WHERE product_key(product) = @alias AND product NOT IN (SELECT code FROM products)`,
    )
    .run({ alias, code }).changes;
}
