import type { Context } from 'hono';
import type { AuditActor } from '../audit';
import type { AppEnv } from '../shared';

/** The audit identity of the request's user. */
export function auditActorOf(c: Context<AppEnv>): AuditActor {
  return {
    userId: c.get('user')?.id ?? null,
    label: c.get('actor'),
    requestId: c.get('requestId'),
  };
}
