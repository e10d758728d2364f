// Products: the lender's product table (codes, Chinese and English names, the kind the rule packs
// reason about, the aliases tapes use), the mapping of a tape's names onto it, and its routes.
// The door of this room: what other rooms may use. Everything else here is private.
export { productKey } from './product-key';
export { type ProductKind, productKindNames, productKinds } from './product-kind';
export { mapStagedProducts, type UnknownProduct, unknownProductsInBook } from './product-mapping';
export {
  listProducts,
  productKindsByKey,
  productNamesByCode,
  type ProductRecord,
} from './product-repository';
export { changeProduct, createProduct } from './products';
export { productRoutes } from './routes';
