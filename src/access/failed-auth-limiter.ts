import type { PlatformConfig } from '../shared';

/** Most clients (addresses, token prefixes) a limiter remembers; past it the stalest are forgotten. */
const MAX_TRACKED = 10_000;

/**
 * Counts failed authentications per client (an address, a token prefix) in a sliding window
 * (`PlatformConfig.failedAuthentication`). Bearer tokens carry 256 random bits, so the limit is
 * not what stops guessing; it stops a spray or a script looping on a dead token from hammering the
 * token table and the log, and tells the client when to come back. Only failures count and only
 * failures are refused: a valid token from the same address still works, so users sharing an
 * address (an office NAT) are not locked out by someone else's mistakes.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: PlatformConfig['failedAuthentication']) {}

  /**
   * Records a failure of each client at `nowMs`; answers the seconds until the first of them may
   * try again when one is past the limit, else undefined.
   */
  fail(clients: readonly string[], nowMs: number): number | undefined {
    let retryAfterSeconds: number | undefined;
    for (const client of clients) {
      const recent = this.recent(client, nowMs);
      recent.push(nowMs);
      this.failures.delete(client);
      this.failures.set(client, recent);
      if (recent.length > this.limits.attempts) {
        // The client may try again when enough failures have left the window to be under the limit.
        const oldestCounted = recent[recent.length - this.limits.attempts]!;
        const wait = Math.max(
          1,
          Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - nowMs) / 1000),
        );
        retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, wait);
      }
    }
    this.forgetStalest();
    return retryAfterSeconds;
  }

  private recent(client: string, nowMs: number): number[] {
    const windowStart = nowMs - this.limits.windowSeconds * 1000;
    return (this.failures.get(client) ?? []).filter((at) => at > windowStart);
  }

  private forgetStalest(): void {
    // A Map iterates in insertion order and `fail` re-inserts a client it saw: the first are stalest.
    for (const client of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED) return;
      this.failures.delete(client);
    }
  }
}
