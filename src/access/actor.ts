import type { Context } from 'hono';
import type { AuditActor } from '../audit';
import type { DbOrTx } from '../../db';
import type { AppEnv, VerbContext } from '../shared';

/** The audit identity of the request's user. */
export function auditActorOf(c: Context<AppEnv>): AuditActor {
  return {
    userId: c.get('user')?.id ?? null,
    label: c.get('actor'),
    requestId: c.get('requestId'),
  };
}

/** What a route hands a verb: the transaction it runs in, the app's dependencies and the user. */
export function verbContextOf(c: Context<AppEnv>, tx: DbOrTx): VerbContext {
  return { tx, deps: c.get('deps'), actor: auditActorOf(c) };
}
