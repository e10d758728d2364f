import type { Fen } from '../../shared';
import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import {
  requirePortfolio,
  requireStatus,
  screenPortfolio,
  transitionPortfolio,
  type VerdictChange,
} from '../../portfolios';
import {
  addDays,
  type IsoDate,
  Problem,
  subtractFen,
  sumFen,
  type VerbContext,
  ZERO_FEN,
} from '../../shared';
import { claimInterimCollections } from './interim-claim';
import { releaseReturnedLoan } from './put-back-repository';
import { bookSale } from './sale-booking';
import {
  allocationsOf,
  type ExcludedAllocation,
  excludedAllocations,
  findSale,
  insertExits,
  loansRecoveredAfter,
  updateSale,
  type SaleRow,
} from './sale-repository';

/** The sale's reference in the ledger: its entries' source. */
export const saleReference = (saleId: number) => `sale-${saleId}`;

/**
 * The sale, as the seller or, with `buyerOrganisationId`, as that buyer may see it: another
 * buyer's sale is "not found", like a sale that does not exist.
 * @throws Problem not_found
 */
export function requireSale(tx: DbOrTx, saleId: number, buyerOrganisationId?: number): SaleRow {
  const sale = findSale(tx, saleId);
  if (
    !sale ||
    (buyerOrganisationId !== undefined && sale.buyerOrganisationId !== buyerOrganisationId)
  )
    throw new Problem('not_found', `no sale ${saleId}`);
  return sale;
}

/**
 * Records the signing of an awarded sale: from now on its buyer alone gets the clear (P2) data
 * room. Signing a signed or settled sale changes nothing.
 * @throws Problem not_found; conflict for a portfolio withdrawn since the award
 */
/** The last day a put-back may be asked: the settlement day plus the window. */
export function putBackDeadline(sale: SaleRow): string | null {
  return sale.receivedOn === null ? null : addDays(sale.receivedOn, sale.putBackWindowDays);
}

export function signSale(
  { tx, deps, actor }: VerbContext,
  { saleId }: { saleId: number },
): SaleRow {
  const sale = requireSale(tx, saleId);
  if (sale.status === 'cancelled')
    throw new Problem('conflict', `sale ${saleId} was cancelled: ${sale.cancelReason}`);
  if (sale.status !== 'awarded') return sale;
  requireStatus(requirePortfolio(tx, sale.portfolioId), ['awarded'], 'signing its sale');
  const signed = updateSale(tx, saleId, { status: 'signed', signedAt: deps.clock.now() });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'transfer.sale.signed',
    targetType: 'sale',
    targetId: saleId,
  });
  return signed;
}

export interface Settlement {
  sale: SaleRow;
  /** False when the sale had been settled before: nothing was booked this time. */
  booked: boolean;
  /** The bring-down: loans whose verdict changed between the award and settlement (put-back candidates). */
  changes: VerdictChange[];
  /** Collections after the cut-off booked as the seller's recoveries before settlement: now owed to the buyer. */
  interimCollectionsFen: Fen;
  /** The loans the bring-down excluded, taken out of the sale with their allocated prices. */
  removed: ExcludedAllocation[];
  /** The price fixed at the award, and the price settled: less the removed loans' allocated prices. */
  priceBeforeFen: Fen;
  priceAfterFen: Fen;
}

/**
 * Settles a signed sale when its price is received: the bring-down screening as of that date;
 * the loans it excludes leave the sale (recorded with their rules) and their allocated prices come
 * off the price, so what is sold is exactly what the portfolio now offers; then one `sale` entry
 * through the ledger with the remaining allocation (it sums to the settled price), the loans sold
 * to the buyer, collections after the cut-off already booked as recoveries moved to what is owed
 * to the buyer, the portfolio `sold`. Settling a settled sale books nothing.
 * @throws Problem not_found; conflict for a sale not signed yet, one the bring-down empties (cancel
 *   it), or as `bookSale`
 */
export function settleSale(
  ctx: VerbContext,
  { saleId, receivedOn }: { saleId: number; receivedOn: IsoDate },
): Settlement {
  const { tx, deps, actor } = ctx;
  const sale = requireSale(tx, saleId);
  if (sale.status === 'settled')
    return {
      sale,
      booked: false,
      changes: [],
      interimCollectionsFen: ZERO_FEN,
      removed: [],
      priceBeforeFen: sale.priceFen,
      priceAfterFen: sale.settledPriceFen ?? sale.priceFen,
    };
  if (sale.status !== 'signed')
    throw new Problem('conflict', `sale ${saleId} is ${sale.status}: settlement follows signing`);
  if (receivedOn < sale.cutOffDate || receivedOn > deps.clock.today()) {
    const message = `the price is received between the cut-off date ${sale.cutOffDate} and today`;
    throw new Problem('validation_failed', message, {
      errors: [{ field: 'json.receivedOn', value: receivedOn, message }],
    });
  }
  const { changes } = screenPortfolio(ctx, { portfolioId: sale.portfolioId, asOf: receivedOn });
  const removed = excludedAllocations(tx, sale);
  insertExits(
    tx,
    removed.map((loan) => ({
      saleId,
      loanId: loan.loanId,
      kind: 'bring_down' as const,
      reason: JSON.stringify(loan.firedRules),
      exitDate: receivedOn,
      claimFen: loan.claimFen,
      priceFen: loan.priceFen,
      refundFen: ZERO_FEN,
    })),
  );
  // Out of the sale, they are out of the sold portfolio too: another portfolio may offer them.
  for (const loan of removed) releaseReturnedLoan(tx, sale.portfolioId, loan.loanId);
  const loans = allocationsOf(tx, saleId);
  if (loans.length === 0)
    throw new Problem(
      'conflict',
      `the bring-down as of ${receivedOn} excludes every loan of sale ${saleId}: nothing is left to sell; cancel the sale`,
      { removed: removed.length },
    );
  const priceAfterFen = subtractFen(sale.priceFen, sumFen(removed.map((loan) => loan.priceFen)));
  const reference = saleReference(saleId);
  const booked = bookSale(ctx, {
    reference,
    buyerOrganisationId: sale.buyerOrganisationId,
    date: receivedOn,
    priceFen: priceAfterFen,
    loans,
  });
  const interim = claimInterimCollections(ctx, {
    saleReference: reference,
    buyerOrganisationId: sale.buyerOrganisationId,
    cutOffDate: sale.cutOffDate,
    loanIds: loansRecoveredAfter(tx, saleId, sale.cutOffDate),
    date: receivedOn,
  });
  const settled = updateSale(tx, saleId, {
    status: 'settled',
    settledAt: deps.clock.now(),
    receivedOn,
    entryId: booked.entryId,
    settledPriceFen: priceAfterFen,
    settledClaimFen: sumFen(loans.map((loan) => loan.claimFen)),
    settledLoanCount: loans.length,
  });
  transitionPortfolio(ctx, {
    portfolioId: sale.portfolioId,
    to: 'sold',
    reason: `sale ${saleId} settled`,
  });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'transfer.sale.settled',
    targetType: 'sale',
    targetId: saleId,
    detail: {
      entryId: booked.entryId,
      priceFen: sale.priceFen,
      settledPriceFen: priceAfterFen,
      changedVerdicts: changes.length,
      removedLoanIds: removed.map((loan) => loan.loanId),
    },
  });
  return {
    sale: settled,
    booked: true,
    changes,
    interimCollectionsFen: interim.amountFen,
    removed,
    priceBeforeFen: sale.priceFen,
    priceAfterFen,
  };
}
