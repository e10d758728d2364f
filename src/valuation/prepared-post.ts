import type { Context } from 'hono';
import { auditActorOf } from '../access';
import {
  idempotencyKeyOf,
  idempotently,
  type AppEnv,
  isKeyUsed,
  type VerbContext,
} from '../shared';

/**
 * A POST whose work is a long read-only computation (fitting curves, a back-test) and a short
 * write: the computation runs before the write transaction so the database is not locked while
 * it runs, and is skipped when the `Idempotency-Key` was used before, since `idempotently` then
 * replays the stored response (or refuses a different request) without calling `store`. Both
 * steps get the verb context: `prepare` on the database outside any transaction, `store` in the
 * write transaction.
 */
export function preparedPost<P, T>(
  c: Context<AppEnv>,
  body: unknown,
  status: number,
  prepare: (ctx: VerbContext) => P,
  store: (ctx: VerbContext, prepared: P) => T,
): T {
  const deps = c.get('deps');
  const actor = auditActorOf(c);
  const read = () => prepare({ tx: deps.db, deps, actor });
  const key = idempotencyKeyOf(c);
  const prepared = key !== undefined && isKeyUsed(deps.db, key) ? undefined : read();
  // `prepared` is undefined only when the key is used, and then `store` is not called.
  return idempotently(c, body, status, (tx) => store({ tx, deps, actor }, prepared ?? read()));
}
