/**
 * Money is integer fen (minor units). The API and files speak decimal strings; they are parsed here
 * without floating point: "1,234.56" → 123456.
 */
export type Fen = number;

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
  return minus && fen !== 0 ? -fen : fen;
}

/** Formats fen as the API's decimal string: 123456 → "1234.56", -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
