import { eq } from 'drizzle-orm';
import { type ProductKind, productAliases, products } from '../../db';
import { recordAudit } from '../audit';
import { Problem, type VerbContext } from '../shared';
import { productKey } from './product-key';
import { remapBookProducts } from './product-mapping';
import { findProduct, type ProductRecord, productOfAlias } from './product-repository';

export interface NewProduct {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: ProductKind;
  /** Other names tapes use for it, besides its code and its two names. */
  aliases?: readonly string[] | undefined;
}

/**
 * Teaches the product table one name: the folded alias now names `code`, and loans of the book
 * written with it take the code. A name another product has is a conflict: one name, one product.
 * @throws Problem conflict naming the product the alias already names
 */
function addAlias(ctx: VerbContext, code: string, name: string): { alias: string; loans: number } {
  const alias = productKey(name);
  const owner = productOfAlias(ctx.tx, alias);
  if (owner === code) return { alias, loans: 0 };
  if (owner !== undefined)
    throw new Problem('conflict', `the name ${name} already names product ${owner}`, {
      errors: [{ field: 'body.aliases', value: name, message: `already names product ${owner}` }],
    });
  ctx.tx.insert(productAliases).values({ alias, productCode: code }).run();
  return { alias, loans: remapBookProducts(ctx.tx, alias, code) };
}

/**
 * Adds a product to the table with its names and kind; loans of the book written with any of its
 * names take its code. Audited.
 * @throws Problem conflict for a code or a name the table has
 */
export function createProduct(ctx: VerbContext, input: NewProduct): ProductRecord {
  const { tx, deps, actor } = ctx;
  if (findProduct(tx, input.code))
    throw new Problem('conflict', `product ${input.code} already exists`, {
      errors: [
        { field: 'body.code', value: input.code, message: 'a product with this code exists' },
      ],
    });
  tx.insert(products)
    .values({
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      kind: input.kind,
      createdAt: deps.clock.now(),
    })
    .run();
  let loansRemapped = 0;
  for (const name of [input.code, input.nameZh, input.nameEn, ...(input.aliases ?? [])])
    loansRemapped += addAlias(ctx, input.code, name).loans;
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'product.created',
    targetType: 'product',
    targetId: input.code,
    detail: { kind: input.kind, loansRemapped },
  });
  return findProduct(tx, input.code)!;
}

export interface ProductChange {
  code: string;
  nameZh?: string | undefined;
  nameEn?: string | undefined;
  kind?: ProductKind | undefined;
  /** Names to add; existing aliases stay. */
  aliases?: readonly string[] | undefined;
}

/**
 * Renames a product, changes its kind or adds names to it. A new kind applies to the screenings run
 * from now on; stored verdicts stay as screened. Audited with the before and after.
 * @throws Problem not_found, conflict for a name another product has
 */
export function changeProduct(ctx: VerbContext, change: ProductChange): ProductRecord {
  const { tx, deps, actor } = ctx;
  const before = findProduct(tx, change.code);
  if (!before) throw new Problem('not_found', `no product ${change.code}`);
  const set = {
    ...(change.nameZh !== undefined && { nameZh: change.nameZh }),
    ...(change.nameEn !== undefined && { nameEn: change.nameEn }),
    ...(change.kind !== undefined && { kind: change.kind }),
  };
  if (Object.keys(set).length > 0)
    tx.update(products).set(set).where(eq(products.code, change.code)).run();
  let loansRemapped = 0;
  for (const name of [change.nameZh, change.nameEn, ...(change.aliases ?? [])])
    if (name !== undefined) loansRemapped += addAlias(ctx, change.code, name).loans;
  const after = findProduct(tx, change.code)!;
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'product.changed',
    targetType: 'product',
    targetId: change.code,
    detail: {
      before: { nameZh: before.nameZh, nameEn: before.nameEn, kind: before.kind },
      after: { nameZh: after.nameZh, nameEn: after.nameEn, kind: after.kind },
      aliasesAdded: change.aliases ?? [],
      loansRemapped,
    },
  });
  return after;
}
