import type { Fen } from '../shared';
import { accounts } from './accounts';
import { transfer, type JournalLineDraft } from './journal-line';

/**
 * A payment received for a sold loan after its sale's cut-off: the cash is the buyer's, held until
 * forwarded. Dr cash / Cr collections payable to debt buyers (2242); the register is not touched,
 * since the claim left it at the sale.
 */
export function buyerCollectionLines(loanId: string, amountFen: Fen): JournalLineDraft[] {
  return transfer(accounts.cashAtBank, accounts.buyerCollectionsPayable, amountFen, loanId);
}
