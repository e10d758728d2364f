import { describe, expect, it } from 'vitest';
import { assertBatchAction, assertSecondPair } from '../../src/write-offs/batch-state';
import { draftItem, type WriteOffSubject } from '../../src/write-offs/draft-item';
import { writeOffReason } from '../../src/write-offs/reason';
import { asFen } from '../../src/shared';

const dpd = { code: 'dpd_threshold', description: '200 days past due ≥ 180' } as const;
const subject = (overrides: Partial<WriteOffSubject> = {}): WriteOffSubject => ({
  loanId: 'L1',
  status: 'delinquent',
  principalFen: asFen(100),
  interestFen: asFen(10),
  feeFen: asFen(1),
  penaltyFen: asFen(0),
  rules: [dpd],
  ...overrides,
});

describe('write-off reasons', () => {
  it('records the rules that fire, the stated reason, or both', () => {
    expect(writeOffReason([dpd], undefined)).toEqual({
      codes: 'dpd_threshold',
      text: '200 days past due ≥ 180',
    });
    expect(writeOffReason([], ' fraud confirmed ')).toEqual({
      codes: 'stated',
      text: 'fraud confirmed',
    });
    expect(writeOffReason([dpd], 'board decision 12')).toEqual({
      codes: 'dpd_threshold,stated',
      text: 'board decision 12; 200 days past due ≥ 180',
    });
    expect(writeOffReason([], '  ')).toBeUndefined();
  });
});

describe('draft items', () => {
  it("keeps the loan's balances, reason and status when a rule fires", () => {
    expect(draftItem(subject(), undefined)).toEqual({
      loanId: 'L1',
      principalFen: 100,
      interestFen: 10,
      feeFen: 1,
      penaltyFen: 0,
      reasonCodes: 'dpd_threshold',
      reason: '200 days past due ≥ 180',
      previousStatus: 'delinquent',
    });
  });

  it('refuses loans off the book, owing nothing, or with neither a rule nor a stated reason', () => {
    expect(draftItem(subject({ status: 'charged_off' }), undefined)).toEqual({
      refusal: 'the loan is charged_off: only loans on the book can be written off',
    });
    expect(
      draftItem(
        subject({ principalFen: asFen(0), interestFen: asFen(0), feeFen: asFen(0) }),
        undefined,
      ),
    ).toEqual({
      refusal: 'the loan owes nothing',
    });
    expect(draftItem(subject({ rules: [] }), undefined)).toHaveProperty('refusal');
    expect(draftItem(subject({ rules: [] }), 'court ruling')).toMatchObject({
      reasonCodes: 'stated',
    });
  });
});

describe('batch states', () => {
  it('approves only drafts, posts only approved batches, rejects only before posting', () => {
    expect(() => assertBatchAction(1, 'draft', 'approve')).not.toThrow();
    expect(() => assertBatchAction(1, 'approved', 'post')).not.toThrow();
    expect(() => assertBatchAction(1, 'draft', 'post')).toThrow(
      'write-off batch 1 is draft; only a batch that is approved can be posted',
    );
    expect(() => assertBatchAction(1, 'approved', 'reject')).not.toThrow();
    expect(() => assertBatchAction(1, 'posted', 'reject')).toThrow(
      /only a batch that is draft or approved can be rejected/,
    );
  });

  it('forbids the preparer to approve (maker-checker)', () => {
    expect(() => assertSecondPair(1, 7, 8)).not.toThrow();
    expect(() => assertSecondPair(1, 7, 7)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
