import type { DbOrTx } from '../../../db';
import type { FieldError } from '../../shared';
import { ERRORS_SHOWN, type FoundErrors } from '../error-log';
import { stagingStatement } from './staging';

/**
 * Row errors found by SQL over a staging table: `countSql` counts the offending rows, `listSql`
 * (ordered by row, with a `LIMIT ?` as its last parameter) fetches the first of them, and only
 * when there are any: a clean 1,000,000-row file pays for the count alone.
 */
export function sqlErrors<Row>(
  tx: DbOrTx,
  query: { countSql: string; listSql: string; params?: unknown[] },
  toError: (row: Row) => FieldError,
): FoundErrors {
  const params = query.params ?? [];
  const { total } = stagingStatement(tx, query.countSql).get(...params) as { total: number };
  if (total === 0) return { total, first: [] };
  const rows = stagingStatement(tx, query.listSql).all(...params, ERRORS_SHOWN) as Row[];
  return { total, first: rows.map(toError) };
}
