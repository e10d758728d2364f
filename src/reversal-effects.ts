import { type ReversalEffects } from './ledger';
import { loansInPendingSales, returnReversedSaleLoans } from './transfer';
import { releaseWriteOffBatch } from './write-offs';

/**
 * What reversing a posted entry does outside the ledger, by the entry's kind: the ledger undoes
 * lines and register movements; the room that posted the entry puts its own records back.
 */
export const reversalEffects: ReversalEffects = {
  write_off: releaseWriteOffBatch,
  sale: returnReversedSaleLoans,
  // Loans promised to a buyer (an awarded or signed sale) keep what the ledger booked on them.
  held: (tx, loanIds) =>
    loansInPendingSales(tx, loanIds).map(({ loanId, saleId, status }) => ({
      field: 'loanId',
      value: loanId,
      message: `the loan is in sale ${saleId}, ${status} and not yet settled: settle or withdraw the sale first`,
    })),
};
