import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/audit/record';
import { projectedDaysPastDue } from '../../src/loans/book/days-past-due';
import { createPortfolio } from '../../src/portfolios/membership/create';
import {
  ageInYears,
  birthDateOfNationalId,
  daysPastDueAtChargeOff,
} from '../../src/portfolios/snapshot/loan-ages';
import { daysBetween, monthsBetween } from '../../src/shared/dates';
import { testApp } from '../helpers/test-app';
import { aWrittenOffLoan, insertLoans, type LoanInsert } from '../helpers/loans';
import { insertPayment } from './book';
import { asFen } from '../../src/shared';

const CUT_OFF = '2026-06-30';

/** Loans on the edges of the date arithmetic: month ends, leap days, both kinds of national id. */
const edgeLoans: Partial<LoanInsert>[] = [
  {
    chargeOffDate: '2024-01-31',
    daysPastDue: 180 + daysBetween('2024-01-31', '2026-05-31'),
    lastPaymentDate: '2023-07-31',
  },
  {
    chargeOffDate: '2024-02-29',
    daysPastDue: 180,
    lastPaymentDate: '2024-02-29',
    nationalId: '110101200002290018',
  },
  {
    chargeOffDate: '2025-12-30',
    daysPastDue: 200 + daysBetween('2025-12-30', '2026-05-31'),
    lastPaymentDate: null,
    nationalId: '110105491231002',
  },
  {
    chargeOffDate: '2026-05-31',
    daysPastDue: 181,
    lastPaymentDate: '2025-11-30',
    nationalId: '110105199002300011',
  },
  {
    chargeOffDate: '2026-06-30',
    tapeDate: '2026-06-30',
    daysPastDue: 180,
    birthDate: '1988-06-30',
    litigationPending: true,
  },
  {
    chargeOffDate: '2022-07-01',
    daysPastDue: 0,
    lastPaymentDate: '2022-01-01',
    litigationStatus: 'judgment',
    litigationPending: true,
  },
];

function snapshotOf(t: ReturnType<typeof testApp>, loans: LoanInsert[]) {
  insertLoans(t.db, loans);
  const created = t.db.transaction((tx) =>
    createPortfolio(
      { tx, deps: t.deps, actor: systemActor() },
      {
        name: 'edges',
        cutOffDate: CUT_OFF,
        rulePack: 'cn-personal-npl',
        criteria: {},
      },
    ),
  );
  const rows = t.db.$client
    .prepare('select * from portfolio_loans where portfolio_id = ? order by loan_id')
    .all(created.portfolio.id) as Record<string, unknown>[];
  return new Map(rows.map((row) => [row.loan_id as string, row]));
}

describe('the portfolio snapshot', () => {
  it('derives days past due, ages and months in SQL exactly as the pure definitions do', () => {
    const t = testApp();
    const loans = edgeLoans.map((overrides) => aWrittenOffLoan(overrides));
    const snapshot = snapshotOf(t, loans);
    for (const loan of loans) {
      const row = snapshot.get(loan.loanId)!;
      const birthDate = loan.birthDate ?? birthDateOfNationalId(loan.nationalId) ?? null;
      expect(row, loan.loanId).toMatchObject({
        dpd_at_charge_off: daysPastDueAtChargeOff(
          loan.daysPastDue!,
          loan.tapeDate,
          loan.chargeOffDate!,
        ),
        dpd_at_cut_off: projectedDaysPastDue(loan.daysPastDue!, loan.tapeDate, CUT_OFF),
        months_since_charge_off: monthsBetween(loan.chargeOffDate!, CUT_OFF),
        months_since_last_payment: loan.lastPaymentDate
          ? monthsBetween(loan.lastPaymentDate, CUT_OFF)
          : null,
        birth_date: birthDate,
        borrower_age_years: birthDate === null ? null : ageInYears(birthDate, CUT_OFF),
        claim_fen: loan.principalFen! + loan.interestFen! + loan.feeFen! + loan.penaltyFen!,
      });
    }
  });

  it('reads the litigation status from the tape, or from the litigation-pending flag when the tape has none', () => {
    const t = testApp();
    const loans = edgeLoans.map((overrides) => aWrittenOffLoan(overrides));
    const snapshot = snapshotOf(t, loans);
    expect(loans.map((loan) => snapshot.get(loan.loanId)!.litigation_status)).toEqual([
      'none',
      'none',
      'none',
      'none',
      'filed',
      'judgment',
    ]);
  });

  it('sums the payments after the charge-off date up to the cut-off, and dates the last payment as of the cut-off', () => {
    const t = testApp({
      clock: { now: () => '2026-07-20T00:00:00.000Z', today: () => '2026-07-20' },
    });
    const loan = aWrittenOffLoan({ lastPaymentDate: '2026-07-10', lastPaymentFen: asFen(7_000) });
    insertLoans(t.db, [loan]);
    insertPayment(t.db, loan.loanId, '2025-06-30', 1_000);
    insertPayment(t.db, loan.loanId, '2025-09-01', 2_000);
    insertPayment(t.db, loan.loanId, '2026-06-30', 3_000);
    insertPayment(t.db, loan.loanId, '2026-07-10', 7_000);
    const created = t.db.transaction((tx) =>
      createPortfolio(
        { tx, deps: t.deps, actor: systemActor() },
        {
          name: 'paid',
          cutOffDate: CUT_OFF,
          rulePack: 'cn-personal-npl',
          criteria: {},
        },
      ),
    );
    const row = t.db.$client
      .prepare(
        'select collected_fen, last_payment_date, last_payment_fen from portfolio_loans where portfolio_id = ?',
      )
      .get(created.portfolio.id);
    expect(row).toEqual({
      collected_fen: 5_000,
      last_payment_date: '2026-06-30',
      last_payment_fen: 3_000,
    });
  });
});
