import type { DbOrTx } from '../../../db';
import { type Fen, subtractFen } from '../../shared';
import type { SaleRow } from './sale-repository';
import { requireSale } from './settlement';

/** Loans, their claims at the cut-off and their allocated prices, as one figure of a sale. */
export interface SaleFigure {
  loans: number;
  claimFen: Fen;
  priceFen: Fen;
}

/** What a sale is at each step of its life: the award, the settlement, and now. */
export interface SaleFigures {
  /** Fixed at the award: every loan then on offer, at the bid's price. */
  awarded: SaleFigure;
  /** What settlement sold: the award less the loans the bring-down excluded (their allocated prices off the price). Null until settled. */
  settled: SaleFigure | null;
  /** Accepted put-backs: the loans returned, their claims, and the refunds paid (`priceFen`). */
  putBacks: SaleFigure;
  /**
   * The sale now: settled (or, before settlement, awarded) less the put-backs. `priceFen` is the
   * price net of refunds; `loans` and `claimFen` are what the buyer holds.
   */
  net: SaleFigure;
}

/**
 * A sale's figures from its row: settled = awarded − loans out at the bring-down (the sale's
 * `settled*` columns, written once at settlement); net = settled − put-backs (price net of
 * refunds, loans and claims net of put-backs). The ledger reconciles sale proceeds and refunds
 * to these.
 * @example saleFigures(sale).net.priceFen // the price the seller keeps, after refunds
 */
export function saleFigures(sale: SaleRow): SaleFigures {
  const awarded = { loans: sale.loanCount, claimFen: sale.claimFen, priceFen: sale.priceFen };
  const settled =
    sale.settledPriceFen === null || sale.settledClaimFen === null || sale.settledLoanCount === null
      ? null
      : {
          loans: sale.settledLoanCount,
          claimFen: sale.settledClaimFen,
          priceFen: sale.settledPriceFen,
        };
  const putBacks = {
    loans: sale.putBackCount,
    claimFen: sale.putBackClaimFen,
    priceFen: sale.refundsFen,
  };
  const base = settled ?? awarded;
  return {
    awarded,
    settled,
    putBacks,
    net: {
      loans: base.loans - putBacks.loans,
      claimFen: subtractFen(base.claimFen, putBacks.claimFen),
      priceFen: subtractFen(base.priceFen, putBacks.priceFen),
    },
  };
}

/**
 * A sale's figures read in the caller's transaction: what the ledger's reconciliation ties sale
 * proceeds, allocations and refunds to.
 * @throws Problem not_found
 */
export function saleNetFigures(tx: DbOrTx, saleId: number): SaleFigures {
  return saleFigures(requireSale(tx, saleId));
}
