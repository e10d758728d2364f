import { asFen, type Fen, ZERO_FEN } from './money';

// The three ways an amount becomes whole fen, side by side: each answers a different question, and
// using one where another belongs either drifts (rounding many amounts half up), loses a fen
// (rounding shares of a price each on its own) or invents precision (reading 0.125 yuan as money).

/**
 * 1. Reading money someone typed into a spreadsheet: the cell is yuan as an IEEE double. Rounds
 * half away from zero at the fen, which is exact for any value a spreadsheet shows with two
 * decimals; more decimals are refused (undefined), since no ledger holds a third decimal.
 * @example fenFromYuanNumber(1234.56) // 123456; fenFromYuanNumber(0.125) // undefined
 */
export function fenFromYuanNumber(yuan: number): Fen | undefined {
  if (!Number.isFinite(yuan)) return undefined;
  const fen = Math.sign(yuan) * Math.round(Math.abs(yuan) * 100);
  if (
    !Number.isSafeInteger(fen) ||
    Math.abs(fen - yuan * 100) > Math.max(1e-6, Math.abs(yuan) * 1e-10)
  )
    return undefined;
  return asFen(fen === 0 ? 0 : fen);
}

/**
 * 2. Forecasts becoming money. The one step where the valuation's floating-point expectations become money: round half to
 * even at the fen (banker's rounding), so that rounding many monthly amounts adds no drift up or
 * down.
 * @example roundToFen(12.5) // 12; roundToFen(13.5) // 14; roundToFen(-2.5) // -2
 * @throws RangeError for a value that is not finite or past 2^53 fen
 */
export function roundToFen(value: number): Fen {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    throw new RangeError(`not an amount of fen: ${value}`);
  const floor = Math.floor(value);
  const fraction = value - floor;
  const rounded = fraction > 0.5 || (fraction === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return asFen(rounded === 0 ? 0 : rounded);
}

/**
 * 3. A whole shared out. Allocates a price to loans in proportion to their claims, to the fen, by the largest-remainder
 * method (Hamilton): each loan gets ⌊price × claim ÷ Σclaims⌋, and the fen left over go one each
 * to the loans with the largest remainders (ties to the earlier loan). The allocations sum to the
 * price exactly. Integer arithmetic on BigInt: price × claim overflows 2^53 for real portfolios.
 * @example allocatePrice(100, [1, 1, 1]) // [34, 33, 33]
 * @throws RangeError for a negative or fractional amount, or a positive price over no claim
 */
export function allocatePrice(priceFen: Fen, claimsFen: readonly Fen[]): Fen[] {
  const isFen = (value: number) => Number.isSafeInteger(value) && value >= 0;
  if (!isFen(priceFen) || !claimsFen.every(isFen))
    throw new RangeError('a price and its claims are whole, non-negative fen');
  const total = claimsFen.reduce((sum, claim) => sum + BigInt(claim), 0n);
  if (total === 0n) {
    if (priceFen > 0)
      throw new RangeError('a positive price cannot be allocated to loans that owe nothing');
    return claimsFen.map(() => ZERO_FEN);
  }
  const price = BigInt(priceFen);
  const shares = claimsFen.map((claim) => price * BigInt(claim));
  const allocated = shares.map((share) => Number(share / total));
  let left = priceFen - allocated.reduce((sum, fen) => sum + fen, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share % total }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (left === 0) break;
    allocated[index]! += 1;
    left -= 1;
  }
  return allocated.map(asFen);
}
