import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'dpp_';

/** A new bearer token: 256 random bits, URL-safe, with a recognisable prefix for secret scanners. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token. Tokens carry 256 bits of entropy, so a plain SHA-256 (no salt, no
 * slow hash) cannot be reversed, and it lets the lookup be an index seek.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters of a token, kept in clear so people can tell their tokens apart. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, 10);
}

/** The token in an `Authorization: Bearer …` header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
