/**
 * What collecting costs, as a valuation assumes it:
 * - commission: a rate on what each channel collects (agencies work on contingency, 15–50 % of
 *   collections, docs/domain.md §3), applied to the expected channel mix at each age;
 * - legal: a cost per litigated account;
 * - fixed: a cost per account per month while the account is worked.
 * Amounts in fen, as floating-point expectations.
 */
export interface CostModel {
  commissionRateByChannel: Readonly<Record<string, number>>;
  /** Share of gross collections by channel at each age since charge-off; ages past the end take the last mix. */
  channelMixByAge: readonly Readonly<Record<string, number>>[];
  legalCostPerLitigatedAccountFen: number;
  fixedCostPerAccountMonthFen: number;
}

/** Assumptions a valuation sets by hand instead of the fitted ones; commission rates replace channel by channel, a channel mix the whole fitted one. */
export interface CostOverrides {
  commissionRateByChannel?: Readonly<Record<string, number>>;
  channelMixByAge?: readonly Readonly<Record<string, number>>[];
  legalCostPerLitigatedAccountFen?: number;
  fixedCostPerAccountMonthFen?: number;
}

/**
 * The cost model with a valuation's overrides applied.
 * @example withCostOverrides(fitted, { commissionRateByChannel: { agency: 0.3 } })
 * @throws RangeError for a negative cost, a commission rate outside [0, 1], or a channel mix that is empty or whose shares do not add up to 1
 */
export function withCostOverrides(model: CostModel, overrides: CostOverrides): CostModel {
  const merged: CostModel = {
    ...model,
    commissionRateByChannel: {
      ...model.commissionRateByChannel,
      ...overrides.commissionRateByChannel,
    },
    channelMixByAge: overrides.channelMixByAge ?? model.channelMixByAge,
    legalCostPerLitigatedAccountFen:
      overrides.legalCostPerLitigatedAccountFen ?? model.legalCostPerLitigatedAccountFen,
    fixedCostPerAccountMonthFen:
      overrides.fixedCostPerAccountMonthFen ?? model.fixedCostPerAccountMonthFen,
  };
  for (const [channel, rate] of Object.entries(merged.commissionRateByChannel)) {
    if (!(rate >= 0 && rate <= 1))
      throw new RangeError(`commission rate of ${channel} must be within [0, 1]: ${rate}`);
  }
  if (overrides.channelMixByAge && !isChannelMix(overrides.channelMixByAge))
    throw new RangeError(
      'a channel mix needs at least one age, each with shares from 0 to 1 adding up to 1',
    );
  if (!(merged.legalCostPerLitigatedAccountFen >= 0) || !(merged.fixedCostPerAccountMonthFen >= 0))
    throw new RangeError('costs must not be negative');
  return merged;
}

/**
 * The commission per unit of gross collections at each age 0 … ages − 1:
 * c(age) = Σ_channel mix(age, channel) · rate(channel).
 * @example commissionRateByAge({ …, commissionRateByChannel: { agency: 0.3 }, channelMixByAge: [{ in_house: 1 }, { agency: 1 }] }, 3) // [0, 0.3, 0.3]
 */
export function commissionRateByAge(model: CostModel, ages: number): Float64Array {
  const rates = new Float64Array(ages);
  const mixes = model.channelMixByAge;
  for (let age = 0; age < ages; age++) {
    const mix = mixes[Math.min(age, mixes.length - 1)] ?? {};
    let rate = 0;
    for (const [channel, share] of Object.entries(mix))
      rate += share * (model.commissionRateByChannel[channel] ?? 0);
    rates[age] = rate;
  }
  return rates;
}

const SHARES_TOLERANCE = 1e-9;

/** At least one age, and each age's shares within [0, 1] adding up to 1. */
export function isChannelMix(mixes: readonly Readonly<Record<string, number>>[]): boolean {
  return (
    mixes.length > 0 &&
    mixes.every((mix) => {
      const shares = Object.values(mix);
      return (
        shares.every((share) => share >= 0 && share <= 1) &&
        Math.abs(shares.reduce((a, b) => a + b, 0) - 1) <= SHARES_TOLERANCE
      );
    })
  );
}
