import type { Context } from 'hono';
import type { Tx } from '../../db';
import { idempotently, type AppEnv, isKeyUsed } from '../shared';

/**
 * A POST whose work is a long read-only computation (fitting curves, a back-test) and a short
 * write: the computation runs before the write transaction so the database is not locked while
 * it runs, and is skipped when the `Idempotency-Key` was used before, since `idempotently` then
 * replays the stored response (or refuses a different request) without calling `store`.
 */
export function preparedPost<P, T>(
  c: Context<AppEnv>,
  body: unknown,
  status: number,
  prepare: () => P,
  store: (tx: Tx, prepared: P) => T,
): T {
  const key = c.req.header('Idempotency-Key');
  const prepared = key !== undefined && isKeyUsed(c.get('deps').db, key) ? undefined : prepare();
  // `prepared` is undefined only when the key is used, and then `store` is not called.
  return idempotently(c, body, status, (tx) => store(tx, prepared ?? prepare()));
}
