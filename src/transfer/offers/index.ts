// The door of offers: which buyers may see a portfolio, and the token key its data room is minted with.
export { offerRefusal, standingRefusal } from './buyer-eligibility';
export { loanToken, newTokenKey } from './loan-token';
export {
  type BuyerRow,
  findBuyer,
  findTokenKey,
  offersOf,
  type OfferRow,
  portfolioIdsOfferedTo,
} from './offer-repository';
export { offerPortfolio, requireDealingBuyer, requireOfferedTo } from './offers';
