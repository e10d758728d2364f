import type { z } from '@hono/zod-openapi';
import { formatFen } from '../shared';
import type { EntryWithLines } from './entries';
import {
  registerStatus,
  type JournalReport,
  type OffBalanceReport,
  type VoucherSummary,
  type WriteOffReport,
} from './reports';
import type {
  EntrySchema,
  JournalSchema,
  JournalSummarySchema,
  OffBalanceSchema,
  TrialBalanceSchema,
  WriteOffReportSchema,
} from './schemas';
import type { TrialBalance, TrialBalanceLine, TrialBalanceSection } from './trial-balance';
import type { WriteOffMeasures } from './write-off-measures';

// Ledger results (integer fen) as the API shows them (decimal strings).

const accountLineView = ({
  code,
  nameZh,
  nameEn,
  type,
  debitFen,
  creditFen,
  balanceFen,
}: TrialBalanceLine) => ({
  code,
  nameZh,
  nameEn,
  type,
  debit: formatFen(debitFen),
  credit: formatFen(creditFen),
  balance: formatFen(balanceFen),
});

function sectionView(section: TrialBalanceSection) {
  return {
    accounts: section.accounts.map(accountLineView),
    debit: formatFen(section.debitFen),
    credit: formatFen(section.creditFen),
    balanced: section.balanced,
  };
}

export function trialBalanceView(report: TrialBalance): z.infer<typeof TrialBalanceSchema> {
  return {
    asOf: report.asOf,
    sections: report.sections.map((section) => ({
      section: section.section,
      accounts: section.accounts.map(accountLineView),
      debit: formatFen(section.debitFen),
      credit: formatFen(section.creditFen),
      balance: formatFen(section.balanceFen),
    })),
    totals: {
      debit: formatFen(report.totals.debitFen),
      credit: formatFen(report.totals.creditFen),
      balanced: report.totals.balanced,
    },
    balanceSheet: sectionView(report.balanceSheet),
    offBalance: sectionView(report.offBalance),
  };
}

export function journalView(report: JournalReport): z.infer<typeof JournalSchema> {
  return {
    from: report.from,
    to: report.to,
    totals: {
      lines: report.totals.lines,
      debit: formatFen(report.totals.debitFen),
      credit: formatFen(report.totals.creditFen),
    },
    items: report.items.map(({ debitFen, creditFen, ...line }) => ({
      ...line,
      debit: formatFen(debitFen),
      credit: formatFen(creditFen),
    })),
    nextCursor: report.nextCursor,
  };
}

export function voucherSummaryView(summary: VoucherSummary): z.infer<typeof JournalSummarySchema> {
  return {
    from: summary.from,
    to: summary.to,
    rows: summary.rows.map(({ debitFen, creditFen, ...row }) => ({
      ...row,
      debit: formatFen(debitFen),
      credit: formatFen(creditFen),
    })),
    totals: {
      lines: summary.totals.lines,
      debit: formatFen(summary.totals.debitFen),
      credit: formatFen(summary.totals.creditFen),
    },
  };
}

export function entryView(entry: EntryWithLines): z.infer<typeof EntrySchema> {
  return {
    id: entry.id,
    entryDate: entry.entryDate,
    kind: entry.kind,
    memo: entry.memo,
    sourceRef: entry.sourceRef,
    reversesEntryId: entry.reversesEntryId,
    reversedByEntryId: entry.reversedByEntryId,
    postedAt: entry.postedAt,
    postedBy: entry.postedBy,
    lines: entry.lines.map((line) => ({
      lineNo: line.lineNo,
      accountCode: line.accountCode,
      debit: formatFen(line.debitFen),
      credit: formatFen(line.creditFen),
      loanId: line.loanId,
      memo: line.memo,
    })),
    nextCursor: entry.nextCursor,
  };
}

function measuresView(measures: WriteOffMeasures) {
  return {
    loansWrittenOff: measures.loansWrittenOff,
    writtenOff: formatFen(measures.writtenOffFen),
    recoveries: formatFen(measures.recoveredFen),
    netChargeOff: formatFen(measures.netChargeOffFen),
    recoveryRate: measures.recoveryRate,
  };
}

export function writeOffReportView(report: WriteOffReport): z.infer<typeof WriteOffReportSchema> {
  return {
    from: report.from,
    to: report.to,
    rows: report.rows.map((row) => ({
      month: row.month,
      product: row.product,
      ...measuresView(row),
    })),
    totals: measuresView(report.totals),
  };
}

export function offBalanceView(report: OffBalanceReport): z.infer<typeof OffBalanceSchema> {
  const { totals } = report;
  return {
    asOf: report.asOf,
    totals: {
      loans: totals.loans,
      writtenOff: formatFen(totals.writtenOffFen),
      recoveries: formatFen(totals.recoveredFen),
      sold: formatFen(totals.soldFen),
      balance: formatFen(totals.balanceFen),
    },
    items: report.items.map((loan) => ({
      loanId: loan.loanId,
      product: loan.product,
      loanStatus: loan.loanStatus,
      writtenOffOn: loan.enteredOn,
      writtenOff: formatFen(loan.writtenOffFen),
      recoveries: formatFen(loan.recoveredFen),
      sold: formatFen(loan.soldFen),
      balance: formatFen(loan.balanceFen),
      status: registerStatus(loan),
      buyer: loan.soldFen > 0 ? loan.buyer : null,
    })),
    nextCursor: report.nextCursor,
  };
}
