import { claimFen } from '../../shared';
import type { z } from '@hono/zod-openapi';
import { type Fen, formatFen } from '../../shared';
import type { BalanceMeasures } from './balance-measures';
import type { LoanRow } from './book-repository';
import type { ChargeOffCandidates, DelinquencyReport, Page } from './book-service';
import type {
  ChargeOffCandidatesSchema,
  DelinquencyReportSchema,
  LoanPageSchema,
  LoanSchema,
} from './book-schemas';

// Domain results (integer fen) as the API shows them (decimal strings, camelCase).

const optionalFen = (fen: Fen | null) => (fen === null ? null : formatFen(fen));

/** Every field named: a column added to the table does not reach the API unless added here. */
export function loanView(loan: LoanRow): z.infer<typeof LoanSchema> {
  return {
    loanId: loan.loanId,
    borrowerId: loan.borrowerId,
    borrowerName: loan.borrowerName,
    nationalId: loan.nationalId,
    mobilePhone: loan.mobilePhone,
    province: loan.province,
    city: loan.city,
    product: loan.product,
    channel: loan.channel,
    currency: loan.currency,
    originationDate: loan.originationDate,
    maturityDate: loan.maturityDate,
    originalPrincipal: formatFen(loan.originalPrincipalFen),
    principal: formatFen(loan.principalFen),
    interest: formatFen(loan.interestFen),
    fee: formatFen(loan.feeFen),
    penalty: formatFen(loan.penaltyFen),
    claim: formatFen(claimFen(loan)),
    daysPastDue: loan.daysPastDue,
    lastPaymentDate: loan.lastPaymentDate,
    lastPayment: optionalFen(loan.lastPaymentFen),
    status: loan.status,
    chargeOffDate: loan.chargeOffDate,
    chargeOffAmount: optionalFen(loan.chargeOffFen),
    bankrupt: loan.bankrupt,
    deceased: loan.deceased,
    disputed: loan.disputed,
    fraud: loan.fraud,
    litigationPending: loan.litigationPending,
    complaintOpen: loan.complaintOpen,
    activeRepaymentPlan: loan.activeRepaymentPlan,
    tapeDate: loan.tapeDate,
  };
}

export function loanPageView(page: Page<LoanRow>): z.infer<typeof LoanPageSchema> {
  return { items: page.items.map(loanView), nextCursor: page.nextCursor };
}

function measuresView(measures: BalanceMeasures) {
  return {
    loans: measures.loans,
    principal: formatFen(measures.principalFen),
    interest: formatFen(measures.interestFen),
    fee: formatFen(measures.feeFen),
    penalty: formatFen(measures.penaltyFen),
    total: formatFen(measures.totalFen),
  };
}

export function delinquencyReportView(
  report: DelinquencyReport,
): z.infer<typeof DelinquencyReportSchema> {
  return {
    asOf: report.asOf,
    scheme: report.scheme,
    buckets: report.buckets.map(({ bucket, measures }) => ({
      code: bucket.code,
      label: bucket.label,
      minDays: bucket.minDays,
      maxDays: bucket.maxDays ?? null,
      ...measuresView(measures),
    })),
    current: measuresView(report.current),
    totals: measuresView(report.totals),
    chargedOff: {
      loans: report.chargedOff.loans,
      chargeOffAmount: formatFen(report.chargedOff.chargeOffFen),
    },
  };
}

export function chargeOffCandidatesView(
  candidates: ChargeOffCandidates,
): z.infer<typeof ChargeOffCandidatesSchema> {
  return {
    asOf: candidates.asOf,
    policy: candidates.policy,
    total: { loans: candidates.total.loans, claim: formatFen(candidates.total.claimFen) },
    items: candidates.items.map(({ loan, daysPastDue, rules }) => ({
      loanId: loan.loanId,
      borrowerName: loan.borrowerName,
      product: loan.product,
      province: loan.province,
      daysPastDue,
      principal: formatFen(loan.principalFen),
      interest: formatFen(loan.interestFen),
      fee: formatFen(loan.feeFen),
      penalty: formatFen(loan.penaltyFen),
      claim: formatFen(claimFen(loan)),
      rules,
    })),
    nextCursor: candidates.nextCursor,
  };
}
