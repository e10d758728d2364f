import { createHmac, randomBytes } from 'node:crypto';

/** A new portfolio's token key: 256 random bits, hex. */
export function newTokenKey(): string {
  return randomBytes(32).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The pseudonymous token that stands for a loan in a portfolio's P1 data room: HMAC-SHA256 of the
 * loan id under the portfolio's key, 80 bits in Crockford base32 (16 characters, no I/L/O/U to
 * misread). The same loan gets the same token in every download of that portfolio; without the
 * key, a token says nothing about the loan id, and tokens of two portfolios are unrelated.
 * @example loanToken(key, 'L000123') // 'T-4K9Q…'
 */
export function loanToken(tokenKey: string, loanId: string): string {
  const digest = createHmac('sha256', Buffer.from(tokenKey, 'hex')).update(loanId).digest();
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let token = '';
  for (let i = 0; i < 16; i++) {
    token = CROCKFORD[Number(bits & 31n)] + token;
    bits >>= 5n;
  }
  return `T-${token}`;
}
