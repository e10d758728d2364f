import { type Fen, prepared, type DbOrTx, type ScreeningVerdict } from '../../../db';
import type { StratDimension, DimensionScale } from './dimensions';
import type { StratGroup, StratSums } from './strat-table';

// Aggregates over a portfolio's snapshot in SQL: a GROUP BY over its rows reads them in index
// order, which is the order they were written in. Sums come back as BigInt (safeIntegers):
// claim × days past due summed over a large book can pass 2^53.

/**
 * Whether the portfolio loan row `row` (the table's name or alias) was put back to the seller after
 * the portfolio's sale (an accepted put-back): it left the sale, so no figure of the portfolio
 * counts it from then on, as the sale's net figures do not. (A loan the bring-down took out at
 * settlement is excluded by its verdict already.)
 */
export const putBackSql = (row: string) =>
  `exists (select 1 from sale_exits x join sales s on s.id = x.sale_id
    where s.portfolio_id = ${row}.portfolio_id and x.loan_id = ${row}.loan_id and x.kind = 'put_back')`;

/** Whether the portfolio loan row `row` is on offer: not excluded by the latest screening, nor put back. */
export const onOfferSql = (row: string) =>
  `${row}.verdict is not 'excluded' and not ${putBackSql(row)}`;

/** The loans on offer of the portfolio `@portfolioId`. */
export const ON_OFFER = `portfolio_id = @portfolioId and ${onOfferSql('portfolio_loans')}`;

const STRAT_SUMS = `count(*) as loans, coalesce(sum(claim_fen), 0) as claimFen, coalesce(sum(principal_fen), 0) as principalFen,
  coalesce(sum(claim_fen * months_since_charge_off), 0) as claimMonths, coalesce(sum(claim_fen * dpd_at_cut_off), 0) as claimDpd`;

const measureOf: Record<StratDimension, string> = {
  balance_band: 'claim_fen',
  months_since_charge_off: 'months_since_charge_off',
  charge_off_age: 'months_since_charge_off',
  dpd_at_charge_off: 'dpd_at_charge_off',
  last_payment_recency: 'months_since_last_payment',
  borrower_age_band: 'borrower_age_years',
  province: 'province',
  product: 'product',
  charge_off_year: 'substr(charge_off_date, 1, 4)',
  litigation_status: 'litigation_status',
  placement_stage: 'placement_stage',
};

/**
 * The SQL of a row's group on a dimension: its band index (the last band whose lower edge the
 * measure reaches) or its value; null when the measure is unknown. Edges are validated whole
 * numbers (bands.ts), so they are written into the SQL as literals.
 */
export function groupSql(dimension: StratDimension, scale: DimensionScale): string {
  const measure = measureOf[dimension];
  if (scale.kind === 'value') return measure;
  const { edges } = scale.scale;
  const bands = edges
    .slice(1)
    .map((edge, index) => `when ${measure} < ${Math.trunc(edge)} then ${index}`);
  return `case when ${measure} is null then null ${bands.join(' ')} else ${edges.length - 1} end`;
}

type SumsRow = { [K in keyof StratSums]: bigint };
const sumsOf = (row: SumsRow): StratSums => ({
  loans: row.loans,
  claimFen: row.claimFen,
  principalFen: row.principalFen,
  claimMonths: row.claimMonths,
  claimDpd: row.claimDpd,
});

/** The loans on offer grouped on one dimension, with their sums. */
export function stratGroups(
  tx: DbOrTx,
  portfolioId: number,
  dimension: StratDimension,
  scale: DimensionScale,
): StratGroup[] {
  const rows = prepared(
    tx,
    `select ${groupSql(dimension, scale)} as grp, ${STRAT_SUMS} from portfolio_loans where ${ON_OFFER} group by grp`,
  )
    .safeIntegers(true)
    .all({ portfolioId }) as (SumsRow & { grp: bigint | string | null })[];
  return rows.map((row) => ({
    group: typeof row.grp === 'bigint' ? Number(row.grp) : row.grp,
    sums: sumsOf(row),
  }));
}

/** Sums per verdict (null for loans not screened yet), with the summary's extra measures. */
export interface VerdictSums {
  verdict: ScreeningVerdict | null;
  sums: StratSums;
  interestFen: bigint;
  feeFen: bigint;
  penaltyFen: bigint;
  collectedFen: bigint;
  /** Σ claim · days past due at charge-off. */
  claimDpdAtChargeOff: bigint;
  /** Σ claim · age over loans whose borrower's age is known, and Σ claim over them. */
  claimAge: bigint;
  claimWithAgeFen: bigint;
}

export function verdictSums(tx: DbOrTx, portfolioId: number): VerdictSums[] {
  const rows = prepared(
    tx,
    `select verdict, ${STRAT_SUMS}, coalesce(sum(interest_fen), 0) as interestFen, coalesce(sum(fee_fen), 0) as feeFen,
              coalesce(sum(penalty_fen), 0) as penaltyFen, coalesce(sum(collected_fen), 0) as collectedFen,
              coalesce(sum(claim_fen * dpd_at_charge_off), 0) as claimDpdAtChargeOff,
              coalesce(sum(claim_fen * borrower_age_years), 0) as claimAge,
              coalesce(sum(case when borrower_age_years is not null then claim_fen end), 0) as claimWithAgeFen
         from portfolio_loans where portfolio_id = @portfolioId and not ${putBackSql('portfolio_loans')}
         group by verdict`,
  )
    .safeIntegers(true)
    .all({ portfolioId }) as (SumsRow & Omit<VerdictSums, 'sums'>)[];
  return rows.map((row) => ({ ...row, sums: sumsOf(row) }));
}

/** Distinct borrowers (户数) among the loans on offer. */
export function borrowersOnOffer(tx: DbOrTx, portfolioId: number): number {
  return (
    prepared(
      tx,
      `select count(distinct borrower_id) as borrowers from portfolio_loans where ${ON_OFFER}`,
    ).get({ portfolioId }) as { borrowers: number }
  ).borrowers;
}

/** How many loans of each verdict each rule fired on. */
export function ruleCounts(
  tx: DbOrTx,
  portfolioId: number,
): { verdict: ScreeningVerdict; ruleId: string; loans: number }[] {
  return prepared(
    tx,
    `select pl.verdict, rule.value as ruleId, count(*) as loans
         from portfolio_loans pl, json_each(pl.fired_rules) rule
        where pl.portfolio_id = ? and pl.fired_rules is not null
        group by pl.verdict, rule.value order by pl.verdict, loans desc, rule.value`,
  ).all(portfolioId) as { verdict: ScreeningVerdict; ruleId: string; loans: number }[];
}

/** Each loan on offer with its claim and its group on each of `dimensions`, for splitting into lots. */
export function lotCandidateRows(
  tx: DbOrTx,
  portfolioId: number,
  groups: readonly string[],
): {
  loanId: string;
  claimFen: Fen;
  verdict: ScreeningVerdict | null;
  groups: (number | string | null)[];
}[] {
  const columns = groups.map((sql, index) => `, ${sql} as g${index}`).join('');
  const rows = prepared(
    tx,
    `select loan_id, claim_fen, verdict${columns} from portfolio_loans where ${ON_OFFER}`,
  )
    .raw(true)
    .all({ portfolioId }) as [
    string,
    Fen,
    ScreeningVerdict | null,
    ...(number | string | null)[],
  ][];
  return rows.map(([loanId, claimFen, verdict, ...values]) => ({
    loanId,
    claimFen,
    verdict,
    groups: values,
  }));
}
