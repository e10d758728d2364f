import { describe, expect, it } from 'vitest';
import { chargeOffRules, type ChargeOffSubject } from '../../src/loans/book/charge-off-policy';

const policy = { dpdThreshold: 180 };
const loan = (overrides: Partial<ChargeOffSubject>): ChargeOffSubject => ({
  status: 'delinquent',
  daysPastDue: 0,
  bankrupt: false,
  deceased: false,
  ...overrides,
});
const codes = (subject: ChargeOffSubject) =>
  chargeOffRules(subject, policy).map((rule) => rule.code);

describe('chargeOffRules', () => {
  it('fires the threshold rule from exactly the threshold on, naming the days and the threshold', () => {
    expect(codes(loan({ daysPastDue: 179 }))).toEqual([]);
    expect(chargeOffRules(loan({ daysPastDue: 180 }), policy)).toEqual([
      { code: 'dpd_threshold', description: '180 days past due ≥ 180' },
    ]);
    expect(chargeOffRules(loan({ daysPastDue: 186 }), policy)[0]?.description).toBe(
      '186 days past due ≥ 180',
    );
  });

  it('makes a bankrupt or deceased borrower a candidate whatever the days past due', () => {
    expect(codes(loan({ status: 'current', bankrupt: true }))).toEqual(['bankrupt']);
    expect(codes(loan({ daysPastDue: 10, deceased: true }))).toEqual(['deceased']);
  });

  it('lists every rule that fires', () => {
    expect(codes(loan({ daysPastDue: 400, bankrupt: true, deceased: true }))).toEqual([
      'dpd_threshold',
      'bankrupt',
      'deceased',
    ]);
  });

  it('follows the configured threshold', () => {
    expect(
      chargeOffRules(loan({ daysPastDue: 120 }), { dpdThreshold: 120 }).map((rule) => rule.code),
    ).toEqual(['dpd_threshold']);
    expect(chargeOffRules(loan({ daysPastDue: 120 }), { dpdThreshold: 121 })).toEqual([]);
  });

  it('never proposes a loan that has left the book', () => {
    for (const status of ['charged_off', 'sold', 'settled', 'closed'] as const) {
      expect(
        codes(loan({ status, daysPastDue: 500, bankrupt: true, deceased: true })),
        status,
      ).toEqual([]);
    }
  });
});
