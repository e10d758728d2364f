import type { WriteOffBatchState } from '../../db';
import type { AppDeps } from '../shared';
import { existingBatch } from './decide';
import * as repository from './repository';

/** @throws Problem not_found for an unknown batch */
export function getWriteOffBatch(deps: AppDeps, batchId: number): repository.WriteOffBatchRow {
  return existingBatch(deps.db, batchId);
}

/** Batches newest first; `nextCursor` is the id to continue before. */
export function listWriteOffBatches(
  deps: AppDeps,
  query: { state?: WriteOffBatchState; limit: number; cursor?: number },
) {
  const rows = repository.listBatches(deps.db, {
    state: query.state,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** A page of a batch's loans, with their balances when drafted and the reason. */
export function writeOffBatchItems(
  deps: AppDeps,
  batchId: number,
  page: { limit: number; cursor?: number },
) {
  existingBatch(deps.db, batchId);
  const rows = repository.itemsPage(deps.db, batchId, page.cursor ?? 0, page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}
