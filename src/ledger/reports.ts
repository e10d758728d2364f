import type { AppDeps, IsoDate, Fen } from '../shared';
import * as repository from './report-repository';
import type { DateRange, JournalLineRecord, RegisterLoan } from './report-repository';
import { trialBalance, type TrialBalance } from './trial-balance';
import { sumFlows, writeOffMeasures, type WriteOffMeasures } from './write-off-measures';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An open-ended range: the earliest and latest dates an ISO string can hold. */
export function dateRange(from: IsoDate | undefined, to: IsoDate | undefined): DateRange {
  return { from: from ?? '0000-01-01', to: to ?? '9999-12-31' };
}

/** Reads a keyset-paginated list a page at a time until it ends. */
function* pagesOf<T, Cursor>(
  first: Cursor,
  fetch: (after: Cursor) => T[],
  cursorOf: (last: T) => Cursor,
): Generator<T[]> {
  let after = first;
  for (;;) {
    const page = fetch(after);
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    if (last === undefined) return;
    after = cursorOf(last);
  }
}

const PAGE_ROWS = 5000;

/** A report's date when none is asked for: the book's latest tape date, not the server's. */
export function reportDate(deps: AppDeps, asOf: IsoDate | undefined): IsoDate {
  return asOf ?? repository.bookDate(deps.db) ?? deps.clock.today();
}

export function trialBalanceReport(deps: AppDeps, asOf: IsoDate): TrialBalance {
  return trialBalance(asOf, repository.accountTotals(deps.db, asOf));
}

export interface JournalReport extends DateRange, Page<JournalLineRecord> {
  totals: { lines: number; debitFen: Fen; creditFen: Fen };
}

export function journalReport(
  deps: AppDeps,
  range: DateRange,
  page: { limit: number; cursor?: number },
): JournalReport {
  const rows = repository.journalPage(deps.db, range, page.cursor ?? 0, page.limit + 1);
  const items = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? String(items.at(-1)?.lineId) : null;
  return { ...range, totals: repository.journalTotals(deps.db, range), items, nextCursor };
}

/** Every journal line of the range, a page at a time (for the GL export). */
export function journalPages(deps: AppDeps, range: DateRange): Iterable<JournalLineRecord[]> {
  return pagesOf(
    0,
    (afterId) => repository.journalPage(deps.db, range, afterId, PAGE_ROWS),
    (line) => line.lineId,
  );
}

export interface VoucherSummary extends DateRange {
  rows: repository.VoucherSummaryRow[];
  totals: { lines: number; debitFen: Fen; creditFen: Fen };
}

/** The voucher summary (科目汇总表): per day and account what the journal posted, with the range's totals. */
export function voucherSummaryReport(deps: AppDeps, range: DateRange): VoucherSummary {
  return {
    ...range,
    rows: repository.voucherSummary(deps.db, range),
    totals: repository.journalTotals(deps.db, range),
  };
}

export interface WriteOffReport extends DateRange {
  rows: ({ month: string; product: string } & WriteOffMeasures)[];
  totals: WriteOffMeasures;
}

/** Written off, recovered, net charge-off and recovery rate per month × product, from the register. */
export function writeOffReport(deps: AppDeps, range: DateRange): WriteOffReport {
  const flows = repository.writeOffFlows(deps.db, range);
  return {
    ...range,
    rows: flows.map((row) => ({
      month: row.month,
      product: row.product,
      ...writeOffMeasures(row),
    })),
    totals: writeOffMeasures(sumFlows(flows)),
  };
}

export type RegisterStatus = 'on_file' | 'recovered' | 'sold';

/**
 * Where a written-off claim stands: still on file and pursued (a loan put back is on file again),
 * else sold to a buyer, else fully recovered.
 */
export function registerStatus(loan: Pick<RegisterLoan, 'soldFen' | 'balanceFen'>): RegisterStatus {
  if (loan.balanceFen !== 0) return 'on_file';
  return loan.soldFen > 0 ? 'sold' : 'recovered';
}

export interface OffBalanceReport extends Page<RegisterLoan> {
  asOf: IsoDate;
  totals: ReturnType<typeof repository.registerTotals>;
}

export function offBalanceReport(
  deps: AppDeps,
  asOf: IsoDate,
  page: { limit: number; cursor?: string },
): OffBalanceReport {
  const rows = repository.registerPage(deps.db, asOf, page.cursor ?? '', page.limit + 1);
  const items = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? (items.at(-1)?.loanId ?? null) : null;
  return { asOf, totals: repository.registerTotals(deps.db, asOf), items, nextCursor };
}

/** Every loan on the register as of a date, a page at a time (for the download). */
export function offBalancePages(deps: AppDeps, asOf: IsoDate): Iterable<RegisterLoan[]> {
  return pagesOf(
    '',
    (afterLoanId) => repository.registerPage(deps.db, asOf, afterLoanId, PAGE_ROWS),
    (loan) => loan.loanId,
  );
}
