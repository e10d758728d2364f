import type { Fen } from '../shared';
import type { ProductTerms } from './products';

/** Balance bands of the charge-off claim and their factor on the product's curve: small balances recover a larger share. The upper bound is a plain number, not money: the last band is unbounded. */
const BALANCE_BANDS: readonly { band: string; upToFen: number; recoveryFactor: number }[] = [
  { band: 'under_5k', upToFen: 500_000, recoveryFactor: 1.4 },
  { band: '5k_20k', upToFen: 2_000_000, recoveryFactor: 1 },
  { band: '20k_100k', upToFen: 10_000_000, recoveryFactor: 0.75 },
  { band: '100k_plus', upToFen: Infinity, recoveryFactor: 0.5 },
];

const CURVE_CALIBRATION_MONTHS = 36;

/** The expected incremental recovery of a segment: r(m) = firstMonthRate · exp(−decayPerMonth · (m − 1)). */
export interface LiquidationCurve {
  firstMonthRate: number;
  decayPerMonth: number;
}

function bandOf(claimFen: Fen) {
  return (
    BALANCE_BANDS.find((b) => claimFen < b.upToFen) ?? BALANCE_BANDS[BALANCE_BANDS.length - 1]!
  );
}

/** The balance band of a charge-off claim (`under_5k`, `5k_20k`, `20k_100k`, `100k_plus`, in yuan). */
export function balanceBand(claimFen: Fen): string {
  return bandOf(claimFen).band;
}

/**
 * The liquidation curve of a product × balance band, scaled by `vintageFactor` (a charge-off
 * cohort's luck). With C = recovered36Share · band factor · vintage factor and b the decay, the
 * first month's rate is a = C · (1 − e^(−b)) / (1 − e^(−36b)), so that Σ_{m=1..36} r(m) = C.
 */
export function liquidationCurve(
  terms: ProductTerms,
  claimFen: Fen,
  vintageFactor: number,
): LiquidationCurve {
  const recovered36 = terms.recovered36Share * bandOf(claimFen).recoveryFactor * vintageFactor;
  const b = terms.decayPerMonth;
  const firstMonthRate =
    (recovered36 * (1 - Math.exp(-b))) / (1 - Math.exp(-CURVE_CALIBRATION_MONTHS * b));
  return { firstMonthRate, decayPerMonth: b };
}

/** r(m), the expected share of the charge-off claim collected in month m (1-based) after charge-off. */
export function incrementalRecoveryRate(curve: LiquidationCurve, month: number): number {
  return curve.firstMonthRate * Math.exp(-curve.decayPerMonth * (month - 1));
}
