import type { Fen } from '../../shared';
import { ON_OFFER, onOfferSql, putBackSql } from '../../portfolios';
import { type DbOrTx, prepared } from '../../../db';

/** A loan of the data room tape: the portfolio's snapshot at the cut-off, with the borrower's identity from the book. */
export interface TapeRow {
  loanId: string;
  borrowerId: string;
  borrowerName: string;
  nationalId: string;
  mobilePhone: string | null;
  birthDate: string | null;
  borrowerAgeYears: number | null;
  province: string | null;
  city: string | null;
  mailingAddress: string | null;
  postalCode: string | null;
  product: string;
  channel: string | null;
  originationDate: string;
  chargeOffDate: string;
  lastPaymentDate: string | null;
  originalPrincipalFen: Fen;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  claimFen: Fen;
  chargeOffFen: Fen;
  collectedFen: Fen;
  lastPaymentFen: Fen | null;
  dpdAtChargeOff: number;
  dpdAtCutOff: number;
  monthsSinceChargeOff: number;
  monthsSinceLastPayment: number | null;
  placementStage: string | null;
  litigationStatus: string;
  documentsComplete: number;
  verdict: string | null;
  firedRules: string | null;
}

const TAPE_SELECT = `select pl.loan_id as loanId, pl.borrower_id as borrowerId, l.borrower_name as borrowerName, l.national_id as nationalId,
  l.mobile_phone as mobilePhone, pl.birth_date as birthDate, pl.borrower_age_years as borrowerAgeYears, pl.province, l.city,
  l.mailing_address as mailingAddress, l.postal_code as postalCode, pl.product, l.channel,
  pl.origination_date as originationDate, pl.charge_off_date as chargeOffDate, pl.last_payment_date as lastPaymentDate,
  l.original_principal_fen as originalPrincipalFen, pl.principal_fen as principalFen, pl.interest_fen as interestFen, pl.fee_fen as feeFen,
  pl.penalty_fen as penaltyFen, pl.claim_fen as claimFen, pl.charge_off_fen as chargeOffFen, pl.collected_fen as collectedFen,
  pl.last_payment_fen as lastPaymentFen, pl.dpd_at_charge_off as dpdAtChargeOff, pl.dpd_at_cut_off as dpdAtCutOff,
  pl.months_since_charge_off as monthsSinceChargeOff,
  pl.months_since_last_payment as monthsSinceLastPayment, pl.placement_stage as placementStage, pl.litigation_status as litigationStatus,
  l.documents_complete as documentsComplete, pl.verdict, pl.fired_rules as firedRules
  from portfolio_loans pl join loans l on l.loan_id = pl.loan_id
  where pl.portfolio_id = ? and pl.loan_id > ?`;

/**
 * The portfolio's loans in pages of `pageSize`, by loan id (keyset paging on the portfolio's
 * unique index): `excluded` picks the excluded loans, else the loans on offer. Each page is one
 * short query, so no statement stays open while the caller awaits a slow reader.
 */
export function* tapePages(
  db: DbOrTx,
  portfolioId: number,
  options: { excluded: boolean; pageSize: number },
): Generator<TapeRow[]> {
  // A loan put back after a sale is in neither list: it left the portfolio's sale.
  const verdictFilter = options.excluded
    ? `pl.verdict = 'excluded' and not ${putBackSql('pl')}`
    : onOfferSql('pl');
  const page = prepared(db, `${TAPE_SELECT} and ${verdictFilter} order by pl.loan_id limit ?`);
  let after = '';
  for (;;) {
    const rows = page.all(portfolioId, after, options.pageSize) as TapeRow[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.loanId;
  }
}

/** How many loans of the portfolio are on offer (not excluded). */
export function loansOnOfferCount(tx: DbOrTx, portfolioId: number): number {
  return (
    prepared(tx, `select count(*) as n from portfolio_loans where ${ON_OFFER}`).get({
      portfolioId,
    }) as { n: number }
  ).n;
}
