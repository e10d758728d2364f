import type { JournalLineRecord, RegisterLoan } from './report-repository';
import { registerStatus, type WriteOffReport } from './reports';
import type { TrialBalance, TrialBalanceLine } from './trial-balance';
import type { Sheet, SheetColumn } from '../xlsx';

// The downloads' layouts. Money columns take fen and are written as yuan numbers with two decimals.

/** The general-ledger upload: one row per journal line. */
export function journalSheet(
  pages: Iterable<readonly JournalLineRecord[]>,
): Sheet<JournalLineRecord> {
  return {
    name: 'Journal',
    pages,
    columns: [
      { header: 'Entry ID', kind: 'integer', width: 10, value: (line) => line.entryId },
      { header: 'Date', kind: 'date', width: 12, value: (line) => line.entryDate },
      { header: 'Account code', kind: 'id', width: 13, value: (line) => line.accountCode },
      { header: 'Account name', kind: 'text', width: 28, value: (line) => line.accountNameZh },
      { header: 'Debit', kind: 'money', width: 16, value: (line) => line.debitFen },
      { header: 'Credit', kind: 'money', width: 16, value: (line) => line.creditFen },
      { header: 'Loan ID', kind: 'id', width: 16, value: (line) => line.loanId },
      { header: 'Memo', kind: 'text', width: 60, value: (line) => line.memo },
    ],
  };
}

type TrialBalanceRow = TrialBalanceLine & { section: string };

/** Both sections of the trial balance, each account with its section; totals are for the reader's SUM. */
export function trialBalanceSheet(report: TrialBalance): Sheet<TrialBalanceRow> {
  const rows = [
    ...report.balanceSheet.accounts.map((account) => ({ ...account, section: 'balance sheet' })),
    ...report.offBalance.accounts.map((account) => ({ ...account, section: 'off-balance memo' })),
  ];
  const columns: SheetColumn<TrialBalanceRow>[] = [
    { header: 'Section', kind: 'text', width: 18, value: (row) => row.section },
    { header: 'Account code', kind: 'id', width: 13, value: (row) => row.code },
    { header: 'Account name', kind: 'text', width: 28, value: (row) => row.nameZh },
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
