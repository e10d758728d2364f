import type { Db } from '../../db/client';
import { collectionEvents, loans } from '../../db/schema';
import { asFen } from '../../src/shared';

export type LoanInsert = typeof loans.$inferInsert;

let sequence = 0;

/**
 * A credit-card loan written off on 2025-06-30 at 180 days past due, on the 2026-05-31 tape
 * (515 days past due by then), owing 8,650.00 (8,000 + 500 + 100 + 50). The borrower was born on
 * 1990-01-01 (as the national id says); the last payment was on 2024-12-01. Any field can be overridden.
 */
export function aWrittenOffLoan(overrides: Partial<LoanInsert> = {}): LoanInsert {
  sequence += 1;
  const loanId = overrides.loanId ?? `P${String(sequence).padStart(6, '0')}`;
  return {
    loanId,
    borrowerId: `B-${loanId}`,
    borrowerName: '王芳',
    nationalId: '110101199001011234',
    province: '广东',
    product: 'credit_card',
    originationDate: '2023-01-15',
    originalPrincipalFen: asFen(1_000_000),
    principalFen: asFen(800_000),
    interestFen: asFen(50_000),
    feeFen: asFen(10_000),
    penaltyFen: asFen(5_000),
    daysPastDue: 515,
    lastPaymentDate: '2024-12-01',
    lastPaymentFen: asFen(20_000),
    status: 'charged_off',
    chargeOffDate: '2025-06-30',
    chargeOffFen: asFen(865_000),
    tapeDate: '2026-05-31',
    ...overrides,
  };
}

/** Inserts loans, 500 to a statement (SQLite's limit on bound variables). */
export function insertLoans(db: Db, rows: LoanInsert[]): string[] {
  for (let start = 0; start < rows.length; start += 500)
    db.insert(loans)
      .values(rows.slice(start, start + 500))
      .run();
  return rows.map((row) => row.loanId);
}

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
