import type Database from 'better-sqlite3';
import { prepared } from '../../db';
import type { AppDeps } from '../shared';

/**
 * @deprecated use `prepared(tx, sql)` from `db` on the caller's transaction. Kept, as a delegate,
 * only while write-offs/repository.ts still calls it; the ledger no longer does.
 */
export const statement = (deps: AppDeps, sql: string): Database.Statement => prepared(deps.db, sql);
