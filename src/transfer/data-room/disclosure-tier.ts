import type { DbOrTx, DisclosureTier } from '../../../db';
import { Problem } from '../../shared';
import { findSaleOfPortfolio } from '../sale';

/**
 * The tier a buyer gets (docs/domain.md §5): P1 to every buyer the portfolio is offered to; P2, the
 * clear data, only to the buyer of a signed sale, and by default to it. Asking for P2 otherwise is
 * refused.
 * @throws Problem forbidden for P2 before signing or to another buyer
 */
export function disclosureTierFor(
  tx: DbOrTx,
  portfolioId: number,
  buyerOrganisationId: number,
  requested: DisclosureTier | undefined,
): DisclosureTier {
  const sale = findSaleOfPortfolio(tx, portfolioId);
  const signedBuyer =
    sale !== undefined &&
    sale.status !== 'awarded' &&
    sale.buyerOrganisationId === buyerOrganisationId;
  if (requested === 'P2' && !signedBuyer)
    throw new Problem(
      'forbidden',
      'the clear (P2) data room is for the buyer who signed, after signing',
    );
  return requested ?? (signedBuyer ? 'P2' : 'P1');
}
