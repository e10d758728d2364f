import type { DbOrTx } from '../../../db';
import { latestSales } from '../../ledger';
import { type IsoDate, Problem, type FieldError } from '../../shared';
import { findPostedSale, loanStatuses, type PostedSale } from './booked-sale-repository';

// The checks the after-sale verbs (put-back, interim claim) share: the sale stands, the loans are still in it.

/**
 * The booked sale of a reference, if it still stands.
 * @throws Problem not_found for a sale never booked; conflict for a reversed one
 */
export function standingSale(tx: DbOrTx, reference: string): PostedSale {
  const sale = findPostedSale(tx, reference);
  if (!sale) throw new Problem('not_found', `no sale ${reference} is booked`);
  if (sale.reversedByEntryId !== null)
    throw new Problem(
      'conflict',
      `sale ${reference} was reversed by entry ${sale.reversedByEntryId}`,
    );
  return sale;
}

/** @throws Problem validation_failed when `date` is before `earliest` */
export function assertNotBefore(
  field: string,
  date: IsoDate,
  earliest: IsoDate,
  what: string,
): void {
  if (date >= earliest) return;
  const message = `must not be before ${what} (${earliest})`;
  throw new Problem('validation_failed', `${field} ${message}`, {
    errors: [{ field, value: date, message }],
  });
}

/**
 * Why each of the loans is not, now, a loan of this sale: it was never in it, or it has left it
 * (put back, perhaps sold again since). `soldInSale` are the loans the sale's entry sold.
 */
export function loansNotInSale(
  tx: DbOrTx,
  sale: PostedSale,
  soldInSale: ReadonlySet<string>,
  loanIds: readonly string[],
): FieldError[] {
  const statuses = loanStatuses(tx, loanIds);
  const latest = latestSales(tx, loanIds);
  const errors: FieldError[] = [];
  const field = 'loanId';
  for (const loanId of loanIds) {
    if (!soldInSale.has(loanId))
      errors.push({
        field,
        value: loanId,
        message: `the loan was not sold in sale ${sale.reference}`,
      });
    else if (statuses.get(loanId) !== 'sold' || latest.get(loanId)?.saleEntryId !== sale.entryId) {
      errors.push({
        field,
        value: loanId,
        message: `the loan is ${statuses.get(loanId)}, no longer sold in sale ${sale.reference}`,
      });
    }
  }
  return errors;
}
