import type { Fen } from '../shared';
import type { ProductTerms } from './products';
import type { Random } from './random';

/**
 * What would happen to a charged-off account after charge-off, in months since charge-off
 * (1-based); what the tape date has not reached yet does not happen.
 */
export interface LoanLife {
  litigationMonth?: number;
  bankruptMonth?: number;
  deceasedMonth?: number;
  disputeMonth?: number;
  complaintMonth?: number;
  plan?: RepaymentPlanTerms;
  /** An identity-theft or fraud claim: the named borrower pays nothing. */
  fraud: boolean;
  /** The borrower's willingness to pay, a multiplier with mean 1 on the segment curve. */
  propensity: number;
  /** Added to the agency's commission rate at every placement stage. */
  commissionLoading: number;
}

/** A negotiated repayment plan: `agreedShare` of what is owed at its start, paid over `months`. */
export interface RepaymentPlanTerms {
  startMonth: number;
  months: number;
  agreedShare: number;
}

/** Accounts with a claim from 50,000 yuan go to court twice as often, those under 5,000 a third as often. */
const LARGE_CLAIM_FEN = 5_000_000;
const SMALL_CLAIM_FEN = 500_000;
const BANKRUPT_SHARE = 0.006;
const DECEASED_SHARE = 0.006;
const DISPUTE_SHARE = 0.03;
const COMPLAINT_SHARE = 0.02;
const REPAYMENT_PLAN_SHARE = 0.06;
const FRAUD_SHARE = 0.004;
/** How unequal borrowers are: σ of the log-normal propensity (a few pay most of a pool's collections). */
const PROPENSITY_SIGMA = 0.8;

/** With probability `share`, a month uniform in [firstMonth, lastMonth]. */
function eventMonth(
  random: Random,
  share: number,
  firstMonth: number,
  lastMonth: number,
): number | undefined {
  return random.chance(share) ? random.int(firstMonth, lastMonth) : undefined;
}

/** Draws the post-charge-off life of one account whose claim at charge-off is `claimFen`. */
export function drawLoanLife(random: Random, terms: ProductTerms, claimFen: Fen): LoanLife {
  const sizeFactor = claimFen >= LARGE_CLAIM_FEN ? 2 : claimFen < SMALL_CLAIM_FEN ? 1 / 3 : 1;
  const planStart = eventMonth(random, REPAYMENT_PLAN_SHARE, 4, 40);
  return {
    // Lenders sue after in-house and a first agency placement have failed.
    litigationMonth: eventMonth(random, Math.min(0.9, terms.litigationShare * sizeFactor), 7, 24),
    bankruptMonth: eventMonth(random, BANKRUPT_SHARE, 1, 48),
    deceasedMonth: eventMonth(random, DECEASED_SHARE, 1, 48),
    disputeMonth: eventMonth(random, DISPUTE_SHARE, 1, 36),
    complaintMonth: eventMonth(random, COMPLAINT_SHARE, 1, 36),
    plan:
      planStart === undefined
        ? undefined
        : {
            startMonth: planStart,
            months: random.pick([6, 12]),
            agreedShare: random.uniform(0.35, 0.7),
          },
    fraud: random.chance(FRAUD_SHARE),
    propensity: random.meanOneNoise(PROPENSITY_SIGMA),
    commissionLoading: random.uniform(0, 0.05),
  };
}
