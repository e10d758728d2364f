// The door of this room: what other rooms may use. Everything else here is private.
// The reconciliation ties the loan book, the ledger, the register and the sales to each other; it
// sits above transfer, the highest room whose records it reads.
export { type Reconciliation, reconcile } from './reconciliation';
export { reconciliationRoutes } from './routes';
