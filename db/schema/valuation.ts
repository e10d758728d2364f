import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { users } from './access';
import { portfolios } from './portfolios';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const curveMethods = ['additive', 'chain_ladder'] as const;
export const cohortGrains = ['month', 'quarter', 'year'] as const;
export const horizonsMonths = [84, 120, 180] as const;

/** How curves were fitted: the same columns in a curve set and a back-test. */
const fitSettingColumns = () => ({
  cohortGrain: text('cohort_grain', { enum: cohortGrains }).notNull(),
  method: text('method', { enum: curveMethods }).notNull(),
  /** JSON array of segment dimensions, in the order they make a segment key. */
  dimensions: text('dimensions').notNull(),
  /** JSON array of the balance bands' lower edges in yuan. */
  balanceBandEdgesYuan: text('balance_band_edges_yuan').notNull(),
  horizonMonths: integer('horizon_months').notNull(),
  credibilityK: real('credibility_k').notNull(),
  tailFromAge: integer('tail_from_age').notNull(),
});

/** Who stored the row, and when. */
const authorshipColumns = () => ({
  createdBy: text('created_by').notNull(),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

/** The closed lists of the fit settings, as CHECK constraints named after `table`. */
function fitSettingChecks(
  table: string,
  t: { cohortGrain: SQLiteColumn; method: SQLiteColumn; horizonMonths: SQLiteColumn },
) {
  return [
    check(`${table}_cohort_grain`, sql`${t.cohortGrain} in (${inList(cohortGrains)})`),
    check(`${table}_method`, sql`${t.method} in (${inList(curveMethods)})`),
    check(`${table}_horizon`, sql`${t.horizonMonths} in (${sql.raw(horizonsMonths.join(', '))})`),
  ];
}

/**
 * A fitted curve set: the data window it was fitted on (history up to `asOf`, loans charged off
 * from/to), how (cohort grain, method, segmentation, horizon, credibility k, tail start), and what
 * came out as JSON: the curves per segment, the cost model and the book's gross and net triangles
 * per unit of charged-off balance. Immutable (triggers refuse UPDATE and DELETE): a valuation
 * that names a curve set can always be reproduced.
 */
export const curveSets = sqliteTable(
  'curve_sets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    asOf: text('as_of').notNull(),
    chargeOffFrom: text('charge_off_from'),
    chargeOffTo: text('charge_off_to'),
    ...fitSettingColumns(),
    loanCount: integer('loan_count').notNull(),
    /** JSON: `{ book, segments }`, each curve with its gross, net and cumulative rates. */
    curves: text('curves').notNull(),
    costModel: text('cost_model').notNull(),
    /** JSON: `{ gross, net }` static-pool triangles per unit of charged-off balance. */
    triangles: text('triangles').notNull(),
    ...authorshipColumns(),
  },
  (t) => [
    ...fitSettingChecks('curve_sets', t),
    check('curve_sets_credibility_k', sql`${t.credibilityK} >= 0`),
  ],
);

/**
 * A back-test run: curves fitted on what was known at `asOf` (D), the pools' collections forecast
 * to `actualsThrough` and compared with what they collected; the fit's settings as in a curve set,
 * the bootstrap's seed and size, and the result (per pool, total, monthly) as JSON. Immutable.
 */
export const backtests = sqliteTable(
  'backtests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    asOf: text('as_of').notNull(),
    actualsThrough: text('actuals_through').notNull(),
    ...fitSettingColumns(),
    seed: integer('seed').notNull(),
    simulations: integer('simulations').notNull(),
    result: text('result').notNull(),
    ...authorshipColumns(),
  },
  (t) => [
    ...fitSettingChecks('backtests', t),
    check('backtests_actuals_after_as_of', sql`${t.actualsThrough} > ${t.asOf}`),
  ],
);

/**
 * A portfolio valued with a curve set: the valuation date, horizon, rates, seed and simulations
 * as columns; every other input (cost overrides, litigation plan, sensitivity axes) and the
 * results (measures, monthly flows, sensitivity grid, distribution, hold or sell, segments) as
 * JSON, money in integer fen. Immutable: the same inputs and seed give these numbers again.
 */
export const valuations = sqliteTable(
  'valuations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    curveSetId: integer('curve_set_id')
      .notNull()
      .references(() => curveSets.id),
    valuationDate: text('valuation_date').notNull(),
    horizonMonths: integer('horizon_months').notNull(),
    discountRateAnnual: real('discount_rate_annual').notNull(),
    targetIrrAnnual: real('target_irr_annual').notNull(),
    seed: integer('seed').notNull(),
    simulations: integer('simulations').notNull(),
    inputs: text('inputs').notNull(),
    results: text('results').notNull(),
    ...authorshipColumns(),
  },
  (t) => [
    check('valuations_horizon', sql`${t.horizonMonths} in (${sql.raw(horizonsMonths.join(', '))})`),
    check('valuations_simulations', sql`${t.simulations} >= 1`),
    index('valuations_portfolio_idx').on(t.portfolioId),
  ],
);
