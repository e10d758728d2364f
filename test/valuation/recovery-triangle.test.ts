import { describe, expect, it } from 'vitest';
import { cohortOf, lastCompleteMonth, monthIndex } from '../../src/valuation/maths/calendar-month';
import {
  buildRecoveryTriangle,
  type PoolLoan,
  type RecoveryEvent,
} from '../../src/valuation/maths/recovery-triangle';
import { assertTriangle } from './published-triangle';
import { cumulativeOf, incrementalOf, perUnitOfExposure } from '../../src/valuation/maths/triangle';

describe('calendar months', () => {
  it('counts ages in calendar months from the charge-off month', () => {
    // Months since charge-off: 0 in the charge-off month itself, 1 in the next calendar month.
    const ageInMonths = (chargeOffDate: string, date: string) =>
      monthIndex(date) - monthIndex(chargeOffDate);
    expect(ageInMonths('2024-01-31', '2024-01-31')).toBe(0);
    expect(ageInMonths('2024-01-31', '2024-02-01')).toBe(1);
    expect(ageInMonths('2024-11-15', '2025-02-14')).toBe(3);
  });

  it('takes a month as complete only on its last day', () => {
    expect(lastCompleteMonth('2024-02-29')).toBe(monthIndex('2024-02-01'));
    expect(lastCompleteMonth('2024-02-28')).toBe(monthIndex('2024-01-01'));
  });

  it('labels month, quarter and year cohorts', () => {
    const may = monthIndex('2024-05-10');
    expect(cohortOf(may, 'month')).toEqual({ label: '2024-05', firstMonth: may, lastMonth: may });
    expect(cohortOf(may, 'quarter')).toEqual({
      label: '2024-Q2',
      firstMonth: may - 1,
      lastMonth: may + 1,
    });
    expect(cohortOf(may, 'year')).toEqual({
      label: '2024',
      firstMonth: may - 4,
      lastMonth: may + 7,
    });
  });
});

const loans: PoolLoan[] = [
  { loanId: 'a', chargeOffDate: '2024-01-10', chargeOffFen: 100_000 },
  { loanId: 'b', chargeOffDate: '2024-01-20', chargeOffFen: 300_000 },
  { loanId: 'c', chargeOffDate: '2024-02-05', chargeOffFen: 200_000 },
  { loanId: 'd', chargeOffDate: '2024-04-02', chargeOffFen: 999_000 },
];
const pay = (loanId: string, eventDate: string, amountFen: number): RecoveryEvent => ({
  loanId,
  eventDate,
  type: 'payment',
  amountFen,
});
const cost = (loanId: string, eventDate: string, amountFen: number): RecoveryEvent => ({
  loanId,
  eventDate,
  type: 'cost',
  amountFen,
});
const events: RecoveryEvent[] = [
  pay('a', '2024-01-09', 7_777), // before charge-off: not a recovery
  pay('a', '2024-01-25', 1_000),
  pay('b', '2024-02-03', 2_000),
  cost('b', '2024-02-03', 500),
  pay('a', '2024-03-31', 4_000),
  pay('c', '2024-02-20', 3_000),
  pay('c', '2024-03-01', 5_000),
  pay('c', '2024-04-01', 6_000), // after the last complete month
  pay('x', '2024-02-01', 9_000), // a loan outside the pools
];

describe('buildRecoveryTriangle', () => {
  it('puts each payment in its cohort at its months since charge-off, the unknown future null', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'month',
      asOf: '2024-03-31',
      basis: 'gross',
    });
    expect(triangle.origins).toEqual(['2024-01', '2024-02']);
    expect(triangle.ages).toEqual([0, 1, 2]);
    expect(triangle.values).toEqual([
      [1_000, 2_000, 4_000],
      [3_000, 5_000, null],
    ]);
    expect(triangle.exposure).toEqual([400_000, 200_000]);
    expect(triangle.accounts).toEqual([2, 1]);
    assertTriangle(triangle);
  });

  it('takes costs off the payments on the net basis', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'month',
      asOf: '2024-03-31',
      basis: 'net',
    });
    expect(triangle.values[0]).toEqual([1_000, 1_500, 4_000]);
  });

  it('keeps a quarter cohort to the ages every one of its loans has completed', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'quarter',
      asOf: '2024-05-31',
      basis: 'gross',
    });
    expect(triangle.origins).toEqual(['2024-Q1']);
    // Q1 ends in March; by May 31 every Q1 loan has completed ages 0, 1 and 2.
    expect(triangle.values).toEqual([[1_000 + 3_000, 2_000 + 5_000, 4_000 + 6_000]]);
    expect(triangle.exposure).toEqual([600_000]);
  });

  it('ignores the incomplete month and loans charged off after the cut', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'month',
      asOf: '2024-04-15',
      basis: 'gross',
    });
    expect(triangle.origins).toEqual(['2024-01', '2024-02']);
    expect(triangle.values[1]).toEqual([3_000, 5_000, null]);
  });

  it('refuses a book without a complete month of history', () => {
    expect(() =>
      buildRecoveryTriangle(loans, events, { cohort: 'month', asOf: '2024-01-15', basis: 'gross' }),
    ).toThrow(RangeError);
  });

  it('gives collections per unit of charged-off balance', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'month',
      asOf: '2024-03-31',
      basis: 'gross',
    });
    expect(perUnitOfExposure(cumulativeOf(triangle))).toEqual([
      [0.0025, 0.0075, 0.0175],
      [0.015, 0.04, null],
    ]);
  });
});

describe('triangles', () => {
  it('turn incremental into cumulative and back', () => {
    const triangle = buildRecoveryTriangle(loans, events, {
      cohort: 'month',
      asOf: '2024-03-31',
      basis: 'gross',
    });
    expect(cumulativeOf(triangle).values).toEqual([
      [1_000, 3_000, 7_000],
      [3_000, 8_000, null],
    ]);
    expect(incrementalOf(cumulativeOf(triangle)).values).toEqual(triangle.values);
  });

  it('refuse a row with a gap before a known value', () => {
    expect(() =>
      assertTriangle({ origins: ['a'], ages: [0, 1], kind: 'incremental', values: [[null, 1]] }),
    ).toThrow(RangeError);
  });
});
