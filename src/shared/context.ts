import type { DbOrTx } from '../../db';
import type { AppDeps } from './deps';

/** Who did something, as the audit log and the journal record it. */
export interface AuditActor {
  userId: number | null;
  /** Readable identity: the user's email, or `system` / `demo` for the platform itself. */
  label: string;
  requestId: string | null;
}

/**
 * What every verb is called with: the transaction it works in (one per verb; a verb called by
 * another joins its caller's), the app's dependencies and who is acting. Verbs take this and
 * their input, nothing else.
 */
export interface VerbContext {
  tx: DbOrTx;
  deps: AppDeps;
  actor: AuditActor;
}
