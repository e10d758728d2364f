import { prepared, type DbOrTx, type ScreeningVerdict } from '../../../db';
import type { IsoDate, Fen } from '../../shared';

/** A portfolio loan as the API lists it: its snapshot and its latest verdict. */
export interface MemberRow {
  loanId: string;
  borrowerId: string;
  product: string;
  province: string | null;
  chargeOffDate: IsoDate;
  chargeOffFen: Fen;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  claimFen: Fen;
  collectedFen: Fen;
  lastPaymentDate: IsoDate | null;
  lastPaymentFen: Fen | null;
  dpdAtChargeOff: number;
  dpdAtCutOff: number;
  monthsSinceChargeOff: number;
  borrowerAgeYears: number | null;
  placementStage: string | null;
  litigationStatus: string;
  verdict: ScreeningVerdict | null;
  firedRules: string | null;
  screeningId: number | null;
}

/** A page of a portfolio's loans in loan-id order after `afterLoanId`, optionally of one verdict. */
export function membersPage(
  tx: DbOrTx,
  portfolioId: number,
  filter: { verdict?: ScreeningVerdict; afterLoanId?: string; limit: number },
): MemberRow[] {
  return prepared(
    tx,
    `select loan_id as loanId, borrower_id as borrowerId, product, province, charge_off_date as chargeOffDate, charge_off_fen as chargeOffFen,
              principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen, claim_fen as claimFen,
              collected_fen as collectedFen, last_payment_date as lastPaymentDate, last_payment_fen as lastPaymentFen,
              dpd_at_charge_off as dpdAtChargeOff, dpd_at_cut_off as dpdAtCutOff, months_since_charge_off as monthsSinceChargeOff,
              borrower_age_years as borrowerAgeYears, placement_stage as placementStage, litigation_status as litigationStatus,
              verdict, fired_rules as firedRules, screening_id as screeningId
         from portfolio_loans
        where portfolio_id = @portfolioId and loan_id > @afterLoanId and (@verdict is null or verdict = @verdict)
        order by loan_id limit @limit`,
  ).all({
    portfolioId,
    afterLoanId: filter.afterLoanId ?? '',
    verdict: filter.verdict ?? null,
    limit: filter.limit,
  }) as MemberRow[];
}
