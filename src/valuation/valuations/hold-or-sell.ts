import { type Fen, roundToFen, subtractFen } from '../../shared';
import { type CostModel, npv, monthlyFen, projectBook, type ValuationBook } from '../maths';

/** The channel of the lender's own collectors. */
export const IN_HOUSE_CHANNEL = 'in_house';

export interface HoldOrSell {
  /** NPV at the discount rate of collecting the book in house. */
  inHouseNpvFen: Fen;
  /** The price at the target IRR: what a buyer is expected to pay. */
  priceFen: Fen;
  /** Price − in-house NPV: what selling gains (negative: what it loses). */
  differenceFen: Fen;
  recommendation: 'sell' | 'hold';
}

/**
 * The cost of collecting in house: every collection through the in-house channel, at that
 * channel's commission rate (0 when the model has none), with the same legal and fixed costs.
 * @example inHouseCostModel(fitted).channelMixByAge // [{ in_house: 1 }]
 */
export function inHouseCostModel(model: CostModel): CostModel {
  return {
    commissionRateByChannel: {
      [IN_HOUSE_CHANNEL]: model.commissionRateByChannel[IN_HOUSE_CHANNEL] ?? 0,
    },
    channelMixByAge: [{ [IN_HOUSE_CHANNEL]: 1 }],
    legalCostPerLitigatedAccountFen: model.legalCostPerLitigatedAccountFen,
    fixedCostPerAccountMonthFen: model.fixedCostPerAccountMonthFen,
  };
}

/**
 * Hold or sell, as the seller weighs it (docs/domain.md §3): the NPV at the seller's discount rate of
 * the same projection collected in house (`inHouseCostModel`), against the price a buyer pays at
 * its target IRR. Sell when the price is worth more; on a tie, hold.
 * @example holdOrSell(book, costModel, { horizonMonths: 120, discountRateAnnual: 0.12 }, valuation.priceFen).recommendation
 */
export function holdOrSell(
  book: ValuationBook,
  costModel: CostModel,
  terms: { horizonMonths: number; discountRateAnnual: number },
  priceFen: Fen,
): HoldOrSell {
  const inHouse = monthlyFen(
    projectBook(book, inHouseCostModel(costModel), { horizonMonths: terms.horizonMonths }),
  );
  const inHouseNpvFen = roundToFen(npv(inHouse.netFen, terms.discountRateAnnual));
  return {
    inHouseNpvFen,
    priceFen,
    differenceFen: subtractFen(priceFen, inHouseNpvFen),
    recommendation: priceFen > inHouseNpvFen ? 'sell' : 'hold',
  };
}
