import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
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

/**
 * An `Idempotency-Key` as stored: the key and whose it is. Keys are per user, so one user's key can
 * neither replay nor block another's request.
 */
export interface IdempotencyKey {
  /** Who sent the key: `user:<id>` (see `keyScope`). */
  scope: string;
  key: string;
}

/** The scope of the keys a user sends; requests without a user share `anonymous`. */
export function keyScope(userId: number | null | undefined): string {
  return userId === null || userId === undefined ? 'anonymous' : `user:${userId}`;
}

/**
 * Rows stored before keys had an owner have this scope. They keep their old, global meaning: the
 * request they were stored for is still replayed, and any other request with the key is refused.
 */
const UNOWNED_SCOPE = '';

function storedRow(db: DbOrTx, { scope, key }: IdempotencyKey) {
  const row = (ownerScope: string) =>
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, ownerScope), eq(idempotencyKeys.key, key)))
      .get();
  return row(scope) ?? row(UNOWNED_SCOPE);
}

/** Whether the key was used before: then the request must be hashed and compared before anything else is done. */
export function isKeyUsed(db: DbOrTx, key: IdempotencyKey): boolean {
  return storedRow(db, key) !== undefined;
}

/**
 * The response stored under the key, or `undefined` if the key is new.
 * @throws Problem `idempotency_key_reused` when the key was used for a request with another hash.
 */
export function storedResponse(
  db: DbOrTx,
  key: IdempotencyKey,
  hash: string,
): StoredResponse | undefined {
  const stored = storedRow(db, key);
  if (!stored) return undefined;
  if (stored.requestHash !== hash) {
    throw new Problem(
      'idempotency_key_reused',
      `the Idempotency-Key "${key.key}" was already used for a different request; use a new key for a new request`,
    );
  }
  return { status: stored.responseStatus, body: stored.responseBody };
}

/** Stores the response under the key; call it inside the transaction that makes the request's effect. */
export function storeResponse(
  db: DbOrTx,
  entry: { key: IdempotencyKey; hash: string; response: StoredResponse; createdAt: string },
): void {
  db.insert(idempotencyKeys)
    .values({
      scope: entry.key.scope,
      key: entry.key.key,
      requestHash: entry.hash,
      responseStatus: entry.response.status,
      responseBody: entry.response.body,
      createdAt: entry.createdAt,
    })
    .run();
}

/** The requests running or waiting per key, per database (so two apps in one process never wait on each other). */
const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `work` once every earlier request with the same key (same scope) in this process is done.
 * An asynchronous verb (a file import streams its body before its transaction) would otherwise let
 * a retry run its checks while the first request is still working, and answer "already in the
 * book" instead of the first request's answer. Behind the lock the retry finds the stored key and
 * replays. Other processes are serialised by SQLite's write lock and the key's primary key.
 */
export async function withKeyLock<T>(
  db: object,
  key: IdempotencyKey,
  work: () => Promise<T>,
): Promise<T> {
  let running = inFlight.get(db);
  if (!running) inFlight.set(db, (running = new Map()));
  const name = `${key.scope}\n${key.key}`;
  const previous = running.get(name) ?? Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  running.set(name, settled);
  try {
    return await current;
  } finally {
    if (running.get(name) === settled) running.delete(name);
  }
}
