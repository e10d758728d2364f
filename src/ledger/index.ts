// The door of this room: what other rooms may use. Everything else here is private.
export { accounts, memoAccountCodes } from './accounts';
export { type PlannedEntry } from './collection-plan';
export { postPlannedEntries } from './collection-posting';
export { forwardingDueDate } from './forwarding-terms';
export { postImportedCollections, postTapeOpeningRegister } from './import-posting';
export { assertBalanced, type JournalLineDraft, transfer } from './journal-line';
export { sourceIsPosted } from './journal-repository';
export { postOpeningRegister } from './opening-register';
export { type LedgerPolicy, ledgerPolicyOf } from './policy';
export { entryHeader, postEntry } from './post-entry';
export { recoveryAccountOf } from './recovery-lines';
export { bookedRecoveries, insertMovement, registerPositions } from './register-repository';
export { type ReversalEffects, reverseEntry } from './reversal';
export { ledgerRoutes } from './routes';
export { type LoanSale, latestSales } from './sold-loans';
export { type WriteOffClaim, writeOffLines } from './write-off-lines';
