import { commissionRateByAge, type CostModel } from './cost-model';
import { cumulativeRates } from './recovery-curve';
import type { ValuationBook } from './valuation-book';

/** Expected cash flows in fen (floating point), month t after the valuation date at index t − 1. */
export interface MonthlyCashFlows {
  grossFen: Float64Array;
  commissionFen: Float64Array;
  legalFen: Float64Array;
  fixedFen: Float64Array;
  costsFen: Float64Array;
  netFen: Float64Array;
  /**
   * Over the whole horizon, per curve of the book (index as `book.curves`): gross and the costs
   * that follow the curve's loans (commission and fixed; legal costs are the plan's, per loan).
   */
  byCurve: { grossFen: Float64Array; commissionFen: Float64Array; fixedFen: Float64Array };
}

interface ProjectionOptions {
  horizonMonths: number;
  /** Relative change of every recovery rate: −0.2 collects 80 % of the curve. */
  recoveryShock?: number;
}

/**
 * Expected monthly cash flows of a compiled book. A loan aged a at the valuation date collects in
 * month t its charged-off balance × (1 + shock) × rate(a + t) of its curve, until what it has
 * collected reaches its claim: in that month it pays the rest of its claim and stops. Costs:
 * commission at the age's rate on gross, the legal cost of each litigated account in month 1,
 * and the fixed cost of each account in every month it still owes and its curve still expects
 * something: past the last age at which its curve collects (a curve ended by observed zeros, or
 * the horizon of the curve), nobody works an account that is not expected to pay, so no fixed cost.
 *
 * Loans without a binding cap add up by (curve, age), so the monthly sweep runs per group, not per
 * loan; a loan whose cap binds within the horizon is found by binary search on the cumulative
 * curve and leaves its group from that month on, exactly.
 * @throws RangeError for a shock below −1 or a horizon that is not a positive integer
 */
export function projectBook(
  book: ValuationBook,
  costModel: CostModel,
  options: ProjectionOptions,
): MonthlyCashFlows {
  const horizon = options.horizonMonths;
  const scale = 1 + (options.recoveryShock ?? 0);
  if (!Number.isInteger(horizon) || horizon <= 0)
    throw new RangeError(`the horizon must be a positive whole number of months: ${horizon}`);
  if (!(scale >= 0))
    throw new RangeError(`a recovery shock below −100 % is meaningless: ${options.recoveryShock}`);
  const flows = emptyFlows(horizon, book.curves.length);
  const commission = commissionRateByAge(costModel, book.maxAgeMonths + horizon + 1);
  const groups = groupLoans(book, horizon, scale, commission, flows);
  const span = book.maxAgeMonths + 1;
  const fixedFen = costModel.fixedCostPerAccountMonthFen;
  for (let g = 0; g < groups.accounts.length; g++) {
    if (groups.accounts[g] === 0) continue;
    const curve = Math.floor(g / span);
    const rates = book.curves[curve]?.rates ?? new Float64Array(0);
    const lastPayingAge = lastPositiveIndex(rates);
    const startAge = g % span;
    const drops = groups.drops.get(g);
    let unitsFen = (groups.exposureFen[g] ?? 0) * scale;
    let accounts = groups.accounts[g] ?? 0;
    for (let t = 1; t <= horizon; t++) {
      const age = startAge + t;
      if (age >= rates.length) break;
      if (drops) {
        unitsFen -= (drops[t] ?? 0) * scale;
        accounts -= drops[horizon + 2 + t] ?? 0;
      }
      const grossFen = unitsFen * (rates[age] ?? 0);
      const commissionFen = grossFen * (commission[age] ?? 0);
      flows.grossFen[t - 1]! += grossFen;
      flows.commissionFen[t - 1]! += commissionFen;
      flows.byCurve.grossFen[curve]! += grossFen;
      flows.byCurve.commissionFen[curve]! += commissionFen;
      if (age <= lastPayingAge) {
        flows.fixedFen[t - 1]! += accounts * fixedFen;
        flows.byCurve.fixedFen[curve]! += accounts * fixedFen;
      }
    }
  }
  flows.legalFen[0]! += book.litigatedAccounts * costModel.legalCostPerLitigatedAccountFen;
  for (let t = 0; t < horizon; t++) {
    flows.costsFen[t] =
      (flows.commissionFen[t] ?? 0) + (flows.legalFen[t] ?? 0) + (flows.fixedFen[t] ?? 0);
    flows.netFen[t] = (flows.grossFen[t] ?? 0) - (flows.costsFen[t] ?? 0);
  }
  return flows;
}

/** The last index whose rate is above zero; −1 when none is. */
function lastPositiveIndex(rates: Float64Array): number {
  for (let age = rates.length - 1; age >= 0; age--) if ((rates[age] ?? 0) > 0) return age;
  return -1;
}

interface Groups {
  exposureFen: Float64Array;
  accounts: Float64Array;
  /** Per group with capped loans: balance leaving at month t (index t), accounts leaving at month t (index horizon + 2 + t). */
  drops: Map<number, Float64Array>;
}

/** Adds every loan to its (curve, age) group; a capped loan's last payment goes straight into `flows`. */
function groupLoans(
  book: ValuationBook,
  horizon: number,
  scale: number,
  commission: Float64Array,
  flows: MonthlyCashFlows,
): Groups {
  const span = book.maxAgeMonths + 1;
  const groups: Groups = {
    exposureFen: new Float64Array(book.curves.length * span),
    accounts: new Float64Array(book.curves.length * span),
    drops: new Map(),
  };
  const cumulative = book.curves.map((curve) => cumulativeRates(curve.rates));
  for (let i = 0; i < book.curveIndex.length; i++) {
    const curveIndex = book.curveIndex[i] ?? 0;
    const age = book.ageMonths[i] ?? 0;
    const chargeOffFen = book.chargeOffFen[i] ?? 0;
    const g = curveIndex * span + age;
    groups.exposureFen[g]! += chargeOffFen;
    groups.accounts[g]! += 1;
    const cum = cumulative[curveIndex] ?? new Float64Array(1);
    const unitsFen = chargeOffFen * scale;
    const claimFen = book.claimFen[i] ?? 0;
    // A loan that owes nothing is not worked at all: it drops out in month 1, like a capped one.
    if (claimFen > 0 && claimFen >= unitsFen * collectedBy(cum, age, horizon)) continue;
    let low = 1;
    let high = horizon;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (unitsFen * collectedBy(cum, age, mid) >= claimFen) high = mid;
      else low = mid + 1;
    }
    let drops = groups.drops.get(g);
    if (!drops) groups.drops.set(g, (drops = new Float64Array(2 * (horizon + 2))));
    const lastFen = claimFen - unitsFen * collectedBy(cum, age, low - 1);
    drops[low]! += chargeOffFen;
    drops[horizon + 2 + low + (lastFen > 0 ? 1 : 0)]! += 1;
    const lastCommissionFen = lastFen * (commission[age + low] ?? 0);
    flows.grossFen[low - 1]! += lastFen;
    flows.commissionFen[low - 1]! += lastCommissionFen;
    flows.byCurve.grossFen[curveIndex]! += lastFen;
    flows.byCurve.commissionFen[curveIndex]! += lastCommissionFen;
  }
  return groups;
}

/**
 * What a unit of balance aged `age` at the valuation date collects in months 1 … t, from the
 * curve's running sums (ages past the curve give nothing). A function apart, not a closure per
 * loan: a million loans would make a million closures.
 */
function collectedBy(cum: Float64Array, age: number, t: number): number {
  const end = cum.length - 1;
  return (cum[Math.min(age + t + 1, end)] ?? 0) - (cum[Math.min(age + 1, end)] ?? 0);
}

function emptyFlows(horizon: number, curves: number): MonthlyCashFlows {
  const array = () => new Float64Array(horizon);
  const perCurve = () => new Float64Array(curves);
  return {
    byCurve: { grossFen: perCurve(), commissionFen: perCurve(), fixedFen: perCurve() },
    grossFen: array(),
    commissionFen: array(),
    legalFen: array(),
    fixedFen: array(),
    costsFen: array(),
    netFen: array(),
  };
}
