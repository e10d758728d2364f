// The door of the transfer package: the buyer's file of the loans it bought and their notices.
export { startTransferPackage, writeTransferPackage } from './transfer-package';
