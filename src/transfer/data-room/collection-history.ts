import { type Fen, ZERO_FEN } from '../../shared';
import { ON_OFFER, onOfferSql } from '../../portfolios';
import { type DbOrTx, prepared } from '../../../db';

/** One pool × month of the data room's collection history. */
export interface PoolMonth {
  /** The pool: the month its loans were charged off, `YYYY-MM`. */
  pool: string;
  monthsSinceChargeOff: number;
  /** The calendar month collected in, `YYYY-MM`. */
  month: string;
  accounts: number;
  chargeOffFen: Fen;
  collectedFen: Fen;
  payingAccounts: number;
}

/**
 * The monthly collections of the portfolio's loans on offer, by pool (charge-off month) × months
 * since charge-off, every month from charge-off to the cut-off, in integer fen: the static-pool
 * history a buyer prices from (36 months is the European standard; all the book has is shown).
 * Months in which a pool collected nothing are rows with zero: the absence of collections is data.
 */
export function collectionHistory(
  db: DbOrTx,
  portfolioId: number,
  cutOffDate: string,
): PoolMonth[] {
  const pools = prepared(
    db,
    `select substr(charge_off_date, 1, 7) as pool, count(*) as accounts, sum(charge_off_fen) as chargeOffFen
       from portfolio_loans where ${ON_OFFER} group by pool order by pool`,
  ).all({ portfolioId }) as { pool: string; accounts: number; chargeOffFen: Fen }[];
  const collected = prepared(
    db,
    `select substr(pl.charge_off_date, 1, 7) as pool, substr(e.event_date, 1, 7) as month, sum(e.amount_fen) as collectedFen, count(distinct e.loan_id) as payingAccounts
       from portfolio_loans pl join collection_events e on e.loan_id = pl.loan_id
       where pl.portfolio_id = ? and ${onOfferSql('pl')} and e.event_type = 'payment' and e.event_date > pl.charge_off_date and e.event_date <= ?
       group by pool, month`,
  ).all(portfolioId, cutOffDate) as {
    pool: string;
    month: string;
    collectedFen: Fen;
    payingAccounts: number;
  }[];
  const byKey = new Map(collected.map((row) => [`${row.pool} ${row.month}`, row]));
  const lastMonth = monthNumber(cutOffDate.slice(0, 7));
  return pools.flatMap((pool) => {
    const first = monthNumber(pool.pool);
    return Array.from({ length: lastMonth - first + 1 }, (_, age) => {
      const month = monthText(first + age);
      const found = byKey.get(`${pool.pool} ${month}`);
      return {
        ...pool,
        monthsSinceChargeOff: age,
        month,
        collectedFen: found?.collectedFen ?? ZERO_FEN,
        payingAccounts: found?.payingAccounts ?? 0,
      };
    });
  });
}

const monthNumber = (yearMonth: string) =>
  Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
const monthText = (month: number) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
