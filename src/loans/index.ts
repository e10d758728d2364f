// The door of this room: what other rooms may use. Everything else here is private.
// Sub-rooms: book/ (the loan book's reads, routes and views, delinquency, the charge-off policy)
// and tape/ (the loan tape: its columns, records, staging and import). The lifecycle, beside them,
// is the one way a loan's status changes.
export {
  bookDataDate,
  bucketOf,
  chargeOffCandidates,
  chargeOffPolicyOf,
  type ChargeOffRule,
  chargeOffRules,
  isOnBook,
  projectedDaysPastDue,
} from './book';
export {
  type ChargeOffMove,
  type LoanMove,
  type LoanTransition,
  LoanTransitionError,
  loanTransitions,
  moveLoans,
  type StatusMove,
} from './lifecycle';
export { loans } from './routes';
export { composeNationalId, importLoanTape, tapeColumns } from './tape';
