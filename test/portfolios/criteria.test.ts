import { describe, expect, it } from 'vitest';
import { criteriaMatcher, type CriteriaCandidate } from '../../src/portfolios/criteria/criteria';
import { asFen } from '../../src/shared';

const candidate = (overrides: Partial<CriteriaCandidate> = {}): CriteriaCandidate => ({
  loanId: 'L1',
  chargeOffDate: '2025-06-30',
  product: 'credit_card',
  province: '广东',
  claimFen: asFen(865_000),
  dpdAtChargeOff: 180,
  monthsSinceChargeOff: 12,
  placementStage: 'primary',
  litigationStatus: 'none',
  ...overrides,
});

describe('portfolio criteria', () => {
  it('take every candidate when no criterion is set', () => {
    expect(criteriaMatcher({})(candidate())).toBe(true);
  });

  it('treat every range as inclusive at both ends', () => {
    const matches = criteriaMatcher({
      chargeOffDateFrom: '2025-06-30',
      chargeOffDateTo: '2025-06-30',
      claimFenMin: asFen(865_000),
      claimFenMax: asFen(865_000),
      dpdAtChargeOffMin: 180,
      dpdAtChargeOffMax: 180,
      monthsSinceChargeOffMin: 12,
      monthsSinceChargeOffMax: 12,
    });
    expect(matches(candidate())).toBe(true);
    expect(matches(candidate({ chargeOffDate: '2025-07-01' }))).toBe(false);
    expect(matches(candidate({ chargeOffDate: '2025-06-29' }))).toBe(false);
    expect(matches(candidate({ claimFen: asFen(865_001) }))).toBe(false);
    expect(matches(candidate({ dpdAtChargeOff: 179 }))).toBe(false);
    expect(matches(candidate({ monthsSinceChargeOff: 13 }))).toBe(false);
  });

  it('take only the listed products, provinces, placement stages and litigation statuses', () => {
    const matches = criteriaMatcher({
      products: ['credit_card', 'cash_loan'],
      provinces: ['广东'],
      placementStages: ['primary'],
      litigationStatuses: ['none', 'judgment'],
    });
    expect(matches(candidate())).toBe(true);
    expect(matches(candidate({ product: 'consumer_loan' }))).toBe(false);
    expect(matches(candidate({ province: '江苏' }))).toBe(false);
    expect(matches(candidate({ placementStage: 'secondary' }))).toBe(false);
    expect(matches(candidate({ litigationStatus: 'filed' }))).toBe(false);
  });

  it('never match a list with an unknown province or placement stage', () => {
    expect(criteriaMatcher({ provinces: ['广东'] })(candidate({ province: null }))).toBe(false);
    expect(
      criteriaMatcher({ placementStages: ['fresh'] })(candidate({ placementStage: null })),
    ).toBe(false);
  });

  it('take included loans whatever the other criteria say', () => {
    const matches = criteriaMatcher({ products: ['cash_loan'], includeLoanIds: ['L1'] });
    expect(matches(candidate())).toBe(true);
    expect(matches(candidate({ loanId: 'L2' }))).toBe(false);
  });

  it('leave excluded loans out even when they are also included', () => {
    const matches = criteriaMatcher({ includeLoanIds: ['L1'], excludeLoanIds: ['L1'] });
    expect(matches(candidate())).toBe(false);
    expect(criteriaMatcher({ excludeLoanIds: ['L1'] })(candidate({ loanId: 'L2' }))).toBe(true);
  });
});
