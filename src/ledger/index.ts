// The door of this room: what other rooms may use. Everything else here is private.
export { type ForwardingResult, forwardCollections } from './forwarding';
export { type ForwardingStatement, forwardingStatement } from './forwarding-statement';
export { postImportedCollections, postTapeOpeningRegister } from './import-posting';
export { claimInterimCollections } from './interim-claim';
export { postOpeningRegister } from './opening-register';
export { ledgerPolicyOf } from './policy';
export { entryHeader, postEntry } from './post-entry';
export { bookPutBack } from './put-back';
export { insertMovement } from './register-repository';
export { type ReversalEffects } from './reversal';
export { ledgerRoutes } from './routes';
export { bookSale, returnReversedSaleLoans } from './sale';
export { statement } from './statements';
export { type WriteOffClaim, writeOffLines } from './write-off-lines';
// Kept for code that still imports it from here; its home is src/xlsx.
export { XLSX_CONTENT_TYPE } from '../xlsx';
