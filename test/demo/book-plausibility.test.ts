import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDemoBook, generateDemoBook } from '../../src/demo/book';
import { balanceBand } from '../../src/demo/liquidation-curve';
import { isValidNationalId } from '../../src/loans/tape/national-id';
import type { DemoLoanRecord } from '../../src/demo/types';
import { daysBetween, monthsBetween } from '../../src/shared/dates';

const asOf = defaultDemoBook.asOf;
let book: DemoLoanRecord[];
let chargedOff: DemoLoanRecord[];

beforeAll(() => {
  book = [...generateDemoBook(defaultDemoBook)];
  chargedOff = book.filter(({ loan }) => loan.chargeOffDate !== null);
});

const paymentsFen = ({ events }: DemoLoanRecord) =>
  events.reduce((sum, e) => sum + (e.eventType === 'payment' ? e.amountFen : 0), 0);
const owedFen = ({ loan }: DemoLoanRecord) =>
  loan.principalFen + loan.interestFen + loan.feeFen + loan.penaltyFen;

/** Pooled recovery: collections in month m after charge-off ÷ charge-off claims of the loans seen through month m. */
function pooledCurve(records: DemoLoanRecord[], months: number): number[] {
  const collected = new Array<number>(months + 1).fill(0);
  const exposed = new Array<number>(months + 1).fill(0);
  for (const record of records) {
    const chargeOffDate = record.loan.chargeOffDate!;
    const seen = Math.min(months, monthsBetween(chargeOffDate, asOf));
    for (let m = 1; m <= seen; m++) exposed[m]! += record.loan.chargeOffFen!;
    for (const e of record.events) {
      const m = monthsBetween(chargeOffDate, e.eventDate) + 1;
      if (e.eventType === 'payment' && m <= seen) collected[m]! += e.amountFen;
    }
  }
  return collected.map((fen, m) => (exposed[m]! > 0 ? fen / exposed[m]! : 0)).slice(1);
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the default demo book', () => {
  it('has 20,000 loans, about 70 % of them charged off, with the other statuses present', () => {
    expect(book).toHaveLength(20_000);
    expect(
      chargedOff.filter(({ loan }) => loan.status === 'charged_off').length / book.length,
    ).toBeCloseTo(0.7, 1);
    const statuses = new Set(book.map(({ loan }) => loan.status));
    expect([...statuses].sort()).toEqual([
      'charged_off',
      'closed',
      'current',
      'delinquent',
      'settled',
    ]);
  });

  it('spreads charge-offs over the 48 monthly cohorts before the tape date', () => {
    const cohorts = new Set(chargedOff.map(({ loan }) => loan.chargeOffDate!.slice(0, 7)));
    expect(cohorts.size).toBe(48);
    expect([...cohorts].sort()[0]).toBe('2022-10');
    expect(chargedOff.every(({ loan }) => loan.chargeOffDate! <= asOf)).toBe(true);
  });

  it('gives every borrower a valid national id, an 11-digit mobile and an age of 20–60 at origination', () => {
    for (const { loan } of book) {
      expect(isValidNationalId(loan.nationalId)).toBe(true);
      expect(loan.mobilePhone).toMatch(/^1[3-9]\d{9}$/);
      const birth = `${loan.nationalId.slice(6, 10)}-${loan.nationalId.slice(10, 12)}-${loan.nationalId.slice(12, 14)}`;
      const ageYears = Math.floor(monthsBetween(birth, loan.originationDate) / 12);
      expect(ageYears).toBeGreaterThanOrEqual(20);
      expect(ageYears).toBeLessThanOrEqual(60);
    }
  });

  it('lends to some borrowers more than once', () => {
    const borrowers = new Set(book.map(({ loan }) => loan.borrowerId));
    expect(borrowers.size / book.length).toBeGreaterThan(0.85);
    expect(borrowers.size).toBeLessThan(book.length);
  });

  it('keeps all money in non-negative whole fen', () => {
    for (const { loan, events } of book) {
      const amounts = [
        loan.originalPrincipalFen,
        loan.principalFen,
        loan.interestFen,
        loan.feeFen,
        loan.penaltyFen,
        loan.lastPaymentFen ?? 0,
        loan.chargeOffFen ?? 0,
      ];
      for (const e of events) if (e.eventType !== 'status') amounts.push(e.amountFen);
      for (const fen of amounts) expect(Number.isSafeInteger(fen) && fen >= 0).toBe(true);
    }
  });

  it('never collects more than a loan owed: payments plus what is still owed equal the charge-off claim', () => {
    for (const record of chargedOff) {
      const { loan } = record;
      if (loan.status === 'settled') expect(paymentsFen(record)).toBeLessThan(loan.chargeOffFen!);
      else expect(paymentsFen(record) + owedFen(record)).toBe(loan.chargeOffFen);
    }
  });

  it('dates events after charge-off and by the tape date, in order, and takes the last payment from them', () => {
    for (const record of chargedOff) {
      const { loan, events } = record;
      const dates = events.map((e) => e.eventDate);
      expect(dates).toEqual([...dates].sort());
      if (dates.length > 0)
        expect(dates[0]! > loan.chargeOffDate! && dates[dates.length - 1]! <= asOf).toBe(true);
      const lastPayment = events.findLast((e) => e.eventType === 'payment');
      if (lastPayment?.eventType === 'payment')
        expect([loan.lastPaymentDate, loan.lastPaymentFen]).toEqual([
          lastPayment.eventDate,
          lastPayment.amountFen,
        ]);
      if (loan.status === 'charged_off')
        expect(loan.daysPastDue).toBe(180 + daysBetween(loan.chargeOffDate!, asOf));
    }
  });

  it('sets a flag exactly when the loan has the matching status event, as the collections import does', () => {
    const flagEvents = [
      ['bankrupt', 'bankrupt'],
      ['deceased', 'deceased'],
      ['disputed', 'dispute'],
      ['complaintOpen', 'complaint'],
      ['litigationPending', 'litigation_filed'],
      ['activeRepaymentPlan', 'repayment_plan'],
    ] as const;
    for (const { loan, events } of book) {
      for (const [flag, statusEvent] of flagEvents) {
        expect(loan[flag]).toBe(
          events.some((e) => e.eventType === 'status' && e.statusEvent === statusEvent),
        );
      }
    }
    expect(book.some(({ loan }) => loan.status === 'delinquent' && loan.daysPastDue >= 180)).toBe(
      true,
    );
    expect(
      book.some(({ loan }) => loan.status === 'delinquent' && (loan.bankrupt || loan.deceased)),
    ).toBe(true);
    expect(chargedOff.some(({ loan }) => loan.activeRepaymentPlan)).toBe(true);
  });

  it('charges agency commission of 25–40 % on every agency payment', () => {
    for (const { events } of chargedOff) {
      events.forEach((e, i) => {
        if (e.eventType !== 'payment' || e.paymentChannel !== 'agency') return;
        const commission = events[i + 1];
        expect(
          commission?.eventType === 'cost' && commission.costKind === 'agency_commission',
        ).toBe(true);
        if (commission?.eventType === 'cost')
          expect(commission.amountFen / e.amountFen).toBeGreaterThanOrEqual(0.249);
        if (commission?.eventType === 'cost')
          expect(commission.amountFen / e.amountFen).toBeLessThanOrEqual(0.401);
      });
    }
  });

  it('has a pooled recovery curve that decays half-year after half-year', () => {
    const curve = pooledCurve(chargedOff, 36);
    const halfYears = [0, 6, 12, 18, 24, 30].map((start) => sum(curve.slice(start, start + 6)));
    for (let i = 1; i < halfYears.length; i++) expect(halfYears[i]).toBeLessThan(halfYears[i - 1]!);
    expect(sum(curve)).toBeGreaterThan(0.05);
    expect(sum(curve)).toBeLessThan(0.3);
  });

  it('recovers more of cash loans than of small-business loans, and more of small balances than of large', () => {
    const recovered12 = (records: DemoLoanRecord[]) => sum(pooledCurve(records, 12));
    const ofProduct = (product: string) =>
      chargedOff.filter(({ loan }) => loan.product === product);
    const ofBand = (band: string) =>
      chargedOff.filter(({ loan }) => balanceBand(loan.chargeOffFen!) === band);
    expect(recovered12(ofProduct('cash_loan'))).toBeGreaterThan(
      1.5 * recovered12(ofProduct('small_business')),
    );
    expect(recovered12(ofBand('under_5k'))).toBeGreaterThan(1.5 * recovered12(ofBand('100k_plus')));
  });
});
