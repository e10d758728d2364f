import { prepared, type DbOrTx } from '../../../db';
import { assertTakesLoans } from '../membership';

// Moving a split portfolio's loans into its lots, in bulk: the lot of each loan goes into a TEMP
// table (on disk, see db/client.ts), and each lot takes its rows with one INSERT … SELECT.

const ASSIGNMENTS = 'temp.portfolio_lot_assignments';

/** Fills the assignment table with each loan's lot number. */
export function writeLotAssignments(
  tx: DbOrTx,
  assignments: Iterable<[loanId: string, lot: number]>,
): void {
  prepared(tx, `drop table if exists ${ASSIGNMENTS}`).run();
  prepared(
    tx,
    'create temp table portfolio_lot_assignments (loan_id text primary key, lot integer not null) without rowid',
  ).run();
  const insert = prepared(tx, `insert into ${ASSIGNMENTS} (loan_id, lot) values (?, ?)`);
  for (const [loanId, lot] of assignments) insert.run(loanId, lot);
}

/**
 * Copies the parent's rows assigned to `lot` into the lot portfolio: the same snapshot and verdict,
 * credited to the lot's inherited screening. @returns how many loans moved
 */
export function copyLotMembers(
  tx: DbOrTx,
  parentId: number,
  lot: number,
  lotPortfolioId: number,
  screeningId: number,
): number {
  assertTakesLoans(tx, lotPortfolioId);
  return prepared(
    tx,
    `insert into portfolio_loans (portfolio_id, loan_id, borrower_id, product, province, origination_date, charge_off_date, charge_off_fen,
          principal_fen, interest_fen, fee_fen, penalty_fen, claim_fen, collected_fen, last_payment_date, last_payment_fen,
          dpd_at_charge_off, dpd_at_cut_off, months_since_charge_off, months_since_last_payment, birth_date, borrower_age_years,
          placement_stage, litigation_status, verdict, fired_rules, screening_id)
       select @lotPortfolioId, p.loan_id, p.borrower_id, p.product, p.province, p.origination_date, p.charge_off_date, p.charge_off_fen,
          p.principal_fen, p.interest_fen, p.fee_fen, p.penalty_fen, p.claim_fen, p.collected_fen, p.last_payment_date, p.last_payment_fen,
          p.dpd_at_charge_off, p.dpd_at_cut_off, p.months_since_charge_off, p.months_since_last_payment, p.birth_date, p.borrower_age_years,
          p.placement_stage, p.litigation_status, p.verdict, p.fired_rules, @screeningId
         from portfolio_loans p join ${ASSIGNMENTS} a on a.loan_id = p.loan_id
        where p.portfolio_id = @parentId and a.lot = @lot
        order by p.loan_id`,
  ).run({ lotPortfolioId, screeningId, parentId, lot }).changes;
}

export function dropLotAssignments(tx: DbOrTx): void {
  prepared(tx, `drop table if exists ${ASSIGNMENTS}`).run();
}
