import { type ReversalEffects } from './ledger';
import { returnReversedSaleLoans } from './transfer';
import { releaseWriteOffBatch } from './write-offs';

/**
 * What reversing a posted entry does outside the ledger, by the entry's kind: the ledger undoes
 * lines and register movements; the room that posted the entry puts its own records back.
 */
export const reversalEffects: ReversalEffects = {
  write_off: releaseWriteOffBatch,
  sale: returnReversedSaleLoans,
};
