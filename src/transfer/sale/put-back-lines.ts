import { accounts, assertBalanced, type JournalLineDraft, transfer } from '../../ledger';
import type { Fen } from '../../shared';

/** What one loan's sale booked: the price and the account it credited, and the claim that left the register. */
export interface LoanSaleBooking {
  loanId: string;
  /** The allowance or gain on transfer, whichever the sale credited; null for a loan sold for nothing. */
  proceedsAccount: string | null;
  priceFen: Fen;
  claimFen: Fen;
}

/**
 * A loan the buyer returns (put-back, 回购): the refund undoes the sale's proceeds on the account
 * the sale credited (Dr allowance or gain on transfer / Cr cash), and the claim that left the
 * register at the sale comes back on file (Dr 7001 / Cr 7002).
 * @throws RangeError for a refund above the price the loan was sold for
 */
export function putBackLines(sale: LoanSaleBooking, refundFen: Fen): JournalLineDraft[] {
  if (refundFen > sale.priceFen)
    throw new RangeError(
      `a refund of ${refundFen} fen is more than the ${sale.priceFen} fen the loan was sold for`,
    );
  const refund =
    sale.proceedsAccount === null
      ? []
      : transfer(
          sale.proceedsAccount,
          accounts.cashAtBank,
          refundFen,
          sale.loanId,
          'put-back refund',
        );
  const lines = [
    ...refund,
    ...transfer(
      accounts.writtenOffMemo,
      accounts.writtenOffMemoContra,
      sale.claimFen,
      sale.loanId,
      'put back by the buyer',
    ),
  ];
  assertBalanced(lines);
  return lines;
}
