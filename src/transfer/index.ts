// The door of this room: what other rooms may use. Everything else here is private.
// Sub-rooms: offers (who may see a portfolio), bids (rounds, award, price allocation), data-room
// (the workbook a buyer downloads), trace (fingerprints, leaked files), sale (settlement,
// put-backs, forwarding, interim claims, with their postings), package (the transfer package).
export { buyerRoutes } from './buyer-routes';
export { startDownload, streamDataRoom } from './data-room';
export { writeTransferPackage } from './package';
export {
  loansInPendingSales,
  returnReversedSaleLoans,
  type SaleFigure,
  type SaleFigures,
  saleFigures,
  saleNetFigures,
  settleSale,
  settledSaleFigures,
  type SettledSaleFigures,
} from './sale';
export { salesRoutes } from './sale-routes';
export { sellerTransfer } from './seller-routes';
export { dataRooms } from './trace-routes';
