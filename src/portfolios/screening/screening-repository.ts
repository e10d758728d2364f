import { prepared, type DbOrTx, type ScreeningVerdict } from '../../../db';
import type { IsoDate } from '../../shared';
import {
  claimOnFileSql,
  collectedSinceChargeOffSql,
  lastPaymentDateSql,
  litigationStatusSql,
  packedFlagsSql,
} from '../snapshot';
import { screeningSql } from './screening-functions';

/** A portfolio loan whose stored verdict a screening does not confirm, with the outcome it found. */
export interface DifferingOutcome {
  id: number;
  loanId: string;
  verdict: ScreeningVerdict | null;
  firedRules: string | null;
  /** The screening that set the stored verdict. */
  screeningId: number | null;
  newVerdict: ScreeningVerdict;
  newFiredRules: string | null;
}

const subjectColumns = {
  status: 'l.status',
  product: 'pl.product',
  originationDate: 'pl.origination_date',
  birthDate: 'pl.birth_date',
  chargeOffDate: 'pl.charge_off_date',
  dpdAtChargeOff: 'pl.dpd_at_charge_off',
  claimFen: 'pl.claim_fen',
  chargeOffFen: 'pl.charge_off_fen',
  collectedFen: `case when @asOf = @cutOff then pl.collected_fen else ${collectedSinceChargeOffSql('pl.loan_id', 'pl.charge_off_date', '@asOf')} end`,
  claimOnFileFen: claimOnFileSql('pl.loan_id', '@asOf'),
  lastPaymentDate: lastPaymentDateSql('@asOf'),
  lastAcknowledgementDate: 'l.last_acknowledgement_date',
  litigationStatus: litigationStatusSql,
  flags: packedFlagsSql,
};

/**
 * Screens every loan of a portfolio in SQL with `portfolio_screening` (registered for `asOf`), on
 * its snapshot and what is known of it on `asOf`, and answers the loans whose outcome differs from
 * the one stored. On the cut-off date the snapshot's collections are the answer (no lookup);
 * later, payments up to `asOf` are summed.
 */
export function differingOutcomes(
  tx: DbOrTx,
  portfolioId: number,
  cutOffDate: IsoDate,
  asOf: IsoDate,
): DifferingOutcome[] {
  const sql = `select id, loan_id as loanId, verdict, fired_rules as firedRules, screening_id as screeningId,
      portfolio_verdict(new_fired) as newVerdict, new_fired as newFiredRules
    from (
      select pl.id, pl.loan_id, pl.verdict, pl.fired_rules, pl.screening_id, ${screeningSql(subjectColumns)} as new_fired
      from portfolio_loans pl join loans l on l.loan_id = pl.loan_id where pl.portfolio_id = @portfolioId
      limit -1 offset 0
    )
    where new_fired is not fired_rules or portfolio_verdict(new_fired) is not verdict`;
  return prepared(tx, sql).all({ portfolioId, cutOff: cutOffDate, asOf }) as DifferingOutcome[];
}

/** How many loans of a portfolio have each verdict. */
export function verdictCounts(tx: DbOrTx, portfolioId: number): Record<ScreeningVerdict, number> {
  const rows = prepared(
    tx,
    'select verdict, count(*) as loans from portfolio_loans where portfolio_id = ? group by verdict',
  ).all(portfolioId) as { verdict: ScreeningVerdict | null; loans: number }[];
  const counts = { eligible: 0, flagged: 0, excluded: 0 };
  for (const row of rows) {
    if (row.verdict === null)
      throw new Error(
        `portfolio ${portfolioId} has ${row.loans} unscreened loans after a screening`,
      );
    counts[row.verdict] = row.loans;
  }
  return counts;
}

/** A verdict to store on one portfolio row. */
export interface VerdictUpdate {
  id: number;
  verdict: ScreeningVerdict;
  firedRules: string | null;
}

/** Stores verdicts that changed, crediting them to `screeningId`; the rows left alone keep theirs. */
export function writeVerdicts(
  tx: DbOrTx,
  screeningId: number,
  updates: readonly VerdictUpdate[],
): void {
  const update = prepared(
    tx,
    'update portfolio_loans set verdict = ?, fired_rules = ?, screening_id = ? where id = ?',
  );
  for (const row of updates) update.run(row.verdict, row.firedRules, screeningId, row.id);
}

/** A loan whose verdict or fired rules a screening changed. */
export interface VerdictChange {
  loanId: string;
  previousVerdict: ScreeningVerdict;
  previousFiredRules: string | null;
  verdict: ScreeningVerdict;
  firedRules: string | null;
}

export function insertVerdictChanges(
  tx: DbOrTx,
  screeningId: number,
  changes: readonly VerdictChange[],
): void {
  const insert = prepared(
    tx,
    'insert into portfolio_verdict_changes (screening_id, loan_id, previous_verdict, previous_fired_rules, verdict, fired_rules) values (?, ?, ?, ?, ?, ?)',
  );
  for (const change of changes)
    insert.run(
      screeningId,
      change.loanId,
      change.previousVerdict,
      change.previousFiredRules,
      change.verdict,
      change.firedRules,
    );
}

/** The changes a screening recorded, by loan id. */
export function verdictChangesOf(tx: DbOrTx, screeningId: number): VerdictChange[] {
  return prepared(
    tx,
    `select loan_id as loanId, previous_verdict as previousVerdict, previous_fired_rules as previousFiredRules, verdict, fired_rules as firedRules
         from portfolio_verdict_changes where screening_id = ? order by loan_id`,
  ).all(screeningId) as VerdictChange[];
}
