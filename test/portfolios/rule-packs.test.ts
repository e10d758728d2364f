import { describe, expect, it } from 'vitest';
import { firedRules, ruleTable, verdictOfFired } from '../../src/portfolios/screening/rule-pack';
import { rulePackIds, rulePacks, type RulePackId } from '../../src/portfolios/screening/rule-packs';
import type { ScreeningSubject } from '../../src/portfolios/snapshot/screening-subject';
import { asFen } from '../../src/shared';

/**
 * A credit-card loan charged off on 2025-06-30 at 180 days past due (default since 2025-01-01),
 * last paid on 2025-03-01, screened on 2026-06-30: eligible under every built-in pack.
 */
const subject = (overrides: Partial<ScreeningSubject> = {}): ScreeningSubject => ({
  asOf: '2026-06-30',
  status: 'charged_off',
  product: 'credit_card',
  productKind: 'credit_card_overdraft',
  originationDate: '2023-01-15',
  birthDate: '1990-01-01',
  chargeOffDate: '2025-06-30',
  dpdAtChargeOff: 180,
  claimFen: asFen(865_000),
  chargeOffFen: asFen(865_000),
  collectedFen: asFen(10_000),
  claimOnFileFen: asFen(855_000),
  lastPaymentDate: '2025-03-01',
  lastAcknowledgementDate: null,
  litigationStatus: 'none',
  bankrupt: false,
  deceased: false,
  fraud: false,
  disputed: false,
  complaintOpen: false,
  activeRepaymentPlan: false,
  servicemember: false,
  documentsComplete: true,
  ...overrides,
});

interface RuleCase {
  pack: RulePackId;
  rule: string;
  fires: Partial<ScreeningSubject>;
  doesNotFire: Partial<ScreeningSubject>;
}

/** For each rule, a loan it fires on and the nearest loan it does not fire on. */
const cases: RuleCase[] = [
  {
    pack: 'cn-personal-npl',
    rule: 'bankrupt',
    fires: { bankrupt: true },
    doesNotFire: { deceased: true },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'deceased',
    fires: { deceased: true },
    doesNotFire: { bankrupt: true },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'fraud',
    fires: { fraud: true },
    doesNotFire: { disputed: true },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'settled_or_on_plan',
    fires: { activeRepaymentPlan: true },
    doesNotFire: { status: 'charged_off', activeRepaymentPlan: false },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'settled_or_on_plan',
    fires: { status: 'settled' },
    doesNotFire: { status: 'sold' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'dispute_or_complaint',
    fires: { complaintOpen: true },
    doesNotFire: { fraud: true },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'dispute_or_complaint',
    fires: { disputed: true },
    doesNotFire: {},
  },
  {
    pack: 'cn-personal-npl',
    rule: 'litigation_pending',
    fires: { litigationStatus: 'filed' },
    doesNotFire: { litigationStatus: 'judgment' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'time_barred',
    fires: { lastPaymentDate: '2023-06-29' },
    doesNotFire: { lastPaymentDate: '2023-06-30' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'time_barred',
    fires: { lastPaymentDate: null, chargeOffDate: '2023-12-25' },
    doesNotFire: { lastPaymentDate: '2023-01-01', lastAcknowledgementDate: '2024-01-01' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'time_barred',
    fires: { lastPaymentDate: '2022-01-01', litigationStatus: 'none' },
    doesNotFire: { lastPaymentDate: '2022-01-01', litigationStatus: 'enforcement' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'near_time_bar',
    fires: { lastPaymentDate: '2023-09-28' },
    doesNotFire: { lastPaymentDate: '2023-09-29' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'near_time_bar',
    fires: { lastPaymentDate: '2023-06-30' },
    doesNotFire: { lastPaymentDate: '2023-06-29' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'minor_at_origination',
    fires: { birthDate: '2005-01-16' },
    doesNotFire: { birthDate: '2005-01-15' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'minor_at_origination',
    fires: { birthDate: '2010-01-01' },
    doesNotFire: { birthDate: null },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'already_sold',
    fires: { status: 'sold' },
    doesNotFire: { status: 'charged_off' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'fully_recovered',
    fires: { collectedFen: asFen(865_000) },
    doesNotFire: { collectedFen: asFen(864_999) },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'fully_recovered',
    fires: { claimFen: asFen(0) },
    doesNotFire: { claimFen: asFen(1) },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'product_not_transferable',
    fires: { product: 'mortgage', productKind: 'secured_loan' },
    doesNotFire: { product: 'small_business', productKind: 'small_business_credit' },
  },
  {
    pack: 'cn-personal-npl',
    rule: 'unknown_product',
    fires: { product: '房屋按揭', productKind: null },
    doesNotFire: { product: 'cash_loan', productKind: 'unsecured_consumer_loan' },
  },
  {
    pack: 'us-debt-sale',
    rule: 'bankruptcy',
    fires: { bankrupt: true },
    doesNotFire: { deceased: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'deceased',
    fires: { deceased: true },
    doesNotFire: { bankrupt: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'identity_theft',
    fires: { fraud: true },
    doesNotFire: { disputed: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'settled_or_paid',
    fires: { status: 'closed' },
    doesNotFire: { status: 'sold' },
  },
  {
    pack: 'us-debt-sale',
    rule: 'settled_or_paid',
    fires: { collectedFen: asFen(900_000) },
    doesNotFire: { collectedFen: asFen(0) },
  },
  {
    pack: 'us-debt-sale',
    rule: 'settled_or_paid',
    fires: { activeRepaymentPlan: true },
    doesNotFire: { complaintOpen: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'dispute_or_litigation',
    fires: { litigationStatus: 'filed' },
    doesNotFire: { litigationStatus: 'terminated' },
  },
  {
    pack: 'us-debt-sale',
    rule: 'dispute_or_litigation',
    fires: { disputed: true },
    doesNotFire: { fraud: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'servicemember',
    fires: { servicemember: true },
    doesNotFire: { servicemember: false },
  },
  {
    pack: 'us-debt-sale',
    rule: 'over_three_years_in_default',
    fires: { chargeOffDate: '2023-12-26' },
    doesNotFire: { chargeOffDate: '2023-12-27' },
  },
  {
    pack: 'us-debt-sale',
    rule: 'minor',
    fires: { birthDate: '2006-01-01' },
    doesNotFire: { birthDate: '2004-12-31' },
  },
  {
    pack: 'us-debt-sale',
    rule: 'missing_documents',
    fires: { documentsComplete: false },
    doesNotFire: { documentsComplete: true },
  },
  {
    pack: 'us-debt-sale',
    rule: 'already_sold',
    fires: { status: 'sold' },
    doesNotFire: { status: 'charged_off' },
  },
];

describe('the built-in rule packs', () => {
  it.each(rulePackIds)('%s finds the reference loan eligible', (id) => {
    expect(firedRules(subject(), rulePacks[id])).toEqual([]);
  });

  it.each(rulePackIds)('%s has a firing and a non-firing case for every rule', (id) => {
    const covered = new Set(cases.filter((c) => c.pack === id).map((c) => c.rule));
    expect(rulePacks[id].rules.map((rule) => rule.id).filter((rule) => !covered.has(rule))).toEqual(
      [],
    );
  });

  it.each(rulePackIds)('%s names every rule once, in both languages', (id) => {
    const table = ruleTable(rulePacks[id]);
    expect(new Set(table.map((rule) => rule.id)).size).toBe(table.length);
    for (const rule of table)
      expect(rule.descriptionZh.length * rule.descriptionEn.length).toBeGreaterThan(0);
  });

  it.each(cases)('$pack: $rule fires on $fires', ({ pack, rule, fires }) => {
    expect(firedRules(subject(fires), rulePacks[pack])).toContain(rule);
  });

  it.each(cases)('$pack: $rule does not fire on $doesNotFire', ({ pack, rule, doesNotFire }) => {
    expect(firedRules(subject(doesNotFire), rulePacks[pack])).not.toContain(rule);
  });
});

describe('the platform-wide rules', () => {
  it.each(rulePackIds)(
    '%s: no_claim_left excludes a loan whose claim on file is used up, not one never on file',
    (id) => {
      const pack = rulePacks[id];
      for (const claimOnFileFen of [asFen(0), asFen(-1)]) {
        expect(firedRules(subject({ claimOnFileFen }), pack)).toEqual(['no_claim_left']);
        expect(verdictOfFired(firedRules(subject({ claimOnFileFen }), pack), pack)).toBe(
          'excluded',
        );
      }
      expect(firedRules(subject({ claimOnFileFen: asFen(1) }), pack)).toEqual([]);
      expect(firedRules(subject({ claimOnFileFen: null }), pack)).toEqual([]);
      expect(ruleTable(pack).map((rule) => rule.id)).toContain('no_claim_left');
    },
  );
});

describe('verdicts', () => {
  const cn = rulePacks['cn-personal-npl'];

  it('are eligible when no rule fires', () => {
    expect(verdictOfFired([], cn)).toBe('eligible');
  });

  it('are flagged when only flag rules fire', () => {
    const fired = firedRules(subject({ lastPaymentDate: '2023-07-15' }), cn);
    expect(fired).toEqual(['near_time_bar']);
    expect(verdictOfFired(fired, cn)).toBe('flagged');
  });

  it('are excluded when an exclude rule fires, naming every rule that fired', () => {
    const fired = firedRules(
      subject({
        lastPaymentDate: '2023-07-15',
        deceased: true,
        product: 'mortgage',
        productKind: 'secured_loan',
      }),
      cn,
    );
    expect(fired).toEqual(['deceased', 'near_time_bar', 'product_not_transferable']);
    expect(verdictOfFired(fired, cn)).toBe('excluded');
  });

  it('refuse a rule the pack does not have', () => {
    expect(() => verdictOfFired(['servicemember'], cn)).toThrow(/no rule servicemember/);
  });
});
