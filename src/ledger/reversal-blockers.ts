import { type DbOrTx, type JournalEntryKind, type LoanStatus, prepared } from '../../db';
import { Problem, type FieldError } from '../shared';
import type { JournalEntryRow } from './journal-repository';
import { eventsOwedToBuyers, saleHasPayables } from './payable-repository';
import { registerPositions, type RegisterMovementRow } from './register-repository';
import { latestSales } from './sold-loans';

/** The loans' statuses on the book: whether a loan has moved on since the entry. */
function loanStatuses(tx: DbOrTx, loanIds: readonly string[]): Map<string, LoanStatus> {
  const rows = prepared(
    tx,
    'select loan_id as loanId, status from loans where loan_id in (select value from json_each(?))',
  ).all(JSON.stringify(loanIds)) as { loanId: string; status: LoanStatus }[];
  return new Map(rows.map((row) => [row.loanId, row.status]));
}

/**
 * Entries the buyer side of a sale settles rather than undoes: a put-back, a collection booked as
 * owed to the buyer and a forwarding each leave append-only payables and forwarding rows that a
 * reversing entry could not take back.
 */
const settledWithTheBuyer: readonly JournalEntryKind[] = [
  'put_back',
  'buyer_collection',
  'forwarding',
];

/** @throws Problem conflict for a reversal, or an entry the buyer side settles */
export function assertReversibleKind(entry: JournalEntryRow): void {
  if (entry.kind === 'reversal')
    throw new Problem('conflict', `entry ${entry.id} is itself a reversal and cannot be reversed`);
  if (entry.kind === 'opening_balance')
    throw new Problem(
      'conflict',
      `entry ${entry.id} opens balances as a tape states them: correct them with a tape imported with mode=upsert, not a reversal`,
    );
  if (settledWithTheBuyer.includes(entry.kind)) {
    throw new Problem(
      'conflict',
      `entry ${entry.id} is a ${entry.kind} entry: what it owes or pays the buyer is settled with the buyer, not reversed`,
    );
  }
}

/**
 * Why the entry's loans stop it from being undone: a write-off (or opening) only while nothing else
 * has touched the claims it put on file; a recovery only while the loan is not sold and its
 * payments were not handed to a buyer; a sale only while its loans are still sold in it (none put
 * back) and no collection has been booked as owed to its buyer.
 * @throws Problem conflict when collections are owed to the buyer of a sale
 */
export function reversalBlockers(
  tx: DbOrTx,
  entry: JournalEntryRow,
  movements: readonly RegisterMovementRow[],
  amounts: ReadonlyMap<string, number>,
): FieldError[] {
  const loanIds = [...amounts.keys()];
  const errors: FieldError[] = [];
  const refuse = (loanId: string, message: string) =>
    errors.push({ field: 'loanId', value: loanId, message });
  if (entry.kind === 'write_off' || entry.kind === 'write_off_opening') {
    const positions = registerPositions(tx, loanIds);
    for (const [loanId, amountFen] of amounts) {
      if (positions.get(loanId)?.balanceFen !== amountFen)
        refuse(loanId, 'the claim has had recoveries or a sale since: reverse those first');
    }
  } else if (entry.kind === 'recovery') {
    const statuses = loanStatuses(tx, loanIds);
    const owed = eventsOwedToBuyers(
      tx,
      movements.flatMap((movement) =>
        movement.collectionEventId === null ? [] : [movement.collectionEventId],
      ),
    );
    for (const loanId of loanIds)
      if (statuses.get(loanId) === 'sold')
        refuse(loanId, 'the loan has been sold since: reverse the sale first');
    for (const movement of movements) {
      if (movement.collectionEventId !== null && owed.has(movement.collectionEventId))
        refuse(movement.loanId, 'the payment was handed to the buyer at settlement');
    }
  } else if (entry.kind === 'sale') {
    if (saleHasPayables(tx, entry.id))
      throw new Problem(
        'conflict',
        `entry ${entry.id} cannot be reversed: collections are booked as owed to the buyer of this sale`,
      );
    const statuses = loanStatuses(tx, loanIds);
    const sales = latestSales(tx, loanIds);
    for (const loanId of loanIds) {
      if (statuses.get(loanId) !== 'sold' || sales.get(loanId)?.saleEntryId !== entry.id)
        refuse(loanId, `the loan is ${statuses.get(loanId)}, no longer sold in this sale`);
    }
  }
  return errors;
}
