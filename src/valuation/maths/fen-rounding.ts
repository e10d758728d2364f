/**
 * The one step where the valuation's floating-point expectations become money: round half to
 * even at the fen (banker's rounding), so that rounding many monthly amounts adds no drift up or
 * down.
 * @example roundToFen(12.5) // 12; roundToFen(13.5) // 14; roundToFen(-2.5) // -2
 * @throws RangeError for a value that is not finite or past 2^53 fen
 */
export function roundToFen(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    throw new RangeError(`not an amount of fen: ${value}`);
  const floor = Math.floor(value);
  const fraction = value - floor;
  const rounded = fraction > 0.5 || (fraction === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return rounded === 0 ? 0 : rounded;
}
