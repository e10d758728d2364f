import { incrementalOf, knownLength, latestCumulative, type Triangle } from './triangle';

interface AdditiveResult {
  /** ζₖ: expected incremental amount at age k per unit of exposure. */
  zeta: number[];
  /** The exposure each ζₖ rests on: Σᵢ Eᵢ over the origins known at age k. */
  exposureByAge: number[];
  /** Σⱼ≥ₖ ζⱼ: what is still to come from age k on, per unit of exposure. */
  cumZeta: number[];
  latest: number[];
  ultimate: number[];
  reserve: number[];
  totals: { latest: number; ultimate: number; reserve: number };
}

/**
 * The additive (incremental loss ratio) method: ζₖ = Σᵢ Xᵢₖ ÷ Σᵢ Eᵢ over the origins i known at
 * age k, and origin i's future is Eᵢ · Σ ζₖ over its unknown ages (Mack, "Schadenreservierung",
 * 2002, §4.1; Schmidt, "Methods and models of loss reserving based on run-off triangles", 2006,
 * the additive method). For recovery triangles ζₖ is the recovery rate per unit of charged-off
 * balance in month k after charge-off, which suits young pools better than chain ladder: it does
 * not multiply a near-zero start.
 * @example additiveMethod(iaSample).zeta[0] // 0.2432122 (chainladder-python test_schmidt)
 * @throws RangeError when the triangle has no exposure
 */
export function additiveMethod(triangle: Triangle): AdditiveResult {
  const { exposure } = triangle;
  if (!exposure) throw new RangeError('the additive method needs the exposure of each origin');
  const incremental = incrementalOf(triangle);
  const amountByAge = incremental.ages.map(() => 0);
  const exposureByAge = incremental.ages.map(() => 0);
  incremental.values.forEach((row, i) =>
    row.forEach((value, k) => {
      if (value === null) return;
      amountByAge[k]! += value;
      exposureByAge[k]! += exposure[i] ?? 0;
    }),
  );
  const zeta = amountByAge.map((amount, k) => amount / (exposureByAge[k] ?? NaN));
  const cumZeta = new Array<number>(zeta.length);
  let remaining = 0;
  for (let k = zeta.length - 1; k >= 0; k--) cumZeta[k] = remaining += zeta[k] ?? 0;
  const latest = latestCumulative(incremental);
  const reserve = incremental.values.map(
    (row, i) => (exposure[i] ?? 0) * (cumZeta[knownLength(row)] ?? 0),
  );
  const ultimate = reserve.map((r, i) => r + (latest[i] ?? 0));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    zeta,
    exposureByAge,
    cumZeta,
    latest,
    ultimate,
    reserve,
    totals: { latest: sum(latest), ultimate: sum(ultimate), reserve: sum(reserve) },
  };
}
