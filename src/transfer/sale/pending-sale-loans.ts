import { type DbOrTx, prepared } from '../../../db';

/**
 * Of the given loans, those allocated to a sale awarded or signed but not yet settled, with the
 * sale's reference and status: the buyer has been promised them, so nothing the ledger did to them
 * may be undone until the sale settles (a reversed opening register would leave a sale that can
 * never be settled).
 */
export function loansInPendingSales(
  tx: DbOrTx,
  loanIds: readonly string[],
): { loanId: string; saleId: number; status: 'awarded' | 'signed' }[] {
  if (loanIds.length === 0) return [];
  return prepared(
    tx,
    `select a.loan_id as loanId, s.id as saleId, s.status from sale_allocations a join sales s on s.id = a.sale_id
      where s.status in ('awarded', 'signed') and a.loan_id in (select value from json_each(?)) order by a.loan_id`,
  ).all(JSON.stringify(loanIds)) as {
    loanId: string;
    saleId: number;
    status: 'awarded' | 'signed';
  }[];
}
