// The door of book/: the loan book as the API reads it, delinquency and the charge-off policy.
export { bookDataDate } from './book-data-date';
export { loanBookRoutes } from './book-routes';
export { chargeOffCandidates } from './book-service';
export { chargeOffPolicyOf, type ChargeOffRule, chargeOffRules } from './charge-off-policy';
export { projectedDaysPastDue } from './days-past-due';
export { bucketOf } from './delinquency';
export { isOnBook } from './on-book';
