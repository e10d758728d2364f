import type { IsoDate } from '../../shared';
import { cohortOf, lastCompleteMonth, monthIndex, type CohortGrain } from './calendar-month';
import type { Triangle } from './triangle';

/** A charged-off loan as a static pool sees it; extra segment fields ride along untouched. */
export interface PoolLoan {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: number;
}

/** A payment received or a cost spent to collect, after charge-off. */
export interface RecoveryEvent {
  loanId: string;
  eventDate: IsoDate;
  type: 'payment' | 'cost';
  amountFen: number;
}

interface RecoveryTriangleOptions {
  cohort: CohortGrain;
  asOf: IsoDate;
  /** `gross`: payments; `net`: payments less costs. */
  basis: 'gross' | 'net';
}

/** An incremental triangle of collections in fen, exposure = charged-off balance, with the accounts of each pool. */
export interface RecoveryTriangle extends Triangle {
  kind: 'incremental';
  exposure: readonly number[];
  accounts: readonly number[];
}

interface Pool {
  label: string;
  lastMonth: number;
  exposureFen: number;
  accounts: number;
  byAge: Map<number, number>;
}

/**
 * The static-pool triangle: collections of the loans charged off in each cohort (month, quarter
 * or year) by months since charge-off (age 0 = the charge-off month; see calendar-month.ts),
 * with the pool's charged-off balance as exposure. Divide by exposure (`perUnitOfExposure`) for
 * the recovery rates. For a segment, pass only its loans: events of other loans are ignored.
 *
 * A cell (cohort, age) is known once every loan of the cohort has lived that age through a
 * complete month on `asOf` (cohort's last month + age ≤ last complete month), so a quarter's
 * diagonal never mixes loans of different ages. Cohorts without one complete cell yet, loans
 * charged off after `asOf`, events on or before their loan's charge-off date and events after
 * `asOf` are left out.
 * @example buildRecoveryTriangle(loans, events, { cohort: 'quarter', asOf: '2025-12-31', basis: 'net' })
 * @throws RangeError when no cohort has a complete month
 */
export function buildRecoveryTriangle(
  loans: readonly PoolLoan[],
  events: readonly RecoveryEvent[],
  options: RecoveryTriangleOptions,
): RecoveryTriangle {
  const lastMonth = lastCompleteMonth(options.asOf);
  const pools = new Map<string, Pool>();
  const loanPlace = new Map<
    string,
    { pool: Pool; chargeOffMonth: number; chargeOffDate: IsoDate }
  >();
  for (const loan of loans) {
    if (loan.chargeOffDate > options.asOf) continue;
    const chargeOffMonth = monthIndex(loan.chargeOffDate);
    const cohort = cohortOf(chargeOffMonth, options.cohort);
    if (cohort.lastMonth > lastMonth) continue;
    let pool = pools.get(cohort.label);
    if (!pool)
      pools.set(
        cohort.label,
        (pool = {
          label: cohort.label,
          lastMonth: cohort.lastMonth,
          exposureFen: 0,
          accounts: 0,
          byAge: new Map(),
        }),
      );
    pool.exposureFen += loan.chargeOffFen;
    pool.accounts += 1;
    loanPlace.set(loan.loanId, { pool, chargeOffMonth, chargeOffDate: loan.chargeOffDate });
  }
  for (const event of events) {
    const place = loanPlace.get(event.loanId);
    if (!place || event.eventDate <= place.chargeOffDate || event.eventDate > options.asOf)
      continue;
    if (event.type === 'cost' && options.basis === 'gross') continue;
    const age = monthIndex(event.eventDate) - place.chargeOffMonth;
    if (place.pool.lastMonth + age > lastMonth) continue;
    const signedFen = event.type === 'payment' ? event.amountFen : -event.amountFen;
    place.pool.byAge.set(age, (place.pool.byAge.get(age) ?? 0) + signedFen);
  }
  return toTriangle(
    [...pools.values()].sort((a, b) => a.lastMonth - b.lastMonth),
    lastMonth,
  );
}

function toTriangle(pools: readonly Pool[], lastMonth: number): RecoveryTriangle {
  const first = pools[0];
  if (!first) throw new RangeError('no charge-off cohort has a complete month of history');
  const ages = Array.from({ length: lastMonth - first.lastMonth + 1 }, (_, age) => age);
  return {
    origins: pools.map((pool) => pool.label),
    ages,
    kind: 'incremental',
    values: pools.map((pool) =>
      ages.map((age) => (pool.lastMonth + age <= lastMonth ? (pool.byAge.get(age) ?? 0) : null)),
    ),
    exposure: pools.map((pool) => pool.exposureFen),
    accounts: pools.map((pool) => pool.accounts),
  };
}
