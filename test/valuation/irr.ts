// An IRR solver the tests check prices with: the platform prices at a target IRR
// (`priceAtTargetIrr`) and never solves for one, so this lives beside the tests that use it.

/** The annual effective rate of a monthly one: (1 + m)^12 − 1. */
export function annualRate(monthly: number): number {
  return Math.pow(1 + monthly, 12) - 1;
}

const LOWEST_MONTHLY_RATE = -0.9;
const HIGHEST_MONTHLY_RATE = 10;
const BRACKET_STEPS = 400;
const TOLERANCE = 1e-12;

/**
 * The internal rate of return of monthly cash flows, the first at month 0 (the price, negative):
 * the monthly rate m with Σₜ CFₜ ÷ (1 + m)^t = 0, annualised as (1 + m)^12 − 1. Roots are
 * bracketed by scanning m from −90 % to 1,000 % a month on a grid dense near zero, and the bracket
 * nearest zero is refined by bisection to 1e-12 (slow but certain, where Newton's method can jump
 * between roots). Flows that change sign more than once can have several IRRs: a purchase, its
 * collections, then late months where fixed costs exceed collections have a second root near
 * −100 %; the one nearest zero is the economically meaningful one.
 * @example irr([-100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110]) // 0.1
 * @throws RangeError when the flows never change sign or no rate in the range zeroes them
 */
export function irr(cashFlows: ArrayLike<number>): number {
  let positive = false;
  let negative = false;
  for (let t = 0; t < cashFlows.length; t++) {
    if ((cashFlows[t] ?? 0) > 0) positive = true;
    if ((cashFlows[t] ?? 0) < 0) negative = true;
  }
  if (!positive || !negative)
    throw new RangeError('an IRR needs both a negative and a positive cash flow');
  const value = (m: number) => presentValue(cashFlows, m);
  let nearest: { low: number; high: number; lowValue: number } | undefined;
  let low = LOWEST_MONTHLY_RATE;
  let lowValue = value(low);
  for (let step = 1; step <= BRACKET_STEPS; step++) {
    const high = gridRate(step);
    const highValue = value(high);
    // Very long flows at very low rates overflow to ±∞ or NaN: such points carry no sign to compare.
    const comparable = Number.isFinite(lowValue) && Number.isFinite(highValue);
    const brackets = comparable && (lowValue === 0 || Math.sign(lowValue) !== Math.sign(highValue));
    if (brackets && (!nearest || Math.abs(low + high) < Math.abs(nearest.low + nearest.high)))
      nearest = { low, high, lowValue };
    low = high;
    lowValue = highValue;
  }
  if (!nearest)
    throw new RangeError(
      'no rate between −90 % and 1,000 % a month gives a zero net present value',
    );
  return annualRate(
    nearest.lowValue === 0
      ? nearest.low
      : bisect(value, nearest.low, nearest.high, nearest.lowValue),
  );
}

/** Grid points from −0.9 to 10 a month, spaced as a cube so that most lie near zero where real IRRs are. */
function gridRate(step: number): number {
  const u = -1 + (2 * step) / BRACKET_STEPS;
  const cube = u * u * u;
  return cube < 0 ? -cube * LOWEST_MONTHLY_RATE : cube * HIGHEST_MONTHLY_RATE;
}

function bisect(value: (m: number) => number, low: number, high: number, lowValue: number): number {
  let a = low;
  let b = high;
  let va = lowValue;
  while (b - a > TOLERANCE * Math.max(1, Math.abs(a))) {
    const mid = (a + b) / 2;
    const vm = value(mid);
    if (vm === 0) return mid;
    if (Math.sign(vm) === Math.sign(va)) {
      a = mid;
      va = vm;
    } else {
      b = mid;
    }
  }
  return (a + b) / 2;
}

function presentValue(cashFlows: ArrayLike<number>, monthly: number): number {
  const discount = 1 / (1 + monthly);
  let factor = 1;
  let sum = 0;
  for (let t = 0; t < cashFlows.length; t++) {
    sum += (cashFlows[t] ?? 0) * factor;
    factor *= discount;
  }
  return sum;
}
