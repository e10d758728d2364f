import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loans } from '../../db/schema';
import { asFen } from '../../src/shared';

// The one place tests build loans. Every builder owes the same claim, 8,650.00 (8,000 principal +
// 500 interest + 100 fee + 50 penalty), on the 2026-05-31 tape; they differ in where the loan is in
// its life. Any field can be overridden.

export type LoanInsert = typeof loans.$inferInsert;

let sequence = 0;

/** The fields every builder shares: ids numbered under `prefix`, the borrower's id, the balances. */
function loanBase(prefix: string, overrides: Partial<LoanInsert>) {
  sequence += 1;
  const loanId = overrides.loanId ?? `${prefix}${String(sequence).padStart(6, '0')}`;
  return {
    loanId,
    borrowerId: `B-${loanId}`,
    nationalId: '110101199001011234',
    originalPrincipalFen: asFen(1_000_000),
    principalFen: asFen(800_000),
    interestFen: asFen(50_000),
    feeFen: asFen(10_000),
    penaltyFen: asFen(5_000),
    tapeDate: '2026-05-31',
  };
}

/** A current cash loan with a full address and a mobile number. */
export function aLoan(overrides: Partial<LoanInsert> = {}): LoanInsert {
  return {
    ...loanBase('L', overrides),
    borrowerName: '张三',
    mobilePhone: '13800138000',
    province: '广东',
    city: '深圳',
    product: 'cash_loan',
    originationDate: '2024-01-15',
    maturityDate: '2025-01-15',
    daysPastDue: 0,
    status: 'current',
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

/** A cash loan 200 days past due: a charge-off candidate under the default 180-day policy. */
export function aBadLoan(overrides: Partial<LoanInsert> = {}): LoanInsert {
  return {
    ...loanBase('W', overrides),
    borrowerName: '李四',
    product: 'cash_loan',
    originationDate: '2024-01-15',
    daysPastDue: 200,
    status: 'delinquent',
    ...overrides,
  };
}

/**
 * A credit-card loan written off on 2025-06-30 at 180 days past due (515 days past due by the
 * tape). The borrower was born on 1990-01-01 (as the national id says); the last payment was on
 * 2024-12-01.
 */
export function aWrittenOffLoan(overrides: Partial<LoanInsert> = {}): LoanInsert {
  return {
    ...loanBase('P', overrides),
    borrowerName: '王芳',
    province: '广东',
    product: 'credit_card',
    originationDate: '2023-01-15',
    daysPastDue: 515,
    lastPaymentDate: '2024-12-01',
    lastPaymentFen: asFen(20_000),
    status: 'charged_off',
    chargeOffDate: '2025-06-30',
    chargeOffFen: asFen(865_000),
    ...overrides,
  };
}

/** Inserts loans, 500 to a statement (SQLite's limit on bound variables); returns their ids. */
export function insertLoans(db: Db, rows: LoanInsert[]): string[] {
  for (let start = 0; start < rows.length; start += 500)
    db.insert(loans)
      .values(rows.slice(start, start + 500))
      .run();
  return rows.map((row) => row.loanId);
}

/**
 * Inserts loans into a database migrated only part of the way (a migration test's older schema):
 * the columns that schema has, each value converted as drizzle would (flags to 0/1). The current
 * table definition would name columns a later migration added.
 */
export function insertLoansIntoOlderSchema(sqlite: Database.Database, rows: LoanInsert[]): void {
  const present = new Set(
    (sqlite.pragma('table_info(loans)') as { name: string }[]).map((column) => column.name),
  );
  const columns = Object.entries(getTableColumns(loans)).filter(([, column]) =>
    present.has(column.name),
  );
  const insert = sqlite.prepare(
    `insert into loans (${columns.map(([, c]) => c.name).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) {
    const values = columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key] ?? column.default ?? null;
      return value === null ? null : column.mapToDriverValue(value);
    });
    insert.run(...values);
  }
}
