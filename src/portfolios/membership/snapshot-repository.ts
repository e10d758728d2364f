import { prepared, type DbOrTx, type LoanStatus } from '../../../db';
import type { IsoDate } from '../../shared';
import {
  candidatesSql,
  claimOnFileSql,
  collectedSinceChargeOffSql,
  monthsBetweenSql,
} from '../snapshot';
import { screeningSql } from '../screening';
import { selectedSql } from './selection-function';

// The portfolio snapshot in bulk: one INSERT … SELECT from the loan book, raw SQL on drizzle's
// connection (so it joins the caller's transaction).

/** What a snapshot takes and which screening its verdicts are credited to. */
export interface SnapshotInsert {
  portfolioId: number;
  cutOffDate: IsoDate;
  /** Only these loans are considered (a draft taking loans by hand); the whole written-off book when absent. */
  loanIds?: readonly string[];
  screeningId: number;
}

const candidateColumns = {
  loanId: 'c.loan_id',
  chargeOffDate: 'c.charge_off_date',
  product: 'c.product',
  province: 'c.province',
  claimFen: 'c.claim_fen',
  dpdAtChargeOff: 'c.dpd_at_charge_off',
  monthsSinceChargeOff: 'c.months_since_charge_off',
  placementStage: 'c.placement_stage',
  litigationStatus: 'c.litigation_status',
};
const subjectColumns = {
  status: 't.status',
  product: 't.product',
  originationDate: 't.origination_date',
  birthDate: 't.birth_date',
  chargeOffDate: 't.charge_off_date',
  dpdAtChargeOff: 't.dpd_at_charge_off',
  claimFen: 't.claim_fen',
  chargeOffFen: 't.charge_off_fen',
  collectedFen: 't.collected_fen',
  claimOnFileFen: claimOnFileSql('t.loan_id', '@cutOff'),
  lastPaymentDate: 't.last_payment_date',
  lastAcknowledgementDate: 't.last_acknowledgement_date',
  litigationStatus: 't.litigation_status',
  flags: 't.flags',
};
const HELD = 'temp.portfolio_held_loans';
const heldElsewhere = `exists (select 1 from ${HELD} held where held.loan_id = c.loan_id)`;

/**
 * Copies the ids of the loans active portfolios hold into a TEMP table. An INSERT whose SELECT
 * reads its own target table is first written out whole to a temporary table (SQLite guards
 * against reading its own writes), which doubled the snapshot's cost: the copy is read instead.
 */
function withHeldLoans<T>(tx: DbOrTx, run: () => T): T {
  prepared(tx, `drop table if exists ${HELD}`).run();
  prepared(
    tx,
    'create temp table portfolio_held_loans (loan_id text primary key) without rowid',
  ).run();
  prepared(tx, `insert into ${HELD} select loan_id from portfolio_loans where active = 1`).run();
  try {
    return run();
  } finally {
    prepared(tx, `drop table ${HELD}`).run();
  }
}

/**
 * Loans join only a draft: the service checks it and answers 409, this holds every insert to it
 * (the database guards updates and deletes with triggers, but not inserts: see db/migrations/0007_portfolios_triggers.sql).
 * @throws Error when the portfolio is not a draft
 */
export function assertTakesLoans(tx: DbOrTx, portfolioId: number): void {
  const row = prepared(tx, 'select status from portfolios where id = ?').get(portfolioId) as
    { status: string } | undefined;
  if (row?.status !== 'draft')
    throw new Error(
      `loans may join only a draft portfolio; portfolio ${portfolioId} is ${row?.status ?? 'missing'}`,
    );
}

/**
 * Snapshots into a portfolio every written-off loan that `portfolio_selected` takes, screened by
 * `portfolio_screening` as of the cut-off (register both first: selection-function.ts, screening/screening-functions.ts), in one INSERT …
 * SELECT. Rows go in the book's row order: sorting by loan id would cost a sort of the whole
 * snapshot, and books are imported in about loan-id order anyway (the order the portfolio's
 * index reads them in). Each level of the SELECT is kept whole (`limit -1 offset 0`) so that
 * every function is called once per loan.
 * @returns how many loans were taken
 */
export function insertSnapshot(tx: DbOrTx, insert: SnapshotInsert): number {
  assertTakesLoans(tx, insert.portfolioId);
  const snapshotColumns = `loan_id, borrower_id, product, province, origination_date, charge_off_date, charge_off_fen,
      principal_fen, interest_fen, fee_fen, penalty_fen, claim_fen, collected_fen, last_payment_date, last_payment_fen,
      dpd_at_charge_off, dpd_at_cut_off, months_since_charge_off, months_since_last_payment, birth_date, borrower_age_years,
      placement_stage, litigation_status`;
  const sql = `insert into portfolio_loans (portfolio_id, ${snapshotColumns}, verdict, fired_rules, screening_id)
    select @portfolioId, ${snapshotColumns}, portfolio_verdict(fired_rules), fired_rules, @screeningId
    from (
      select t.*, ${screeningSql(subjectColumns)} as fired_rules
      from (
        select c.*, ${collectedSinceChargeOffSql('c.loan_id', 'c.charge_off_date', '@cutOff')} as collected_fen,
          case when c.last_payment_date is not null then ${monthsBetweenSql('c.last_payment_date', '@cutOff')} end as months_since_last_payment,
          case when c.birth_date is not null then ${monthsBetweenSql('c.birth_date', '@cutOff')} / 12 end as borrower_age_years
        from (${candidatesSql(insert.loanIds !== undefined)}) c
        where ${selectedSql(candidateColumns, heldElsewhere)}
        limit -1 offset 0
      ) t
      limit -1 offset 0
    )`;
  const params = {
    portfolioId: insert.portfolioId,
    cutOff: insert.cutOffDate,
    screeningId: insert.screeningId,
    ...(insert.loanIds ? { loanIds: JSON.stringify(insert.loanIds) } : {}),
  };
  return withHeldLoans(tx, () => prepared(tx, sql).run(params).changes);
}

/** The latest tape date of the written-off book: balances are known from there on. */
export function latestChargedOffTapeDate(tx: DbOrTx): IsoDate | null {
  return (
    prepared(
      tx,
      `select max(tape_date) as latest from loans where +status = 'charged_off'`,
    ).get() as { latest: IsoDate | null }
  ).latest;
}

/** What decides whether a named loan may enter a portfolio. */
export interface NamedLoanFacts {
  loanId: string;
  status: LoanStatus;
  chargeOffDate: IsoDate | null;
  tapeDate: IsoDate;
  /** The active portfolio holding the loan, if any. */
  heldBy: number | null;
}

/** The facts of each of these loans that is in the book, by loan id. */
export function namedLoanFacts(
  tx: DbOrTx,
  loanIds: readonly string[],
): Map<string, NamedLoanFacts> {
  const rows = prepared(
    tx,
    `select l.loan_id as loanId, l.status, l.charge_off_date as chargeOffDate, l.tape_date as tapeDate,
              (select held.portfolio_id from portfolio_loans held where held.loan_id = l.loan_id and held.active = 1) as heldBy
         from loans l where l.loan_id in (select value from json_each(?))`,
  ).all(JSON.stringify(loanIds)) as NamedLoanFacts[];
  return new Map(rows.map((row) => [row.loanId, row]));
}

/** The loans of these that `portfolioId` holds. */
export function heldLoanIds(
  tx: DbOrTx,
  portfolioId: number,
  loanIds: readonly string[],
): Set<string> {
  const rows = prepared(
    tx,
    'select loan_id as loanId from portfolio_loans where portfolio_id = ? and loan_id in (select value from json_each(?))',
  ).all(portfolioId, JSON.stringify(loanIds)) as { loanId: string }[];
  return new Set(rows.map((row) => row.loanId));
}

/** Takes these loans out of a draft portfolio. @returns how many rows went */
export function deleteMembers(tx: DbOrTx, portfolioId: number, loanIds: readonly string[]): number {
  return prepared(
    tx,
    'delete from portfolio_loans where portfolio_id = ? and loan_id in (select value from json_each(?))',
  ).run(portfolioId, JSON.stringify(loanIds)).changes;
}

/** Clears the active mark of every loan of the portfolio: it lets go of them. */
export function releaseMembers(tx: DbOrTx, portfolioId: number): void {
  prepared(tx, 'update portfolio_loans set active = 0 where portfolio_id = ? and active = 1').run(
    portfolioId,
  );
}
