import { prepared, type DbOrTx } from '../../../db';
import type { AppDeps, IsoDate, Fen } from '../../shared';
import { ON_OFFER } from '../strats';

/** A loan on offer as a valuation reads it: the snapshot at the cut-off. */
export interface OfferedLoanRow {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: Fen;
  claimFen: Fen;
  product: string;
  province: string | null;
  placementStage: string | null;
  litigationStatus: string;
}

type Row = [string, IsoDate, Fen, Fen, string, string | null, string | null, string];

/**
 * The caller's handle. These two are read by valuation, which still passes the app's dependencies:
 * both forms are taken until it passes its transaction (then this goes).
 */
const handleOf = (source: DbOrTx | AppDeps): DbOrTx => ('clock' in source ? source.db : source);

/**
 * The loans on offer (those the summary and strats count: not excluded by the latest screening)
 * with their snapshot, in loan-id order so that sums over them always add in the same order.
 * A cursor, one loan at a time: a portfolio can hold a million loans, and a reader that keeps
 * only their numbers never holds a million objects. The connection is busy until it is read to
 * the end.
 */
export function* loansOnOffer(
  source: DbOrTx | AppDeps,
  portfolioId: number,
): Generator<OfferedLoanRow> {
  const rows = prepared(
    handleOf(source),
    `select loan_id, charge_off_date, charge_off_fen, claim_fen, product, province, placement_stage, litigation_status
         from portfolio_loans where ${ON_OFFER} order by loan_id`,
  )
    .raw(true)
    .iterate({ portfolioId }) as IterableIterator<Row>;
  for (const [
    loanId,
    chargeOffDate,
    chargeOffFen,
    claimFen,
    product,
    province,
    placementStage,
    litigationStatus,
  ] of rows) {
    yield {
      loanId,
      chargeOffDate,
      chargeOffFen,
      claimFen,
      product,
      province,
      placementStage,
      litigationStatus,
    };
  }
}

/** Those of `loanIds` that are on offer in the portfolio. */
export function onOfferAmong(
  source: DbOrTx | AppDeps,
  portfolioId: number,
  loanIds: readonly string[],
): Set<string> {
  const rows = prepared(
    handleOf(source),
    `select loan_id from portfolio_loans where ${ON_OFFER} and loan_id in (select value from json_each(@loanIds))`,
  )
    .pluck()
    .all({ portfolioId, loanIds: JSON.stringify(loanIds) }) as string[];
  return new Set(rows);
}
