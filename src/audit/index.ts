// The door of this room: what other rooms may use. Everything else here is private.
export { type AuditActor, type AuditEntry, recordAudit, systemActor } from './record';
