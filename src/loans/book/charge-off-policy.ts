import type { LoanStatus } from '../../../db';
import type { PlatformConfig } from '../../shared';
import { isOnBook } from './on-book';

/** The charge-off recognition policy (坏账认定): a days-past-due threshold, and events that need no wait. */
export interface ChargeOffPolicy {
  /** Days past due from which a loan is bad, e.g. 180 for unsecured consumer credit. */
  dpdThreshold: number;
}

/** The policy as the platform is configured (`PlatformConfig.chargeOffDpdThreshold`). */
export function chargeOffPolicyOf(config: PlatformConfig): ChargeOffPolicy {
  return { dpdThreshold: config.chargeOffDpdThreshold };
}

export const chargeOffRuleCodes = ['dpd_threshold', 'bankrupt', 'deceased'] as const;
export type ChargeOffRuleCode = (typeof chargeOffRuleCodes)[number];

/** A rule that makes a loan a charge-off candidate, and why, in words. */
export interface ChargeOffRule {
  code: ChargeOffRuleCode;
  description: string;
}

export interface ChargeOffSubject {
  status: LoanStatus;
  /** Projected to the date of the decision (see `projectedDaysPastDue`). */
  daysPastDue: number;
  bankrupt: boolean;
  deceased: boolean;
}

/**
 * Every rule of the policy that makes an on-book loan a charge-off candidate: days past due ≥ the
 * threshold, the borrower bankrupt, or deceased. Empty when none fires, or when the loan is no
 * longer on the book (already charged off, sold, settled or closed).
 * @example chargeOffRules({ status: 'delinquent', daysPastDue: 186, bankrupt: false, deceased: false }, { dpdThreshold: 180 })
 *   // [{ code: 'dpd_threshold', description: '186 days past due ≥ 180' }]
 */
export function chargeOffRules(loan: ChargeOffSubject, policy: ChargeOffPolicy): ChargeOffRule[] {
  if (!isOnBook(loan.status)) return [];
  const rules: ChargeOffRule[] = [];
  if (loan.daysPastDue >= policy.dpdThreshold) {
    rules.push({
      code: 'dpd_threshold',
      description: `${loan.daysPastDue} days past due ≥ ${policy.dpdThreshold}`,
    });
  }
  if (loan.bankrupt) rules.push({ code: 'bankrupt', description: 'borrower bankrupt (个人破产)' });
  if (loan.deceased) rules.push({ code: 'deceased', description: 'borrower deceased' });
  return rules;
}
