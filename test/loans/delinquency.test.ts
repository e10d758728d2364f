import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMeasures, emptyMeasures } from '../../src/loans/book/balance-measures';
import {
  bucketOf,
  classifyDelinquency,
  type DelinquencyRecord,
} from '../../src/loans/book/delinquency';
import { builtInDelinquencySchemes } from '../../src/shared/config';
import { asFen } from '../../src/shared';

const grades = { name: 'grades', buckets: builtInDelinquencySchemes.grades ?? [] };
const mBuckets = { name: 'm_buckets', buckets: builtInDelinquencySchemes.m_buckets ?? [] };

const record = (
  daysPastDue: number,
  overrides: Partial<DelinquencyRecord> = {},
): DelinquencyRecord => ({
  tapeDate: '2026-05-31',
  daysPastDue,
  loans: 1,
  principalFen: asFen(100_00),
  interestFen: asFen(10_00),
  feeFen: asFen(1_00),
  penaltyFen: asFen(1),
  ...overrides,
});

describe('bucketOf', () => {
  it.each([
    [0, undefined, undefined],
    [1, 'mild', 'M1'],
    [30, 'mild', 'M1'],
    [31, 'moderate', 'M2'],
    [60, 'moderate', 'M2'],
    [61, 'moderate', 'M3'],
    [90, 'moderate', 'M3'],
    [91, 'severe', 'M4'],
    [150, 'severe', 'M5'],
    [151, 'severe', 'M6'],
    [180, 'severe', 'M6'],
    [181, 'severe', 'M7+'],
    [5000, 'severe', 'M7+'],
  ])('puts %i days past due in grade %s and M-bucket %s', (daysPastDue, grade, mBucket) => {
    expect(bucketOf(daysPastDue, grades.buckets)?.code).toBe(grade);
    expect(bucketOf(daysPastDue, mBuckets.buckets)?.code).toBe(mBucket);
  });
});

describe('classifyDelinquency', () => {
  it('counts loans and sums balances per bucket, current loans apart', () => {
    const records = [
      record(0),
      record(1),
      record(30, { loans: 2, principalFen: asFen(500) }),
      record(31),
      record(91),
    ];
    const report = classifyDelinquency(records, grades, '2026-05-31');
    expect(
      report.buckets.map(({ bucket, measures }) => [
        bucket.code,
        measures.loans,
        measures.principalFen,
      ]),
    ).toEqual([
      ['mild', 3, 100_00 + 500],
      ['moderate', 1, 100_00],
      ['severe', 1, 100_00],
    ]);
    expect(report.current).toEqual({
      loans: 1,
      principalFen: 100_00,
      interestFen: 10_00,
      feeFen: 1_00,
      penaltyFen: 1,
      totalFen: 111_01,
    });
    expect(report.totals.loans).toBe(6);
  });

  it('classifies by days past due projected to the as-of date', () => {
    const records = [record(31), record(0), record(150, { tapeDate: '2026-04-30' })];
    const report = classifyDelinquency(records, mBuckets, '2026-06-30');
    const loansIn = (code: string) =>
      report.buckets.find(({ bucket }) => bucket.code === code)?.measures.loans;
    expect(loansIn('M2')).toBe(0);
    expect(loansIn('M3')).toBe(1); // 31 + 30 days since the 05-31 tape = 61
    expect(report.current.loans).toBe(1);
    expect(loansIn('M7+')).toBe(1); // 150 + 61 = 211
  });

  it('refuses an invalid scheme', () => {
    const gap = {
      name: 'gap',
      buckets: [
        { code: 'a', label: 'a', minDays: 1, maxDays: 10 },
        { code: 'b', label: 'b', minDays: 20 },
      ],
    };
    expect(() => classifyDelinquency([record(15)], gap, '2026-05-31')).toThrow(
      /days 11–19 fall in no bucket/,
    );
  });

  it('totals every record exactly once: totals = Σ rows = Σ input, in integer fen', () => {
    const records = fc.array(
      fc.record({
        tapeDate: fc.constantFrom('2026-03-31', '2026-04-30', '2026-05-31'),
        daysPastDue: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 })),
        loans: fc.integer({ min: 1, max: 1000 }),
        principalFen: fc.integer({ min: 0, max: 1e12 }).map(asFen),
        interestFen: fc.integer({ min: 0, max: 1e10 }).map(asFen),
        feeFen: fc.integer({ min: 0, max: 1e9 }).map(asFen),
        penaltyFen: fc.integer({ min: 0, max: 1e9 }).map(asFen),
      }),
    );
    fc.assert(
      fc.property(records, fc.constantFrom(grades, mBuckets), (input, scheme) => {
        const report = classifyDelinquency(input, scheme, '2026-06-30');
        const rows = report.buckets.reduce(
          (sum, row) => addMeasures(sum, row.measures),
          addMeasures(emptyMeasures(), report.current),
        );
        const given = input.reduce(
          (sum, r) =>
            addMeasures(sum, {
              ...r,
              totalFen: asFen(r.principalFen + r.interestFen + r.feeFen + r.penaltyFen),
            }),
          emptyMeasures(),
        );
        expect(report.totals).toEqual(rows);
        expect(report.totals).toEqual(given);
      }),
    );
  });
});
