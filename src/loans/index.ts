// The door of this room: what other rooms may use. Everything else here is private.
export { bookDataDate } from './book-data-date';
export { chargeOffCandidates } from './book-service';
export { type ChargeOffRule, chargeOffRules } from './charge-off-policy';
export { projectedDaysPastDue } from './days-past-due';
export { bucketOf } from './delinquency';
export { composeNationalId } from './national-id';
export { isOnBook } from './on-book';
export { loans } from './routes';
export { tapeColumns } from './tape-columns';
export { importLoanTape } from './tape-import';
export {
  type ChargeOffMove,
  type LoanMove,
  type LoanTransition,
  LoanTransitionError,
  loanTransitions,
  moveLoans,
  type StatusMove,
} from './lifecycle';
