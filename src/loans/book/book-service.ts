import { type AppDeps, type IsoDate, type Fen, Problem } from '../../shared';
import type { DbOrTx } from '../../../db';
import * as repository from './book-repository';
import type { KeysetRange, LoanFilters, LoanRow } from './book-repository';
import {
  chargeOffPolicyOf,
  chargeOffRules,
  type ChargeOffPolicy,
  type ChargeOffRule,
} from './charge-off-policy';
import { projectedDaysPastDue } from './days-past-due';
import { classifyDelinquency, type DelinquencyBreakdown } from './delinquency';

/** A page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset paging: the cursor is the internal id of the last row sent. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface DelinquencyReport extends DelinquencyBreakdown {
  asOf: IsoDate;
  scheme: string;
  chargedOff: { loans: number; chargeOffFen: Fen };
}

export interface ChargeOffCandidate {
  loan: LoanRow;
  /** Projected to the report's as-of date. */
  daysPastDue: number;
  rules: ChargeOffRule[];
}

export interface ChargeOffCandidates extends Page<ChargeOffCandidate> {
  asOf: IsoDate;
  policy: ChargeOffPolicy;
  total: { loans: number; claimFen: Fen };
}

/** Fetches one row more than the page holds, to know whether another page follows. */
function keysetPage<T extends { id: number }>(
  page: PageRequest,
  fetch: (range: KeysetRange) => T[],
): Page<T> {
  const rows = fetch({
    afterId: page.cursor === undefined ? 0 : Number(page.cursor),
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
}

function invalidQuery(field: string, value: unknown, message: string): Problem {
  return new Problem('validation_failed', message, {
    errors: [{ field: `query.${field}`, value, message }],
  });
}

/**
 * The date a report is as of: the one asked for, else the latest tape date (today for an empty book).
 * Balances are known only from the latest tape on, so an earlier date is refused.
 */
function resolveAsOf(db: DbOrTx, deps: AppDeps, requested: IsoDate | undefined): IsoDate {
  const latest = repository.latestTapeDate(db);
  if (requested === undefined) return latest ?? deps.clock.today();
  if (latest !== undefined && requested < latest) {
    throw invalidQuery(
      'as_of',
      requested,
      `as_of ${requested} is before the latest tape date ${latest}; earlier balances cannot be reconstructed`,
    );
  }
  return requested;
}

export function listLoans(deps: AppDeps, filters: LoanFilters, page: PageRequest): Page<LoanRow> {
  return keysetPage(page, (range) => repository.listLoans(deps.db, filters, range));
}

/** @throws Problem not_found for an unknown loan id */
export function getLoan(deps: AppDeps, loanId: string): LoanRow {
  const loan = repository.findLoan(deps.db, loanId);
  if (!loan) throw new Problem('not_found', `no loan ${loanId}`);
  return loan;
}

/** Loans and balances per delinquency bucket of `schemeName` as of a date, in one read snapshot. */
export function delinquencyReport(
  deps: AppDeps,
  request: { asOf?: IsoDate; scheme: string },
): DelinquencyReport {
  const buckets = deps.config.delinquencySchemes[request.scheme];
  if (!buckets) {
    const known = Object.keys(deps.config.delinquencySchemes).join(', ');
    throw invalidQuery(
      'scheme',
      request.scheme,
      `unknown delinquency scheme ${request.scheme}; configured: ${known}`,
    );
  }
  return deps.db.transaction((tx) => {
    const asOf = resolveAsOf(tx, deps, request.asOf);
    const breakdown = classifyDelinquency(
      repository.delinquencyRecords(tx),
      { name: request.scheme, buckets },
      asOf,
    );
    return {
      asOf,
      scheme: request.scheme,
      ...breakdown,
      chargedOff: repository.chargedOffTotals(tx),
    };
  });
}

/** On-book loans the charge-off policy (坏账认定) marks as bad as of a date, each with the rules that fired. */
export function chargeOffCandidates(
  deps: AppDeps,
  request: { asOf?: IsoDate } & PageRequest,
): ChargeOffCandidates {
  const policy: ChargeOffPolicy = chargeOffPolicyOf(deps.config);
  return deps.db.transaction((tx) => {
    const asOf = resolveAsOf(tx, deps, request.asOf);
    const page = keysetPage(request, (range) =>
      repository.chargeOffCandidatePage(tx, asOf, policy, range),
    );
    const items = page.items.map((loan) => {
      const daysPastDue = projectedDaysPastDue(loan.daysPastDue, loan.tapeDate, asOf);
      const rules = chargeOffRules({ ...loan, daysPastDue }, policy);
      // The SQL filter and the pure rules must agree; a loan with no rule means they drifted apart.
      if (rules.length === 0)
        throw new Error(
          `loan ${loan.loanId} was selected as a charge-off candidate but no rule fires`,
        );
      return { loan, daysPastDue, rules };
    });
    return {
      asOf,
      policy,
      total: repository.chargeOffCandidateTotals(tx, asOf, policy),
      items,
      nextCursor: page.nextCursor,
    };
  });
}
