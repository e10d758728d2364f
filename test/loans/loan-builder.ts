import type { Db } from '../../db/client';
import { loans } from '../../db/schema';
import { asFen } from '../../src/shared';

export type LoanInsert = typeof loans.$inferInsert;

let sequence = 0;

/** A current loan on the 2026-05-31 tape owing 8,650.00 (8,000 + 500 + 100 + 50), with any field overridden. */
export function aLoan(overrides: Partial<LoanInsert> = {}): LoanInsert {
  sequence += 1;
  const loanId = overrides.loanId ?? `L${String(sequence).padStart(6, '0')}`;
  return {
    loanId,
    borrowerId: `B-${loanId}`,
    borrowerName: '张三',
    nationalId: '110101199001011234',
    mobilePhone: '13800138000',
    province: '广东',
    city: '深圳',
    product: 'cash_loan',
    originationDate: '2024-01-15',
    maturityDate: '2025-01-15',
    originalPrincipalFen: asFen(1_000_000),
    principalFen: asFen(800_000),
    interestFen: asFen(50_000),
    feeFen: asFen(10_000),
    penaltyFen: asFen(5_000),
    daysPastDue: 0,
    status: 'current',
    tapeDate: '2026-05-31',
    ...overrides,
  };
}

/** A delinquent loan `daysPastDue` days past due on its tape date. */
export function aDelinquentLoan(
  daysPastDue: number,
  overrides: Partial<LoanInsert> = {},
): LoanInsert {
  return aLoan({ status: 'delinquent', daysPastDue, ...overrides });
}

export function insertLoans(db: Db, rows: LoanInsert[]): void {
  db.insert(loans).values(rows).run();
}
