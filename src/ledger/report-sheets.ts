import type { JournalLineRecord, RegisterLoan, VoucherSummaryRow } from './report-repository';
import { registerStatus, type VoucherSummary, type WriteOffReport } from './reports';
import type { TrialBalance, TrialBalanceLine, TrialBalanceSectionName } from './trial-balance';
import type { Sheet, SheetColumn } from '../xlsx';

// The downloads' layouts. Money columns take fen and are written as yuan numbers with two decimals.

/**
 * The general-ledger upload: one row per journal line, with what the entry is (its kind and source
 * reference) and the entry it reverses, so a reversal can be matched to its original in the GL.
 */
export function journalSheet(
  pages: Iterable<readonly JournalLineRecord[]>,
): Sheet<JournalLineRecord> {
  return {
    name: 'Journal',
    pages,
    columns: [
      { header: 'Entry ID', kind: 'integer', width: 10, value: (line) => line.entryId },
      { header: 'Date', kind: 'date', width: 12, value: (line) => line.entryDate },
      { header: 'Kind', kind: 'text', width: 18, value: (line) => line.kind },
      { header: 'Source reference', kind: 'id', width: 24, value: (line) => line.sourceRef },
      {
        header: 'Reverses entry',
        kind: 'integer',
        width: 14,
        value: (line) => line.reversesEntryId,
      },
      { header: 'Line', kind: 'integer', width: 8, value: (line) => line.lineNo },
      { header: 'Account code', kind: 'id', width: 13, value: (line) => line.accountCode },
      { header: 'Account name', kind: 'text', width: 28, value: (line) => line.accountNameZh },
      { header: 'Debit', kind: 'money', width: 16, value: (line) => line.debitFen },
      { header: 'Credit', kind: 'money', width: 16, value: (line) => line.creditFen },
      { header: 'Loan ID', kind: 'id', width: 16, value: (line) => line.loanId },
      { header: 'Memo', kind: 'text', width: 60, value: (line) => line.memo },
    ],
  };
}

/** The voucher summary (科目汇总表): per day and account, the entries, lines, debits and credits. */
export function voucherSummarySheet(summary: VoucherSummary): Sheet<VoucherSummaryRow> {
  return {
    name: 'Voucher summary',
    pages: [summary.rows],
    columns: [
      { header: 'Date', kind: 'date', width: 12, value: (row) => row.entryDate },
      { header: 'Account code', kind: 'id', width: 13, value: (row) => row.accountCode },
      { header: 'Account name', kind: 'text', width: 28, value: (row) => row.accountNameZh },
      {
        header: 'Account name (English)',
        kind: 'text',
        width: 40,
        value: (row) => row.accountNameEn,
      },
      { header: 'Entries', kind: 'integer', width: 10, value: (row) => row.entries },
      { header: 'Lines', kind: 'integer', width: 10, value: (row) => row.lines },
      { header: 'Debit', kind: 'money', width: 16, value: (row) => row.debitFen },
      { header: 'Credit', kind: 'money', width: 16, value: (row) => row.creditFen },
    ],
  };
}

interface TrialBalanceRow {
  section: string | null;
  code: string | null;
  /** The account's name, or the totals row's label. */
  name: string;
  nameEn: string | null;
  type: string | null;
  debitFen: number;
  creditFen: number;
  balanceFen: number;
}

const sectionTitles: Record<TrialBalanceSectionName, string> = {
  assets: 'Assets',
  liabilities: 'Liabilities',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expense',
  off_balance: 'Off-balance memorandum',
};

/**
 * The trial balance as a controller signs it: section by section (assets, liabilities, equity,
 * income, expense, off-balance memorandum), each account then the section's totals row, and a last
 * row with the grand totals, where debit = credit.
 */
export function trialBalanceSheet(report: TrialBalance): Sheet<TrialBalanceRow> {
  const rows: TrialBalanceRow[] = report.sections.flatMap((section) => {
    const title = sectionTitles[section.section];
    return [
      ...section.accounts.map((account: TrialBalanceLine) => ({
        section: title,
        code: account.code,
        name: account.nameZh,
        nameEn: account.nameEn,
        type: account.type,
        debitFen: account.debitFen,
        creditFen: account.creditFen,
        balanceFen: account.balanceFen,
      })),
      {
        section: title,
        code: null,
        name: `Total ${title.toLowerCase()}`,
        nameEn: null,
        type: null,
        debitFen: section.debitFen,
        creditFen: section.creditFen,
        balanceFen: section.balanceFen,
      },
    ];
  });
  rows.push({
    section: null,
    code: null,
    name: 'Total',
    nameEn: null,
    type: null,
    debitFen: report.totals.debitFen,
    creditFen: report.totals.creditFen,
    balanceFen: report.totals.debitFen - report.totals.creditFen,
  });
  const columns: SheetColumn<TrialBalanceRow>[] = [
    { header: 'Section', kind: 'text', width: 24, value: (row) => row.section },
    { header: 'Account code', kind: 'id', width: 13, value: (row) => row.code },
    { header: 'Account name', kind: 'text', width: 30, value: (row) => row.name },
    { header: 'Account name (English)', kind: 'text', width: 44, value: (row) => row.nameEn },
    { header: 'Type', kind: 'text', width: 12, value: (row) => row.type },
    { header: 'Debit', kind: 'money', width: 16, value: (row) => row.debitFen },
    { header: 'Credit', kind: 'money', width: 16, value: (row) => row.creditFen },
    {
      header: 'Debit balance',
      kind: 'money',
      width: 16,
      value: (row) => Math.max(row.balanceFen, 0),
    },
    {
      header: 'Credit balance',
      kind: 'money',
      width: 16,
      value: (row) => Math.max(-row.balanceFen, 0),
    },
  ];
  return { name: `Trial balance ${report.asOf}`, pages: [rows], columns };
}

type WriteOffRow = WriteOffReport['rows'][number];

export function writeOffReportSheet(report: WriteOffReport): Sheet<WriteOffRow> {
  return {
    name: 'Write-offs',
    pages: [report.rows],
    columns: [
      { header: 'Month', kind: 'text', width: 10, value: (row) => row.month },
      { header: 'Product', kind: 'text', width: 18, value: (row) => row.product },
      {
        header: 'Loans written off',
        kind: 'integer',
        width: 18,
        value: (row) => row.loansWrittenOff,
      },
      { header: 'Written off', kind: 'money', width: 18, value: (row) => row.writtenOffFen },
      { header: 'Recoveries', kind: 'money', width: 16, value: (row) => row.recoveredFen },
      { header: 'Net charge-off', kind: 'money', width: 18, value: (row) => row.netChargeOffFen },
      { header: 'Recovery rate', kind: 'rate', width: 14, value: (row) => row.recoveryRate },
    ],
  };
}

export function offBalanceSheet(pages: Iterable<readonly RegisterLoan[]>): Sheet<RegisterLoan> {
  return {
    name: 'Off-balance register',
    pages,
    columns: [
      { header: 'Loan ID', kind: 'id', width: 16, value: (loan) => loan.loanId },
      { header: 'Product', kind: 'text', width: 18, value: (loan) => loan.product },
      { header: 'Written off on', kind: 'date', width: 14, value: (loan) => loan.enteredOn },
      {
        header: 'Written-off claim',
        kind: 'money',
        width: 18,
        value: (loan) => loan.writtenOffFen,
      },
      { header: 'Recoveries', kind: 'money', width: 16, value: (loan) => loan.recoveredFen },
      { header: 'Sold', kind: 'money', width: 16, value: (loan) => loan.soldFen },
      { header: 'Claim on file', kind: 'money', width: 16, value: (loan) => loan.balanceFen },
      { header: 'Status', kind: 'text', width: 11, value: (loan) => registerStatus(loan) },
      {
        header: 'Buyer',
        kind: 'text',
        width: 32,
        value: (loan) => (loan.soldFen > 0 ? loan.buyer : null),
      },
    ],
  };
}
