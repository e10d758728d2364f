// The door of this room: what other rooms may use. Everything else here is private.
export { buyerRoutes } from './buyer-routes';
export { startDownload, streamDataRoom } from './data-room-download';
export { salesRoutes } from './sale-routes';
export { sellerTransfer } from './seller-routes';
export { settleSale } from './settlement';
export { dataRooms } from './trace-routes';
export { writeTransferPackage } from './transfer-package';
