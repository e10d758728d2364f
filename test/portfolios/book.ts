import type { Db } from '../../db/client';
import { collectionEvents } from '../../db/schema';
import { asFen } from '../../src/shared';

import { aWrittenOffLoan, insertLoans } from '../helpers/loans';

/** Records a payment received on a loan. */
export function insertPayment(db: Db, loanId: string, eventDate: string, amountFen: number): void {
  db.insert(collectionEvents)
    .values({
      loanId,
      eventDate,
      eventType: 'payment',
      amountFen: asFen(amountFen),
      paymentChannel: 'agency',
    })
    .run();
}

/**
 * A small book whose portfolio is known by heart (cut-off 2026-06-30, the Chinese pack):
 * `a` and `b` are eligible (one borrower, two loans), `e` is within 90 days of its limitation date
 * (flagged), `c` is bankrupt and `d` a mortgage (excluded); `f` is current, `g` sold and `h`
 * charged off after the cut-off, so no portfolio takes them.
 */
export function knownBook(db: Db) {
  const loans = {
    a: aWrittenOffLoan({ loanId: 'K-A', borrowerId: 'B-1' }),
    b: aWrittenOffLoan({
      loanId: 'K-B',
      borrowerId: 'B-1',
      product: 'cash_loan',
      province: '江苏',
      principalFen: asFen(2_000_000),
      nationalId: '110101198501011234',
      chargeOffDate: '2024-06-30',
      daysPastDue: 880,
      chargeOffFen: asFen(2_065_000),
      lastPaymentDate: '2024-09-01',
      lastPaymentFen: asFen(50_000),
    }),
    c: aWrittenOffLoan({ loanId: 'K-C', bankrupt: true }),
    d: aWrittenOffLoan({ loanId: 'K-D', product: 'mortgage' }),
    e: aWrittenOffLoan({
      loanId: 'K-E',
      province: '浙江',
      principalFen: asFen(400_000),
      chargeOffFen: asFen(465_000),
      lastPaymentDate: '2023-07-15',
    }),
    f: aWrittenOffLoan({
      loanId: 'K-F',
      status: 'current',
      chargeOffDate: null,
      chargeOffFen: null,
      daysPastDue: 0,
    }),
    g: aWrittenOffLoan({ loanId: 'K-G', status: 'sold' }),
    h: aWrittenOffLoan({ loanId: 'K-H', chargeOffDate: '2026-07-10' }),
  };
  insertLoans(db, Object.values(loans));
  insertPayment(db, 'K-B', '2024-09-01', 50_000);
  return loans;
}
