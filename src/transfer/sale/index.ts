// The door of the sale: settlement, put-backs, forwarding and interim claims, with their postings.
export { forwardSaleCollections, saleForwardingStatement } from './after-sale';
export { cancelSale } from './cancellation';
export { type ForwardingResult, forwardCollections } from './forwarding';
export { type ForwardingStatement, forwardingStatement } from './forwarding-statement';
export { claimInterimCollections } from './interim-claim';
export { bookPutBack } from './put-back-booking';
export { findPutBack, putBacksOf, type PutBackRow } from './put-back-repository';
export { decidePutBack, requestPutBack } from './put-backs';
export { loansInPendingSales } from './pending-sale-loans';
export { type SettledSaleFigures, settledSaleFigures } from './settled-sale-figures';
export { bookSale, returnReversedSaleLoans } from './sale-booking';
export {
  findSaleOfPortfolio,
  insertAllocations,
  insertSale,
  listSales,
  loansOnOffer,
  type SaleRow,
} from './sale-repository';
export { type SaleFigure, type SaleFigures, saleFigures, saleNetFigures } from './sale-figures';
export { type Settlement } from './settlement';
export { putBackDeadline, requireSale, saleReference, settleSale, signSale } from './settlement';
