import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Tx } from '../../db';
import type { AppEnv } from './deps';
import {
  type IdempotencyKey,
  IDEMPOTENT_REPLAYED_HEADER,
  keyScope,
  requestHash,
  storedResponse,
  storeResponse,
} from './idempotency';

/** The request's `Idempotency-Key`, as its sender's: undefined when the request has none. */
export function idempotencyKeyOf(c: Context<AppEnv>): IdempotencyKey | undefined {
  const key = c.req.header('Idempotency-Key');
  return key === undefined ? undefined : { scope: keyScope(c.get('user')?.id), key };
}

/**
 * Runs a JSON verb in one (immediate) transaction, honouring an `Idempotency-Key` header: the first
 * request's response is stored with the key in the same transaction as the verb's effect, and a
 * repeat gets it back, marked `Idempotent-Replayed: true`, with nothing done twice. The key is the
 * user's own (another user's key of the same name is another key) and bound to the method, path and
 * body: reused for anything else it is refused (422). Handlers run
 * synchronously inside the transaction, so concurrent repeats in this process see the stored key,
 * and SQLite's write lock serialises other processes.
 */
export function idempotently<T>(
  c: Context<AppEnv>,
  body: unknown,
  status: number,
  verb: (tx: Tx) => T,
): T {
  const { db, clock } = c.get('deps');
  const key = idempotencyKeyOf(c);
  if (key === undefined) return db.transaction(verb, { behavior: 'immediate' });
  const fingerprint = `${c.req.method} ${c.req.path} user:${c.get('user')?.id ?? 'anonymous'}`;
  const hash = requestHash(
    fingerprint,
    createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex'),
  );
  return db.transaction(
    (tx) => {
      const stored = storedResponse(tx, key, hash);
      if (stored) {
        c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return JSON.parse(stored.body) as T;
      }
      const result = verb(tx);
      storeResponse(tx, {
        key,
        hash,
        response: { status, body: JSON.stringify(result) },
        createdAt: clock.now(),
      });
      return result;
    },
    { behavior: 'immediate' },
  );
}
