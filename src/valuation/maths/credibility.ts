import type { RecoveryCurve } from './recovery-curve';

/**
 * A thin segment's curve pulled toward its parent's: rate = Z · own + (1 − Z) · parent with
 * Bühlmann's credibility Z = n ÷ (n + k). n is the segment's number of accounts, not its balance:
 * a pool's recovery rate is an average over accounts that pay or not, so its noise falls with the
 * count of accounts, and one large balance does not make a segment credible. k is the number of
 * accounts at which the segment's own experience gets half the weight (Bühlmann's k = expected
 * process variance ÷ variance of the segment means; a few hundred accounts is typical for
 * charged-off consumer debt).
 * @example credibilityWeightedCurve(region, book, { k: 500 }).credibility // 0.8 for 2,000 accounts
 * @throws RangeError for a negative k, or curves of different horizons
 */
export function credibilityWeightedCurve(
  segment: RecoveryCurve,
  parent: RecoveryCurve,
  options: { k: number },
): RecoveryCurve {
  if (!(options.k >= 0)) throw new RangeError(`credibility k must not be negative: ${options.k}`);
  if (segment.rates.length !== parent.rates.length)
    throw new RangeError('a segment and its parent must share the horizon');
  const z =
    segment.accounts + options.k === 0 ? 0 : segment.accounts / (segment.accounts + options.k);
  const rates = new Float64Array(segment.rates.length);
  for (let age = 0; age < rates.length; age++)
    rates[age] = z * (segment.rates[age] ?? 0) + (1 - z) * (parent.rates[age] ?? 0);
  return { ...segment, rates, credibility: z };
}
