/**
 * Allocates a price to loans in proportion to their claims, to the fen, by the largest-remainder
 * method (Hamilton): each loan gets ⌊price × claim ÷ Σclaims⌋, and the fen left over go one each
 * to the loans with the largest remainders (ties to the earlier loan). The allocations sum to the
 * price exactly. Integer arithmetic on BigInt: price × claim overflows 2^53 for real portfolios.
 * @example allocatePrice(100, [1, 1, 1]) // [34, 33, 33]
 * @throws RangeError for a negative or fractional amount, or a positive price over no claim
 */
export function allocatePrice(priceFen: number, claimsFen: readonly number[]): number[] {
  const isFen = (value: number) => Number.isSafeInteger(value) && value >= 0;
  if (!isFen(priceFen) || !claimsFen.every(isFen))
    throw new RangeError('a price and its claims are whole, non-negative fen');
  const total = claimsFen.reduce((sum, claim) => sum + BigInt(claim), 0n);
  if (total === 0n) {
    if (priceFen > 0)
      throw new RangeError('a positive price cannot be allocated to loans that owe nothing');
    return claimsFen.map(() => 0);
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
  return allocated;
}
