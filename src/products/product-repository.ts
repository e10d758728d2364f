import { asc, eq } from 'drizzle-orm';
import { type DbOrTx, type ProductKind, productAliases, products } from '../../db';
import { productKey } from './product-key';

export interface ProductRecord {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: ProductKind;
  /** The folded names a tape may give it, in alphabetical order. */
  aliases: string[];
}

/** Every product with its aliases, by code. */
export function listProducts(db: DbOrTx): ProductRecord[] {
  const aliases = new Map<string, string[]>();
  for (const { alias, productCode } of db
    .select()
    .from(productAliases)
    .orderBy(asc(productAliases.alias))
    .all()) {
    const list = aliases.get(productCode) ?? [];
    list.push(alias);
    aliases.set(productCode, list);
  }
  return db
    .select({
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      kind: products.kind,
    })
    .from(products)
    .orderBy(asc(products.code))
    .all()
    .map((product) => ({ ...product, aliases: aliases.get(product.code) ?? [] }));
}

export function findProduct(db: DbOrTx, code: string): ProductRecord | undefined {
  return listProducts(db).find((product) => product.code === code);
}

/** The product an alias names, if any. */
export function productOfAlias(db: DbOrTx, alias: string): string | undefined {
  return db
    .select({ code: productAliases.productCode })
    .from(productAliases)
    .where(eq(productAliases.alias, productKey(alias)))
    .get()?.code;
}

/**
 * The kind of product each folded name stands for: every alias of every product. The table is
 * small (a lender has tens of products), so a screening loads it once and looks names up in memory.
 */
export function productKindsByKey(db: DbOrTx): Map<string, ProductKind> {
  const rows = db
    .select({ alias: productAliases.alias, kind: products.kind })
    .from(productAliases)
    .innerJoin(products, eq(products.code, productAliases.productCode))
    .all();
  return new Map(rows.map(({ alias, kind }) => [alias, kind]));
}

/** Each product's Chinese and English name by its code: how a buyer's file or a workbook names it. */
export function productNamesByCode(db: DbOrTx): Map<string, { zh: string; en: string }> {
  return new Map(
    db
      .select({ code: products.code, zh: products.nameZh, en: products.nameEn })
      .from(products)
      .all()
      .map(({ code, zh, en }) => [code, { zh, en }]),
  );
}
