/**
 * Money is integer fen (minor units). The API and files speak decimal strings; they are parsed here
 * without floating point: "1,234.56" → 123456.
 */
import { type Fen, ZERO_FEN } from '../../db';

export { type Fen, ZERO_FEN };

/**
 * Checks that a computed amount is money: a safe integer of fen. The point where a sum or a
 * difference of amounts becomes money again asserts the invariant instead of casting it.
 * @example asFen(123_456) // 123456 as Fen; asFen(1.5) // throws RangeError
 * @throws RangeError naming the value, for anything but a safe integer
 */
export function asFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount of fen: ${value}`);
  return value as Fen;
}

/** The sum of amounts of fen, checked to stay a safe integer. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const value of values) total += value;
  return asFen(total);
}

/** a + b, checked. */
export function addFen(a: Fen, b: Fen): Fen {
  return asFen(a + b);
}

/** a − b, checked. */
export function subtractFen(a: Fen, b: Fen): Fen {
  return asFen(a - b);
}

/** −a (a refund reverses a payment); −0 is read as 0. */
export function negateFen(a: Fen): Fen {
  return asFen(a === 0 ? 0 : -a);
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;
const GROUPED = /^(-)?(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal amount in yuan into fen. Accepts thousands separators (`1,234.56`), up to two
 * decimals, and an optional minus sign. Returns `undefined` for anything else, or for amounts past
 * `Number.MAX_SAFE_INTEGER` fen.
 * @example parseFen('1,234.5') // 123450
 */
export function parseFen(text: string): Fen | undefined {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed) ?? GROUPED.exec(trimmed);
  if (!match) return undefined;
  const [, minus, whole = '', fraction = ''] = match;
  const fen = Number(whole.replaceAll(',', '') + fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return undefined;
  return asFen(minus && fen !== 0 ? -fen : fen);
}

/** Formats fen as the API's decimal string: 123456 → "1234.56", -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
