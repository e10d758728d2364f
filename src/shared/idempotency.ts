import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type DbOrTx, idempotencyKeys } from '../../db';
import { Problem } from './problem';

/**
 * Idempotency keys, Stripe/Formance style: a request carrying an `Idempotency-Key` is done at most
 * once. The key is stored with a hash of the request and the response sent, in the same
 * transaction as the request's effect; a later request with the key gets that response back
 * (marked with `Idempotent-Replayed: true`), unless it is a different request: then it is refused.
 */

/** Response header that marks a replayed answer. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** What was answered the first time. */
export interface StoredResponse {
  status: number;
  /** The JSON body, exactly as sent. */
  body: string;
}

/**
 * The hash a key is bound to: SHA-256 over the request's method, path and query (`fingerprint`,
 * e.g. `POST /loans/import?mode=upsert`) and the SHA-256 of its body. Hashing the body's hash
 * rather than the body lets a streamed upload be hashed once, while it is read.
 */
export function requestHash(fingerprint: string, bodySha256: string): string {
  return createHash('sha256').update(fingerprint).update('\n').update(bodySha256).digest('hex');
}

/** Whether `key` was used before: then the request must be hashed and compared before anything else is done. */
export function isKeyUsed(db: DbOrTx, key: string): boolean {
  return (
    db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, key))
      .get() !== undefined
  );
}

/**
 * The response stored under `key`, or `undefined` if the key is new.
 * @throws Problem `idempotency_key_reused` when the key was used for a request with another hash.
 */
export function storedResponse(db: DbOrTx, key: string, hash: string): StoredResponse | undefined {
  const stored = db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).get();
  if (!stored) return undefined;
  if (stored.requestHash !== hash) {
    throw new Problem(
      'idempotency_key_reused',
      `the Idempotency-Key "${key}" was already used for a different request; use a new key for a new request`,
    );
  }
  return { status: stored.responseStatus, body: stored.responseBody };
}

/** Stores the response under `key`; call it inside the transaction that makes the request's effect. */
export function storeResponse(
  db: DbOrTx,
  entry: { key: string; hash: string; response: StoredResponse; createdAt: string },
): void {
  db.insert(idempotencyKeys)
    .values({
      key: entry.key,
      requestHash: entry.hash,
      responseStatus: entry.response.status,
      responseBody: entry.response.body,
      createdAt: entry.createdAt,
    })
    .run();
}
