// Mounted at /products (src/app.ts).
import type { Context } from 'hono';
import { defineRoute, verbContextOf } from '../access';
import {
  type AppEnv,
  createRouter,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  type VerbContext,
} from '../shared';
import { productKindNames, productKinds } from './product-kind';
import { unknownProductsInBook } from './product-mapping';
import { listProducts, type ProductRecord } from './product-repository';
import {
  NewProductSchema,
  ProductChangeSchema,
  ProductCodeParams,
  ProductSchema,
  ProductTableSchema,
} from './product-schemas';
import { changeProduct, createProduct } from './products';

const tags = ['Products'];

const getProducts = defineRoute('products:read', {
  method: 'get',
  path: '/',
  tags,
  summary:
    'The product table: codes, names, kinds and aliases, and the unknown products of the book',
  responses: { 200: json('The product table', ProductTableSchema) },
});
const postProduct = defineRoute('products:manage', {
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a product; loans of the book written with its names take its code',
  request: body(NewProductSchema),
  responses: {
    201: json('The product', ProductSchema),
    409: problem('The code, or one of the names, is taken'),
  },
});
const patchProduct = defineRoute('products:manage', {
  method: 'patch',
  path: '/{code}',
  tags,
  summary: 'Rename a product, change its kind, or add names tapes use for it',
  request: { params: ProductCodeParams, ...body(ProductChangeSchema) },
  responses: {
    200: json('The product', ProductSchema),
    404: problem('No such product'),
    409: problem('A name is taken by another product'),
  },
});

const productView = (product: ProductRecord) => ({
  ...product,
  kindZh: productKindNames[product.kind].zh,
  kindEn: productKindNames[product.kind].en,
});

/** Runs a product verb in one transaction of its own, as the request's user. */
function inTransaction<T>(c: Context<AppEnv>, verb: (ctx: VerbContext) => T): T {
  return c.get('deps').db.transaction((tx) => verb(verbContextOf(c, tx)));
}

export const productRoutes = createRouter()
  .openapi(getProducts, (c) => {
    const { db } = c.get('deps');
    return c.json(
      {
        products: listProducts(db).map(productView),
        kinds: productKinds.map((kind) => ({
          kind,
          nameZh: productKindNames[kind].zh,
          nameEn: productKindNames[kind].en,
        })),
        unknownInBook: unknownProductsInBook(db),
      },
      200,
    );
  })
  .openapi(postProduct, (c) =>
    c.json(productView(inTransaction(c, (ctx) => createProduct(ctx, c.req.valid('json')))), 201),
  )
  .openapi(patchProduct, (c) =>
    c.json(
      productView(
        inTransaction(c, (ctx) =>
          changeProduct(ctx, { code: c.req.valid('param').code, ...c.req.valid('json') }),
        ),
      ),
      200,
    ),
  );
