// Membership: creating a portfolio, taking loans in and out (the snapshot insert, named loans),
// and reading its members and the loans on offer.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { createPortfolio } from './create';
export { type MemberRow, membersPage } from './member-repository';
export { changeMembership } from './membership';
export { loansOnOffer, onOfferAmong } from './offer-repository';
export { assertTakesLoans, releaseMembers } from './snapshot-repository';
